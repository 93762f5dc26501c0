import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import { startOrderSaga } from '../../platform/saga-client';
import { statusQuery } from '../../workflows/saga';
import { holdOrderId } from '../helpers/blockers';
import { freshSku, orderEffects, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { eventually } from '../helpers/wait';

describe('cancelling a running saga', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system.stop();
  });

  it('lets the step in flight finish, then compensates every step that had an effect', async () => {
    const sku = await freshSku(system.prisma, 10);
    const input = orderInput(sku);
    const blocker = await holdOrderId(input.orderId);
    const handle = await startOrderSaga(system.client, input);
    try {
      await eventually(
        () => handle.query(statusQuery),
        (view) => view.steps.find((step) => step.name === 'createOrder')?.state === 'running',
      );
      await handle.cancel();
    } finally {
      // The order step, held up until now, goes through after the cancellation request: its effect
      // lands late, and must still be undone.
      await blocker.release();
    }

    const failure: unknown = await handle.result().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    expect(await orderEffects(system.prisma, input.orderId, sku)).toEqual({
      available: 10,
      charges: ['REFUNDED'],
      orders: ['CANCELLED'],
      shipments: [],
      reservations: ['RELEASED'],
    });
    const status = await handle.query(statusQuery);
    expect(status.status).toBe('COMPENSATED');
    expect(status.failure?.code).toBe('CANCELLED');
    expect((await handle.describe()).status.name).toBe('CANCELLED');
  });
});
