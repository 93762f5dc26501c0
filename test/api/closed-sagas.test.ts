import request from 'supertest';
import type { Express } from 'express';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import type { SagaDetail } from '../../api/schemas';
import { bodyOf, testApp } from '../helpers/api';
import { freshSku, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';

// A closed saga carries its final view in its result or failure, so reading it needs no worker
// (a `status` query would make one replay the whole run).
describe('REST API: closed sagas', () => {
  let system: TestSystem;
  let app: Express;

  beforeAll(async () => {
    system = await startTestSystem();
    app = testApp(system);
  });

  afterAll(async () => {
    await system.stop();
  });

  it('reports a closed saga’s steps, result and failure with every worker stopped', async () => {
    const sku = await freshSku(system.prisma, 5);
    const completed = orderInput(sku);
    const declined = orderInput(sku, { payment: { cardNumber: TEST_CARDS.declined } });
    for (const input of [completed, declined]) {
      await request(app).post('/v1/sagas/orders').send(input).expect(202);
      const ended = bodyOf<SagaDetail>(await request(app).get(`/v1/sagas/${input.orderId}?wait=30`).expect(200));
      expect(ended.workflowStatus).not.toBe('RUNNING');
    }

    await system.workers?.shutdown();

    const done = bodyOf<SagaDetail>(await request(app).get(`/v1/sagas/${completed.orderId}`).expect(200));
    expect(done).toMatchObject({ status: 'COMPLETED', workflowStatus: 'COMPLETED' });
    expect(done.result).toMatchObject({ orderId: completed.orderId, totalCents: 2500 });
    expect(done.result).not.toHaveProperty('saga');
    expect(done.steps?.map((step) => `${step.name}:${step.state}`)).toEqual([
      'reserveInventory:completed',
      'chargePayment:completed',
      'createOrder:completed',
      'scheduleShipment:completed',
    ]);

    const undone = bodyOf<SagaDetail>(await request(app).get(`/v1/sagas/${declined.orderId}`).expect(200));
    expect(undone).toMatchObject({
      status: 'COMPENSATED',
      workflowStatus: 'FAILED',
      failure: { code: 'CARD_DECLINED', step: 'chargePayment' },
    });
    expect(undone.steps?.map((step) => step.state)).toEqual(['compensated', 'failed', 'pending', 'pending']);
  });
});
