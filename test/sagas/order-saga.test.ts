import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import { startOrderSaga } from '../../platform/saga-client';
import { statusQuery } from '../../workflows/saga';
import { freshSku, orderEffects, orderInput, scheduledActivities } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';

describe('order saga', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system.stop();
  });

  it('reserves, charges, records and ships an order, with every step completed', async () => {
    const sku = await freshSku(system.prisma, 10);
    const input = orderInput(sku, { items: [{ sku, quantity: 3, unitPriceCents: 1000 }] });

    const handle = await startOrderSaga(system.client, input);
    const result = await handle.result();

    expect(result).toMatchObject({ orderId: input.orderId, totalCents: 3000 });
    expect(result.trackingNumber).toMatch(/^TRK[0-9A-F]{12}$/);
    expect(await orderEffects(system.prisma, input.orderId, sku)).toEqual({
      available: 7,
      charges: ['CAPTURED'],
      orders: ['CREATED'],
      shipments: ['SCHEDULED'],
      reservations: ['RESERVED'],
    });
    const status = await handle.query(statusQuery);
    expect(status.status).toBe('COMPLETED');
    expect(status.steps.map((step) => [step.name, step.state])).toEqual([
      ['reserveInventory', 'completed'],
      ['chargePayment', 'completed'],
      ['createOrder', 'completed'],
      ['scheduleShipment', 'completed'],
    ]);
    const description = await handle.describe();
    expect(description.typedSearchAttributes.getAll().map((pair) => [pair.key.name, pair.value])).toEqual(
      expect.arrayContaining([
        ['SagaStatus', 'COMPLETED'],
        ['SagaType', 'order'],
        ['CustomerId', input.customerId],
      ]),
    );
  });

  it('never runs the same order ID twice, neither while it runs nor after it closed', async () => {
    const sku = await freshSku(system.prisma, 10);
    const input = orderInput(sku);

    const handle = await startOrderSaga(system.client, input);
    await expect(startOrderSaga(system.client, input)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    await handle.result();
    await expect(startOrderSaga(system.client, input)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);

    const effects = await orderEffects(system.prisma, input.orderId, sku);
    expect(effects).toMatchObject({ available: 8, charges: ['CAPTURED'], orders: ['CREATED'] });
  });

  const failures = [
    {
      step: 'reserveInventory',
      code: 'OUT_OF_STOCK',
      make: (sku: string, soldOut: string) => ({ items: [{ sku: soldOut, quantity: 1, unitPriceCents: 500 }] }),
      compensations: ['releaseReservation'],
    },
    {
      step: 'chargePayment',
      code: 'CARD_DECLINED',
      make: () => ({ payment: { cardNumber: TEST_CARDS.declined } }),
      compensations: ['refundPayment', 'releaseReservation'],
    },
    {
      step: 'chargePayment',
      code: 'INSUFFICIENT_FUNDS',
      make: () => ({ payment: { cardNumber: TEST_CARDS.insufficientFunds } }),
      compensations: ['refundPayment', 'releaseReservation'],
    },
    {
      step: 'createOrder',
      code: 'ORDER_LIMIT_EXCEEDED',
      make: (sku: string) => ({ items: [{ sku, quantity: 101, unitPriceCents: 100 }] }),
      compensations: ['cancelOrder', 'refundPayment', 'releaseReservation'],
    },
    {
      step: 'scheduleShipment',
      code: 'UNSERVICEABLE_ADDRESS',
      make: () => ({
        shippingAddress: {
          name: 'Base',
          line1: 'McMurdo Station',
          city: 'Ross Island',
          postalCode: '0',
          country: 'AQ',
        },
      }),
      compensations: ['cancelShipment', 'cancelOrder', 'refundPayment', 'releaseReservation'],
    },
  ];

  it.each(failures)(
    'a failure at $step ($code) compensates exactly the earlier steps, newest first',
    async ({ step, code, make, compensations }) => {
      const sku = await freshSku(system.prisma, 500);
      const soldOut = await freshSku(system.prisma, 0);
      const input = orderInput(sku, make(sku, soldOut));
      const before = await orderEffects(system.prisma, input.orderId, sku);

      const handle = await startOrderSaga(system.client, input);
      const failure = await handle.result().then(
        () => undefined,
        (error: unknown) => error,
      );

      expect(failure).toBeInstanceOf(WorkflowFailedError);
      const cause = (failure as WorkflowFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe(code);

      const activities = await scheduledActivities(handle);
      const forward = ['reserveItems', 'chargePayment', 'createOrder', 'scheduleShipment'];
      const failedAt = ['reserveInventory', 'chargePayment', 'createOrder', 'scheduleShipment'].indexOf(step);
      expect(activities).toEqual([...forward.slice(0, failedAt + 1), ...compensations]);

      const after = await orderEffects(system.prisma, input.orderId, sku);
      expect(after.available).toBe(before.available);
      expect(after.charges.filter((status) => status === 'CAPTURED')).toEqual([]);
      expect(after.orders.filter((status) => status === 'CREATED')).toEqual([]);
      expect(after.shipments.filter((status) => status === 'SCHEDULED')).toEqual([]);
      expect(after.reservations.filter((status) => status === 'RESERVED')).toEqual([]);

      const status = await handle.query(statusQuery);
      expect(status.status).toBe('COMPENSATED');
      expect(status.failure).toMatchObject({ code, step });
      const failedStep = status.steps.find((candidate) => candidate.name === step);
      expect(failedStep).toMatchObject({ state: 'failed', error: { code } });
      expect(status.steps.slice(0, failedAt).every((candidate) => candidate.state === 'compensated')).toBe(true);
      expect(status.steps.slice(failedAt + 1).every((candidate) => candidate.state === 'pending')).toBe(true);
    },
  );
});
