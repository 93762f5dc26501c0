import { type WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import { startOrderSaga } from '../../platform/saga-client';
import { retryCompensationsUpdate, statusQuery } from '../../workflows/saga';
import { lockStock, refuseRefunds } from '../helpers/blockers';
import { freshSku, orderEffects, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { eventually } from '../helpers/wait';

describe('a compensation that keeps failing', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system.stop();
  });

  it('parks the saga in NEEDS_ATTENTION until a person retries it after fixing the cause', async () => {
    const sku = await freshSku(system.prisma, 10);
    const input = orderInput(sku, {
      shippingAddress: { name: 'Base', line1: 'Station', city: 'Ross Island', postalCode: '0', country: 'AQ' },
    });
    const fault = await refuseRefunds(system.prisma, input.orderId);

    const handle = await startOrderSaga(system.client, input, {
      options: { compensationRetry: { maximumAttempts: 2, initialInterval: 100, maximumInterval: 200 } },
    });
    const parked = await eventually(
      () => handle.query(statusQuery),
      (view) => view.status === 'NEEDS_ATTENTION',
    );

    expect(parked.needsAttention?.steps).toEqual(['chargePayment']);
    expect(parked.steps.find((step) => step.name === 'chargePayment')).toMatchObject({
      state: 'compensation_failed',
      error: { message: expect.stringContaining('payment ledger unavailable') as unknown },
    });
    // The other compensations still ran: only the refund is outstanding.
    expect(parked.steps.map((step) => step.state)).toEqual([
      'compensated',
      'compensation_failed',
      'compensated',
      'failed',
    ]);
    expect((await orderEffects(system.prisma, input.orderId, sku)).charges).toEqual(['CAPTURED']);
    const described = await handle.describe();
    expect(described.status.name).toBe('RUNNING');
    expect(described.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'SagaStatus')?.value).toBe(
      'NEEDS_ATTENTION',
    );

    await fault.restore();
    const retried = await handle.executeUpdate(retryCompensationsUpdate);

    expect(retried.status).toBe('COMPENSATED');
    expect(retried.needsAttention).toBeUndefined();
    const failure: unknown = await handle.result().catch((error: unknown) => error);
    expect(((failure as WorkflowFailedError).cause as ApplicationFailure).type).toBe('UNSERVICEABLE_ADDRESS');
    expect(await orderEffects(system.prisma, input.orderId, sku)).toEqual({
      available: 10,
      charges: ['REFUNDED'],
      orders: ['CANCELLED'],
      shipments: [],
      reservations: ['RELEASED'],
    });
  });

  it('refuses a retry request from a saga that does not need attention', async () => {
    const sku = await freshSku(system.prisma, 10);
    const blocker = await lockStock(sku);
    try {
      const handle = await startOrderSaga(system.client, orderInput(sku));
      await eventually(
        () => handle.query(statusQuery),
        (view) => view.steps[0]?.state === 'running',
      );

      const refusal: unknown = await handle.executeUpdate(retryCompensationsUpdate).catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refusal as WorkflowUpdateFailedError).cause?.message).toContain('this one is RUNNING');
    } finally {
      await blocker.release();
    }
  });
});
