import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import type { SagaDetail } from '../../api/schemas';
import { holdOrderId, lockStock } from '../helpers/blockers';
import { bodyOf, testApp, type PageBody } from '../helpers/api';
import { freshSku, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { eventually } from '../helpers/wait';

describe('REST API: sagas', () => {
  let system: TestSystem;
  let app: Express;

  beforeAll(async () => {
    system = await startTestSystem();
    app = testApp(system);
  });

  afterAll(async () => {
    await system.stop();
  });

  const getSaga = async (id: string): Promise<SagaDetail> => {
    const response = await request(app).get(`/v1/sagas/${id}`).expect(200);
    return response.body as SagaDetail;
  };
  const closed = (id: string): Promise<SagaDetail> =>
    eventually(
      () => getSaga(id),
      (saga) => saga.workflowStatus !== 'RUNNING',
    );

  it('starts an order, links it to the Temporal UI, and reports it completed with its result', async () => {
    const sku = await freshSku(system.prisma, 5);
    const { orderId, ...body } = orderInput(sku);

    const started = await request(app)
      .post('/v1/sagas/orders')
      .send({ ...body, orderId })
      .expect(202);

    expect(started.body).toMatchObject({ id: orderId, type: 'order', statusUrl: `/v1/sagas/${orderId}` });
    expect(started.headers.location).toBe(`/v1/sagas/${orderId}`);
    expect(bodyOf<{ uiUrl: string }>(started).uiUrl).toMatch(
      new RegExp(`/namespaces/[^/]+/workflows/${orderId}/[0-9a-f-]+/history$`),
    );
    const saga = await closed(orderId);
    expect(saga).toMatchObject({
      status: 'COMPLETED',
      workflowStatus: 'COMPLETED',
      result: { orderId, totalCents: 2500 },
    });
    expect(saga.steps?.map((step) => step.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
  });

  it('answers a long poll as soon as the saga ends, or when the wait is over', async () => {
    const sku = await freshSku(system.prisma, 5);
    const input = orderInput(sku);
    await request(app).post('/v1/sagas/orders').send(input).expect(202);

    const ended = bodyOf<SagaDetail>(await request(app).get(`/v1/sagas/${input.orderId}?wait=30`).expect(200));
    expect(ended).toMatchObject({ workflowStatus: 'COMPLETED', status: 'COMPLETED' });

    const held = orderInput(sku);
    const blocker = await lockStock(sku);
    try {
      await request(app).post('/v1/sagas/orders').send(held).expect(202);
      const waited = bodyOf<SagaDetail>(await request(app).get(`/v1/sagas/${held.orderId}?wait=1`).expect(200));
      expect(waited.workflowStatus).toBe('RUNNING');
    } finally {
      await blocker.release();
    }
    await request(app).get(`/v1/sagas/${held.orderId}?wait=61`).expect(400);
  });

  it('registers a user, and the password appears nowhere in the answers', async () => {
    const username = `api-${randomUUID().slice(0, 10)}`;
    const password = 'a long enough secret';
    const started = await request(app)
      .post('/v1/sagas/user-registrations')
      .send({ username, email: `${username}@example.com`, password, firstName: 'Ada', lastName: 'Lovelace' })
      .expect(202);

    const saga = await closed(username);

    expect(saga.status).toBe('COMPLETED');
    expect(saga.result).toHaveProperty('userId');
    expect(JSON.stringify([started.body, saga])).not.toContain(password);
  });

  it('shows a compensated order with the failing step, its business error, and the undone steps', async () => {
    const sku = await freshSku(system.prisma, 5);
    const input = orderInput(sku, { payment: { cardNumber: TEST_CARDS.declined } });
    await request(app).post('/v1/sagas/orders').send(input).expect(202);

    const saga = await closed(input.orderId);

    expect(saga).toMatchObject({
      status: 'COMPENSATED',
      workflowStatus: 'FAILED',
      failure: { code: 'CARD_DECLINED', step: 'chargePayment' },
    });
    expect(saga.steps?.map((step) => step.state)).toEqual(['compensated', 'failed', 'pending', 'pending']);
  });

  it('answers a repeated request with the saga it started, and refuses the same ID with another body', async () => {
    const sku = await freshSku(system.prisma, 5);
    const input = orderInput(sku);

    const first = await request(app).post('/v1/sagas/orders').send(input).expect(202);
    const again = await request(app).post('/v1/sagas/orders').send(input).expect(200);
    const conflict = await request(app)
      .post('/v1/sagas/orders')
      .send({ ...input, currency: 'USD' })
      .expect(409);

    expect(again.body).toEqual(first.body);
    expect(conflict.type).toBe('application/problem+json');
    expect(conflict.body).toMatchObject({ type: '/problems/idempotency-conflict', status: 409 });
    await closed(input.orderId);
    expect(await system.prisma.charge.count({ where: { orderId: input.orderId } })).toBe(1);
  });

  it('takes the order ID from an Idempotency-Key header, once', async () => {
    const sku = await freshSku(system.prisma, 5);
    const { orderId, ...body } = orderInput(sku);
    void orderId;
    const key = `key-${randomUUID()}`;

    const first = await request(app).post('/v1/sagas/orders').set('Idempotency-Key', key).send(body).expect(202);
    await request(app).post('/v1/sagas/orders').set('Idempotency-Key', key).send(body).expect(200);

    expect(bodyOf<{ id: string }>(first).id).toBe(key);
    const mismatch = await request(app)
      .post('/v1/sagas/orders')
      .set('Idempotency-Key', key)
      .send({ ...body, orderId: 'another-id' })
      .expect(400);
    expect(bodyOf<{ errors: unknown }>(mismatch).errors).toEqual([
      { field: 'Idempotency-Key', message: 'must equal orderId when both are given' },
    ]);
  });

  it('cancels a running saga, which compensates, and refuses to cancel it twice', async () => {
    const sku = await freshSku(system.prisma, 5);
    const input = orderInput(sku);
    const blocker = await holdOrderId(input.orderId);
    try {
      await request(app).post('/v1/sagas/orders').send(input).expect(202);
      await eventually(
        () => getSaga(input.orderId),
        (saga) => saga.steps?.[2]?.state === 'running',
      );
      const cancelled = await request(app).post(`/v1/sagas/${input.orderId}/cancel`).expect(202);
      expect(cancelled.body).toMatchObject({ id: input.orderId, status: 'CANCELLING' });
    } finally {
      await blocker.release();
    }

    const saga = await closed(input.orderId);

    expect(saga).toMatchObject({ status: 'COMPENSATED', workflowStatus: 'CANCELLED', failure: { code: 'CANCELLED' } });
    const again = await request(app).post(`/v1/sagas/${input.orderId}/cancel`).expect(409);
    expect(bodyOf<{ type: string }>(again).type).toBe('/problems/saga-conflict');
  });

  it('refuses to retry compensations of a saga that does not need them', async () => {
    const sku = await freshSku(system.prisma, 5);
    const input = orderInput(sku);
    await request(app).post('/v1/sagas/orders').send(input).expect(202);
    await closed(input.orderId);

    const response = await request(app).post(`/v1/sagas/${input.orderId}/retry-compensations`).expect(409);
    expect(bodyOf<{ type: string }>(response).type).toBe('/problems/saga-conflict');
  });

  it('lists sagas by customer, type and status, a page at a time', async () => {
    const sku = await freshSku(system.prisma, 10);
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const good = [orderInput(sku, { customerId }), orderInput(sku, { customerId })];
    const declined = orderInput(sku, { customerId, payment: { cardNumber: TEST_CARDS.declined } });
    for (const input of [...good, declined]) await request(app).post('/v1/sagas/orders').send(input).expect(202);
    for (const input of [...good, declined]) await closed(input.orderId);

    const ids = async (query: string): Promise<string[]> =>
      bodyOf<PageBody>(await request(app).get(`/v1/sagas?${query}`).expect(200))
        .items.map((item) => item.id)
        .sort();
    const all = await eventually(
      () => ids(`customerId=${customerId}&type=order`),
      (found) => found.length === 3,
    );
    expect(all).toEqual([...good, declined].map((input) => input.orderId).sort());
    expect(
      await eventually(
        () => ids(`customerId=${customerId}&status=COMPENSATED`),
        (found) => found.length === 1,
      ),
    ).toEqual([declined.orderId]);
    expect(await ids(`customerId=${customerId}&type=user-registration`)).toEqual([]);

    const firstPage = bodyOf<PageBody>(
      await request(app).get(`/v1/sagas?customerId=${customerId}&pageSize=2`).expect(200),
    );
    expect(firstPage.items).toHaveLength(2);
    expect(typeof firstPage.nextPageToken).toBe('string');
    const secondPage = bodyOf<PageBody>(
      await request(app)
        .get(`/v1/sagas?customerId=${customerId}&pageSize=2&pageToken=${firstPage.nextPageToken ?? ''}`)
        .expect(200),
    );
    const paged = [...firstPage.items, ...secondPage.items].map((item) => item.id).sort();
    expect(paged).toEqual(all);
  });
});
