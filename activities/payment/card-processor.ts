import { randomUUID } from 'node:crypto';
import { businessError } from '../../platform/business-error';

export const PaymentErrors = {
  CARD_DECLINED: 'CARD_DECLINED',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
} as const;

export interface ChargeRequest {
  /** The processor charges once per key, however often it is called. */
  idempotencyKey: string;
  cardNumber: string;
  amountCents: number;
  currency: string;
}

/** The card network as the payment service sees it. A real gateway client implements this. */
export interface CardProcessor {
  readonly name: string;
  charge(request: ChargeRequest): Promise<{ processorRef: string }>;
  refund(request: { processorRef: string; idempotencyKey: string }): Promise<void>;
}

/**
 * The processor in test mode, answering as card networks' published test cards do:
 * 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds, every other
 * number is approved.
 */
export const TEST_CARDS = {
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  approved: '4242424242424242',
} as const;

export class TestModeCardProcessor implements CardProcessor {
  readonly name = 'test-mode';

  async charge({ cardNumber }: ChargeRequest): Promise<{ processorRef: string }> {
    if (cardNumber === TEST_CARDS.declined) {
      throw businessError(PaymentErrors.CARD_DECLINED, 'The card was declined');
    }
    if (cardNumber === TEST_CARDS.insufficientFunds) {
      throw businessError(PaymentErrors.INSUFFICIENT_FUNDS, 'The card has insufficient funds');
    }
    return { processorRef: `ch_test_${randomUUID()}` };
  }

  async refund(): Promise<void> {}
}
