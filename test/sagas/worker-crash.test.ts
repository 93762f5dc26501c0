import { temporal } from '@temporalio/proto';
import { startOrderSaga } from '../../platform/saga-client';
import { statusQuery } from '../../workflows/saga';
import { lockStock } from '../helpers/blockers';
import { freshSku, orderEffects, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { eventually } from '../helpers/wait';
import { startWorkerProcess, type NodeProcess } from '../helpers/worker-process';

describe('a worker process killed in the middle of a saga', () => {
  let system: TestSystem;
  const processes: NodeProcess[] = [];

  beforeAll(async () => {
    // Only a client here: every worker runs in child processes that the test can kill.
    system = await startTestSystem({ services: [] });
  });

  afterAll(async () => {
    await Promise.all(processes.map((worker) => worker.stop()));
    await system.stop();
  });

  it('is replaced, and the saga finishes with each effect exactly once', async () => {
    const sku = await freshSku(system.prisma, 10);
    const input = orderInput(sku, { items: [{ sku, quantity: 4, unitPriceCents: 999 }] });
    const first = await startWorkerProcess(['orchestrator', 'inventory', 'payment', 'order', 'shipping']);
    processes.push(first);

    const blocker = await lockStock(sku);
    const handle = await startOrderSaga(system.client, input);
    try {
      // The reservation has started on the worker and waits on the row lock, mid-transaction.
      await eventually(
        () => handle.describe(),
        (description) =>
          description.raw.pendingActivities?.[0]?.state ===
          temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED,
      );
      await first.kill('SIGKILL');
    } finally {
      await blocker.release();
    }

    const second = await startWorkerProcess(['orchestrator', 'inventory', 'payment', 'order', 'shipping']);
    processes.push(second);
    // The lost attempt is retried once its start-to-close timeout passes; the workflow resumes
    // on the new orchestrator from its history.
    const result = await handle.result();

    expect(result.orderId).toBe(input.orderId);
    expect(await orderEffects(system.prisma, input.orderId, sku)).toEqual({
      available: 6,
      charges: ['CAPTURED'],
      orders: ['CREATED'],
      shipments: ['SCHEDULED'],
      reservations: ['RESERVED'],
    });
    const status = await handle.query(statusQuery);
    expect(status.status).toBe('COMPLETED');
    const history = await handle.fetchHistory();
    const attempts = (history.events ?? []).flatMap((event) =>
      event.activityTaskStartedEventAttributes == null ? [] : [event.activityTaskStartedEventAttributes.attempt],
    );
    expect(attempts[0]).toBeGreaterThan(1);
  });
});
