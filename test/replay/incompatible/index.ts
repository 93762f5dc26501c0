// A deliberately incompatible change, kept only to prove the replay guard works: this orderSaga
// charges the card before it reserves stock, so running sagas recorded the other order.
import type { InventoryActivities } from '../../../activities/inventory/activities';
import { inventoryService } from '../../../activities/inventory/definition';
import type { PaymentActivities } from '../../../activities/payment/activities';
import { paymentService } from '../../../activities/payment/definition';
import type { OrderInput } from '../../../workflows/inputs';
import { stepOn } from '../../../workflows/service-stubs';

export async function orderSaga(input: OrderInput): Promise<void> {
  await stepOn<PaymentActivities>(paymentService, 'Charge first').chargePayment({
    orderId: input.orderId,
    customerId: input.customerId,
    amountCents: 1,
    currency: input.currency,
    cardNumber: input.payment.cardNumber,
    idempotencyKey: `${input.orderId}/chargePayment`,
  });
  await stepOn<InventoryActivities>(inventoryService, 'Reserve second').reserveItems({
    orderId: input.orderId,
    items: input.items,
    idempotencyKey: `${input.orderId}/reserveInventory`,
  });
}
