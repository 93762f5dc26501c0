import { randomUUID } from 'node:crypto';
import { createOrderActivities } from '../../activities/order/activities';
import { createShippingActivities } from '../../activities/shipping/activities';
import { createPrismaClient, type PrismaClient } from '../../platform/database';
import { expectBusinessError } from '../helpers/business-errors';

describe('order and shipping services', () => {
  let prisma: PrismaClient;

  beforeAll(() => {
    prisma = createPrismaClient();
  });

  afterAll(() => prisma.$disconnect());

  const address = { name: 'Ada', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'us' };

  it('records an order once with its total, refuses more than 100 units of an item, and cancels once', async () => {
    const orders = createOrderActivities(prisma);
    const orderId = `order-${randomUUID()}`;
    const idempotencyKey = randomUUID();
    const items = [
      { sku: 'A', quantity: 2, unitPriceCents: 150 },
      { sku: 'B', quantity: 1, unitPriceCents: 1000 },
    ];

    await expectBusinessError(
      orders.createOrder({
        orderId,
        customerId: 'c',
        items: [{ sku: 'A', quantity: 101, unitPriceCents: 1 }],
        currency: 'EUR',
        idempotencyKey,
      }),
      'ORDER_LIMIT_EXCEEDED',
    );
    await orders.createOrder({ orderId, customerId: 'c', items, currency: 'EUR', idempotencyKey });
    await orders.createOrder({ orderId, customerId: 'c', items, currency: 'EUR', idempotencyKey });
    await expectBusinessError(
      orders.createOrder({ orderId, customerId: 'c', items, currency: 'EUR', idempotencyKey: randomUUID() }),
      'ORDER_EXISTS',
    );
    expect(await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      totalCents: 1300,
      status: 'CREATED',
    });

    await orders.cancelOrder({ idempotencyKey });
    const cancelled = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
    await orders.cancelOrder({ idempotencyKey });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).toEqual(cancelled);
    expect(cancelled.status).toBe('CANCELLED');
  });

  it('ships to served countries only, books once per key, and cancels once', async () => {
    const shipping = createShippingActivities(prisma);
    const orderId = `order-${randomUUID()}`;
    const idempotencyKey = randomUUID();

    const error = await expectBusinessError(
      shipping.scheduleShipment({ orderId, address: { ...address, country: 'AQ' }, idempotencyKey }),
      'UNSERVICEABLE_ADDRESS',
    );
    expect(error.details).toEqual([{ country: 'AQ' }]);

    const [first, second] = await Promise.all([
      shipping.scheduleShipment({ orderId, address, idempotencyKey }),
      shipping.scheduleShipment({ orderId, address, idempotencyKey }),
    ]);
    expect(second).toEqual(first);
    const shipments = await prisma.shipment.findMany({ where: { orderId } });
    expect(shipments).toMatchObject([{ status: 'SCHEDULED', address: { ...address, country: 'US' } }]);

    await shipping.cancelShipment({ idempotencyKey });
    await shipping.cancelShipment({ idempotencyKey: randomUUID() });
    expect((await prisma.shipment.findFirstOrThrow({ where: { orderId } })).status).toBe('CANCELLED');
  });
});
