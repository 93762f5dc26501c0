import type { InventoryActivities } from '../activities/inventory/activities';
import { inventoryService } from '../activities/inventory/definition';
import type { OrderActivities } from '../activities/order/activities';
import { orderTotalCents } from '../activities/order/rules';
import { orderService } from '../activities/order/definition';
import type { PaymentActivities } from '../activities/payment/activities';
import { paymentService } from '../activities/payment/definition';
import type { ShippingActivities } from '../activities/shipping/activities';
import { shippingService } from '../activities/shipping/definition';
import { orderInput, sagaOptions, type OrderInput, type SagaOptions } from './inputs';
import { Saga, validateInput } from './saga';
import type { SagaResult } from './saga-status';
import { stepOn, undoOn } from './service-stubs';

export interface OrderResult {
  orderId: string;
  reservationId: string;
  chargeId: string;
  shipmentId: string;
  trackingNumber: string;
  totalCents: number;
}

function money(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

/**
 * Processes an order: reserve the items, charge the card, record the order, schedule the shipment.
 * The workflow ID is the order ID.
 */
export async function orderSaga(rawInput: OrderInput, rawOptions: SagaOptions = {}): Promise<SagaResult<OrderResult>> {
  const input = validateInput(orderInput, rawInput, 'orderId');
  const options = validateInput(sagaOptions, rawOptions);
  const saga = new Saga('order', input.customerId, [
    { name: 'reserveInventory', service: inventoryService.name, compensable: true },
    { name: 'chargePayment', service: paymentService.name, compensable: true },
    { name: 'createOrder', service: orderService.name, compensable: true },
    { name: 'scheduleShipment', service: shippingService.name, compensable: true },
  ]);
  const { orderId, customerId, items, currency } = input;
  const totalCents = orderTotalCents(items);
  const units = items.reduce((sum, line) => sum + line.quantity, 0);

  return saga.run(async () => {
    const { reservationId } = await saga.step(
      'reserveInventory',
      () =>
        stepOn<InventoryActivities>(inventoryService, `Reserve ${units} unit(s) for order ${orderId}`).reserveItems({
          orderId,
          items: items.map(({ sku, quantity }) => ({ sku, quantity })),
          idempotencyKey: saga.key('reserveInventory'),
        }),
      () =>
        undoOn<InventoryActivities>(
          inventoryService,
          `Release the units held for ${orderId}`,
          options,
        ).releaseReservation({
          idempotencyKey: saga.key('reserveInventory'),
        }),
    );

    const { chargeId } = await saga.step(
      'chargePayment',
      () =>
        stepOn<PaymentActivities>(
          paymentService,
          `Charge ${money(totalCents, currency)} to card ending ${input.payment.cardNumber.slice(-4)}`,
        ).chargePayment({
          orderId,
          customerId,
          amountCents: totalCents,
          currency,
          cardNumber: input.payment.cardNumber,
          idempotencyKey: saga.key('chargePayment'),
        }),
      () =>
        undoOn<PaymentActivities>(paymentService, `Refund ${money(totalCents, currency)}`, options).refundPayment({
          idempotencyKey: saga.key('chargePayment'),
        }),
    );

    await saga.step(
      'createOrder',
      () =>
        stepOn<OrderActivities>(orderService, `Record order ${orderId}`).createOrder({
          orderId,
          customerId,
          items,
          currency,
          idempotencyKey: saga.key('createOrder'),
        }),
      () =>
        undoOn<OrderActivities>(orderService, `Cancel order ${orderId}`, options).cancelOrder({
          idempotencyKey: saga.key('createOrder'),
        }),
    );

    const { shipmentId, trackingNumber } = await saga.step(
      'scheduleShipment',
      () =>
        stepOn<ShippingActivities>(
          shippingService,
          `Ship to ${input.shippingAddress.city}, ${input.shippingAddress.country.toUpperCase()}`,
        ).scheduleShipment({
          orderId,
          address: input.shippingAddress,
          idempotencyKey: saga.key('scheduleShipment'),
        }),
      () =>
        undoOn<ShippingActivities>(shippingService, `Cancel the shipment of ${orderId}`, options).cancelShipment({
          idempotencyKey: saga.key('scheduleShipment'),
        }),
    );

    return { orderId, reservationId, chargeId, shipmentId, trackingNumber, totalCents };
  });
}
