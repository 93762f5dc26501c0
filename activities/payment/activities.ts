import type { PrismaClient } from '../../generated/prisma/client';
import { once } from '../idempotency';
import type { CardProcessor } from './card-processor';

export interface ChargePaymentInput {
  orderId: string;
  customerId: string;
  amountCents: number;
  currency: string;
  cardNumber: string;
  idempotencyKey: string;
}

export function createPaymentActivities({
  prisma,
  cardProcessor,
}: {
  prisma: PrismaClient;
  cardProcessor: CardProcessor;
}) {
  return {
    /**
     * Charges the card once per idempotency key: an earlier charge for the key is returned as is,
     * and the processor is given the same key, so a crash between its answer and our write
     * cannot charge twice either.
     */
    async chargePayment(input: ChargePaymentInput): Promise<{ chargeId: string }> {
      const charge = await once({
        findEarlier: () => prisma.charge.findUnique({ where: { idempotencyKey: input.idempotencyKey } }),
        create: async () => {
          await cardProcessor.charge({
            idempotencyKey: input.idempotencyKey,
            cardNumber: input.cardNumber,
            amountCents: input.amountCents,
            currency: input.currency,
          });
          return prisma.charge.create({
            data: {
              orderId: input.orderId,
              customerId: input.customerId,
              amountCents: input.amountCents,
              currency: input.currency,
              cardLast4: input.cardNumber.slice(-4),
              idempotencyKey: input.idempotencyKey,
            },
          });
        },
      });
      return { chargeId: charge.id };
    },

    /** Compensates `chargePayment`: refunds the charge the step made, once. */
    async refundPayment({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      const charge = await prisma.charge.findUnique({ where: { idempotencyKey } });
      if (charge === null || charge.status === 'REFUNDED') return;
      await cardProcessor.refund({ processorRef: charge.id, idempotencyKey: `${idempotencyKey}/refund` });
      await prisma.charge.updateMany({
        where: { id: charge.id, status: 'CAPTURED' },
        data: { status: 'REFUNDED', refundedAt: new Date() },
      });
    },
  };
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
