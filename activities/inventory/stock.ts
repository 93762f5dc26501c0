import type { PrismaClient } from '../../generated/prisma/client';

/** Sets the units on hand for SKUs (receiving goods, a stock count). Not a saga step. */
export async function setStock(prisma: PrismaClient, levels: Record<string, number>): Promise<void> {
  await prisma.$transaction(
    Object.entries(levels).map(([sku, available]) =>
      prisma.stock.upsert({ where: { sku }, create: { sku, available }, update: { available } }),
    ),
  );
}

/**
 * The demo catalogue `npm start` stocks on first run, so an order can be placed at once.
 * SKU-SOLD-OUT has none, to see a saga compensate.
 */
export const demoCatalogue: Record<string, number> = {
  'SKU-WIDGET': 10_000,
  'SKU-GADGET': 10_000,
  'SKU-GIZMO': 10_000,
  'SKU-SOLD-OUT': 0,
};

/** Stocks the demo catalogue where a SKU is not known yet; never overwrites real levels. */
export async function stockDemoCatalogue(prisma: PrismaClient): Promise<void> {
  await prisma.stock.createMany({
    data: Object.entries(demoCatalogue).map(([sku, available]) => ({ sku, available })),
    skipDuplicates: true,
  });
}
