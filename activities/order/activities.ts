import type { PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';
import { once } from '../idempotency';
import { MAX_UNITS_PER_LINE, orderTotalCents, type OrderLine } from './rules';

export const OrderErrors = {
  ORDER_LIMIT_EXCEEDED: 'ORDER_LIMIT_EXCEEDED',
  ORDER_EXISTS: 'ORDER_EXISTS',
} as const;

export interface CreateOrderInput {
  orderId: string;
  customerId: string;
  items: OrderLine[];
  currency: string;
  idempotencyKey: string;
}

export function createOrderActivities(prisma: PrismaClient) {
  return {
    async createOrder({
      orderId,
      customerId,
      items,
      currency,
      idempotencyKey,
    }: CreateOrderInput): Promise<{ orderId: string }> {
      const over = items.filter((line) => line.quantity > MAX_UNITS_PER_LINE).map((line) => line.sku);
      if (over.length > 0) {
        throw businessError(
          OrderErrors.ORDER_LIMIT_EXCEEDED,
          `At most ${MAX_UNITS_PER_LINE} units of one item per order: ${over.join(', ')}`,
          { skus: over },
        );
      }
      const order = await once({
        findEarlier: () => prisma.order.findUnique({ where: { idempotencyKey } }),
        create: () =>
          prisma.order.create({
            data: {
              id: orderId,
              customerId,
              items: items.map((line) => ({ ...line })),
              totalCents: orderTotalCents(items),
              currency,
              idempotencyKey,
            },
          }),
        onConflict: () => Promise.reject(businessError(OrderErrors.ORDER_EXISTS, `Order ${orderId} already exists`)),
      });
      return { orderId: order.id };
    },

    /** Compensates `createOrder`: the record stays, marked cancelled, for the customer's history. */
    async cancelOrder({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      await prisma.order.updateMany({
        where: { idempotencyKey, status: 'CREATED' },
        data: { status: 'CANCELLED', cancelledAt: new Date() },
      });
    },
  };
}

export type OrderActivities = ReturnType<typeof createOrderActivities>;
