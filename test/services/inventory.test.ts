import { randomUUID } from 'node:crypto';
import { createInventoryActivities } from '../../activities/inventory/activities';
import { createPrismaClient, type PrismaClient } from '../../platform/database';
import { expectBusinessError } from '../helpers/business-errors';
import { freshSku } from '../helpers/orders';

describe('inventory service', () => {
  let prisma: PrismaClient;
  let inventory: ReturnType<typeof createInventoryActivities>;

  beforeAll(() => {
    prisma = createPrismaClient();
    inventory = createInventoryActivities(prisma);
  });

  afterAll(() => prisma.$disconnect());

  const available = async (sku: string): Promise<number> =>
    (await prisma.stock.findUniqueOrThrow({ where: { sku } })).available;

  it('reserves all items or none: one short SKU leaves every level untouched', async () => {
    const plenty = await freshSku(prisma, 10);
    const scarce = await freshSku(prisma, 1);

    const error = await expectBusinessError(
      inventory.reserveItems({
        orderId: 'o1',
        items: [
          { sku: plenty, quantity: 3 },
          { sku: scarce, quantity: 2 },
        ],
        idempotencyKey: randomUUID(),
      }),
      'OUT_OF_STOCK',
    );

    expect(error.details).toEqual([{ skus: [scarce] }]);
    expect([await available(plenty), await available(scarce)]).toEqual([10, 1]);
  });

  it('counts lines of the same SKU together', async () => {
    const sku = await freshSku(prisma, 3);
    await expectBusinessError(
      inventory.reserveItems({
        orderId: 'o2',
        items: [
          { sku, quantity: 2 },
          { sku, quantity: 2 },
        ],
        idempotencyKey: randomUUID(),
      }),
      'OUT_OF_STOCK',
    );
    expect(await available(sku)).toBe(3);
  });

  it('reserves once per idempotency key, even when a retry races the first attempt', async () => {
    const sku = await freshSku(prisma, 10);
    const request = { orderId: 'o3', items: [{ sku, quantity: 4 }], idempotencyKey: randomUUID() };

    const [first, second] = await Promise.all([inventory.reserveItems(request), inventory.reserveItems(request)]);
    const third = await inventory.reserveItems(request);

    expect(new Set([first.reservationId, second.reservationId, third.reservationId]).size).toBe(1);
    expect(await available(sku)).toBe(6);
  });

  it('releases a reservation once, and treats a release of nothing as done', async () => {
    const sku = await freshSku(prisma, 10);
    const idempotencyKey = randomUUID();
    await inventory.reserveItems({ orderId: 'o4', items: [{ sku, quantity: 4 }], idempotencyKey });

    await Promise.all([
      inventory.releaseReservation({ idempotencyKey }),
      inventory.releaseReservation({ idempotencyKey }),
    ]);
    await inventory.releaseReservation({ idempotencyKey });
    await inventory.releaseReservation({ idempotencyKey: randomUUID() });

    expect(await available(sku)).toBe(10);
  });
});
