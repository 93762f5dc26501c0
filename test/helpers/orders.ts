import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import { setStock } from '../../activities/inventory/stock';
import type { PrismaClient } from '../../platform/database';
import type { OrderInput } from '../../workflows/inputs';

/** A fresh SKU with `available` units, so tests running side by side never share stock. */
export async function freshSku(prisma: PrismaClient, available: number): Promise<string> {
  const sku = `SKU-${randomUUID().slice(0, 8)}`;
  await setStock(prisma, { [sku]: available });
  return sku;
}

export function orderInput(sku: string, overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    orderId: `order-${randomUUID()}`,
    customerId: `customer-${randomUUID().slice(0, 8)}`,
    items: [{ sku, quantity: 2, unitPriceCents: 1250 }],
    currency: 'EUR',
    payment: { cardNumber: TEST_CARDS.approved },
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '12 St James Square',
      city: 'London',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
    },
    ...overrides,
  };
}

/** The activities a run scheduled, in order: the saga's steps and compensations as they happened. */
export async function scheduledActivities(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const name = event.activityTaskScheduledEventAttributes?.activityType?.name;
    return name == null ? [] : [name];
  });
}

export async function orderEffects(prisma: PrismaClient, orderId: string, sku: string) {
  const [stock, charges, orders, shipments, reservations] = await Promise.all([
    prisma.stock.findUniqueOrThrow({ where: { sku } }),
    prisma.charge.findMany({ where: { orderId } }),
    prisma.order.findMany({ where: { id: orderId } }),
    prisma.shipment.findMany({ where: { orderId } }),
    prisma.reservation.findMany({ where: { orderId } }),
  ]);
  return {
    available: stock.available,
    charges: charges.map((charge) => charge.status),
    orders: orders.map((order) => order.status),
    shipments: shipments.map((shipment) => shipment.status),
    reservations: reservations.map((reservation) => reservation.status),
  };
}
