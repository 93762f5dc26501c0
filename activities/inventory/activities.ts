import type { PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';
import { once } from '../idempotency';

export const InventoryErrors = {
  OUT_OF_STOCK: 'OUT_OF_STOCK',
} as const;

export interface ItemQuantity {
  sku: string;
  quantity: number;
}

export interface ReserveItemsInput {
  orderId: string;
  items: ItemQuantity[];
  idempotencyKey: string;
}

/** Adds up lines of the same SKU, sorted by SKU so concurrent reservations lock rows in one order. */
function mergeLines(items: ItemQuantity[]): ItemQuantity[] {
  const bySku = new Map<string, number>();
  for (const { sku, quantity } of items) bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  return [...bySku].sort(([a], [b]) => a.localeCompare(b)).map(([sku, quantity]) => ({ sku, quantity }));
}

export function createInventoryActivities(prisma: PrismaClient) {
  return {
    /** Holds every item or none: one transaction, each SKU decremented only if enough is on hand. */
    async reserveItems({ orderId, items, idempotencyKey }: ReserveItemsInput): Promise<{ reservationId: string }> {
      const lines = mergeLines(items);
      const reservation = await once({
        findEarlier: () => prisma.reservation.findUnique({ where: { idempotencyKey } }),
        create: () =>
          prisma.$transaction(async (tx) => {
            const short: string[] = [];
            for (const { sku, quantity } of lines) {
              const { count } = await tx.stock.updateMany({
                where: { sku, available: { gte: quantity } },
                data: { available: { decrement: quantity } },
              });
              if (count === 0) short.push(sku);
            }
            if (short.length > 0) {
              throw businessError(InventoryErrors.OUT_OF_STOCK, `Not enough stock for ${short.join(', ')}`, {
                skus: short,
              });
            }
            return tx.reservation.create({ data: { orderId, idempotencyKey, lines: { create: lines } } });
          }),
      });
      return { reservationId: reservation.id };
    },

    /** Compensates `reserveItems`: puts the held units back, once. */
    async releaseReservation({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const reservation = await tx.reservation.findUnique({ where: { idempotencyKey }, include: { lines: true } });
        if (reservation === null) return;
        // The status flip is the guard: of two concurrent releases, one updates a row, the other none.
        const { count } = await tx.reservation.updateMany({
          where: { id: reservation.id, status: 'RESERVED' },
          data: { status: 'RELEASED', releasedAt: new Date() },
        });
        if (count === 0) return;
        for (const { sku, quantity } of reservation.lines) {
          await tx.stock.update({ where: { sku }, data: { available: { increment: quantity } } });
        }
      });
    },
  };
}

export type InventoryActivities = ReturnType<typeof createInventoryActivities>;
