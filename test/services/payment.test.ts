import { randomUUID } from 'node:crypto';
import { createPaymentActivities } from '../../activities/payment/activities';
import { TEST_CARDS, TestModeCardProcessor } from '../../activities/payment/card-processor';
import { createPrismaClient, type PrismaClient } from '../../platform/database';
import { expectBusinessError } from '../helpers/business-errors';

describe('payment service', () => {
  let prisma: PrismaClient;
  let payment: ReturnType<typeof createPaymentActivities>;

  beforeAll(() => {
    prisma = createPrismaClient();
    payment = createPaymentActivities({ prisma, cardProcessor: new TestModeCardProcessor() });
  });

  afterAll(() => prisma.$disconnect());

  const charge = (cardNumber: string = TEST_CARDS.approved, idempotencyKey = randomUUID()) => ({
    orderId: `order-${idempotencyKey}`,
    customerId: 'c1',
    amountCents: 4200,
    currency: 'EUR',
    cardNumber,
    idempotencyKey,
  });

  it.each([
    [TEST_CARDS.declined, 'CARD_DECLINED'],
    [TEST_CARDS.insufficientFunds, 'INSUFFICIENT_FUNDS'],
  ])('declines test card %s with %s and records no charge', async (card, code) => {
    const request = charge(card);
    await expectBusinessError(payment.chargePayment(request), code);
    expect(await prisma.charge.count({ where: { orderId: request.orderId } })).toBe(0);
  });

  it('charges once per idempotency key, whether retried after success or raced', async () => {
    const request = charge();

    const results = await Promise.all([payment.chargePayment(request), payment.chargePayment(request)]);
    const retried = await payment.chargePayment(request);

    expect(new Set([...results, retried].map((result) => result.chargeId)).size).toBe(1);
    const charges = await prisma.charge.findMany({ where: { orderId: request.orderId } });
    expect(charges).toMatchObject([{ status: 'CAPTURED', amountCents: 4200, cardLast4: '4242' }]);
  });

  it('keeps only the last four digits of the card', async () => {
    const request = charge();
    await payment.chargePayment(request);
    const row = await prisma.charge.findFirstOrThrow({ where: { orderId: request.orderId } });
    expect(JSON.stringify(row)).not.toContain(TEST_CARDS.approved);
  });

  it('refunds once, and a refund of a charge that never happened is a no-op', async () => {
    const request = charge();
    await payment.chargePayment(request);

    await payment.refundPayment({ idempotencyKey: request.idempotencyKey });
    const refundedAt = (await prisma.charge.findFirstOrThrow({ where: { orderId: request.orderId } })).refundedAt;
    await payment.refundPayment({ idempotencyKey: request.idempotencyKey });
    await payment.refundPayment({ idempotencyKey: randomUUID() });

    const row = await prisma.charge.findFirstOrThrow({ where: { orderId: request.orderId } });
    expect(row.status).toBe('REFUNDED');
    expect(row.refundedAt).toEqual(refundedAt);
  });
});
