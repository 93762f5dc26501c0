import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { connectClient, connectWorkerConnection } from '../../platform/temporal';
import { defaultDependencies } from '../../workers/services';
import { startWorkers } from '../../workers/start-workers';
import { bodyOf, testApp } from '../helpers/api';
import { validateOpenApi } from '../helpers/openapi-validator';
import { freshSku, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { eventually } from '../helpers/wait';
import { REGISTRY_TEST_NAMESPACE } from '../namespaces';

interface ProblemBody {
  type: string;
  status: number;
  errors?: Array<{ field: string; message: string }>;
  requestId?: string;
}

describe('REST API: the HTTP boundary', () => {
  let system: TestSystem;
  let app: Express;

  beforeAll(async () => {
    system = await startTestSystem({ services: [] });
    app = testApp(system);
  });

  afterAll(async () => {
    await system.stop();
  });

  const problem = (response: request.Response): ProblemBody => {
    expect(response.type).toBe('application/problem+json');
    return response.body as ProblemBody;
  };

  describe('validation', () => {
    it('names every bad field of an order and why, and starts nothing', async () => {
      const input = orderInput('SKU-X');
      const response = await request(app)
        .post('/v1/sagas/orders')
        .send({ ...input, currency: 'euro', items: [{ sku: 'A', quantity: 0, unitPriceCents: 1 }], coupon: 'FREE' })
        .expect(400);

      const body = problem(response);
      expect(body.type).toBe('/problems/invalid-request');
      expect(body.errors?.map((error) => error.field).sort()).toEqual(['(body)', 'currency', 'items.0.quantity']);
      expect(body.errors?.find((error) => error.field === '(body)')?.message).toContain('coupon');
      await expect(system.client.workflow.getHandle(input.orderId).describe()).rejects.toThrow();
    });

    it('rejects a registration with missing fields and oversized values', async () => {
      const response = await request(app)
        .post('/v1/sagas/user-registrations')
        .send({ username: 'x'.repeat(65), email: 'a@b.c', firstName: 'A', lastName: 'B' })
        .expect(400);
      expect(
        problem(response)
          .errors?.map((error) => error.field)
          .sort(),
      ).toEqual(['password', 'username']);
    });

    it.each([
      [
        'malformed JSON',
        (r: request.Test) => r.set('Content-Type', 'application/json').send('{"orderId": '),
        400,
        '/problems/malformed-json',
      ],
      [
        'a body that is not JSON',
        (r: request.Test) => r.set('Content-Type', 'text/plain').send('orderId=1'),
        415,
        '/problems/unsupported-media-type',
      ],
      [
        'an oversized body',
        (r: request.Test) => r.send({ padding: 'x'.repeat(200_000) }),
        413,
        '/problems/payload-too-large',
      ],
    ])('answers %s with a clear problem', async (_name, send, status, type) => {
      const response = await send(request(app).post('/v1/sagas/orders')).expect(status);
      expect(problem(response).type).toBe(type);
    });

    it('answers an unknown route with 404 and a wrong method with 405 and Allow', async () => {
      expect(problem(await request(app).get('/v1/nothing-here').expect(404)).type).toBe('/problems/not-found');
      const response = await request(app).delete('/v1/sagas/orders').expect(405);
      expect(response.headers.allow).toBe('POST');
      expect(problem(response).type).toBe('/problems/method-not-allowed');
    });

    it('checks IDs and list filters', async () => {
      expect(problem(await request(app).get('/v1/sagas/bad%20id').expect(400)).errors?.[0]?.field).toBe('id');
      expect(problem(await request(app).get(`/v1/sagas/unknown-${randomUUID()}`).expect(404)).type).toBe(
        '/problems/not-found',
      );
      const list = problem(await request(app).get('/v1/sagas?status=DONE&limit=3').expect(400));
      expect(list.errors?.map((error) => error.field).sort()).toEqual(['(query)', 'status']);
    });
  });

  it('gives every response a request ID, and keeps an unexpected error to a 500 with only that ID', async () => {
    const broken = await connectClient();
    await broken.connection.close();
    const brokenApp = testApp(system, { temporal: broken });

    const response = await request(brokenApp).get('/v1/sagas').set('X-Request-Id', 'trace-me-42').expect(500);

    expect(response.headers['x-request-id']).toBe('trace-me-42');
    const body = problem(response);
    expect(body).toMatchObject({ type: '/problems/internal-error', status: 500, requestId: 'trace-me-42' });
    expect(JSON.stringify(body)).not.toMatch(/at |Error:|closed|grpc/i);
    expect((await request(app).get('/health').expect(200)).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('API keys', () => {
    const keyed = (): Express => testApp(system, { apiKeys: ['key-one', 'key-two'] });

    it('are not needed when none are configured', async () => {
      await request(app).get('/v1/services').expect(200);
    });

    it('are required on /v1 when configured, while health, readiness and docs stay open', async () => {
      const secured = keyed();
      expect(problem(await request(secured).get('/v1/services').expect(401)).type).toBe('/problems/unauthorized');
      await request(secured).get('/v1/services').set('Authorization', 'Bearer wrong').expect(401);
      await request(secured).get('/v1/services').set('Authorization', 'Bearer key-two').expect(200);
      await request(secured).get('/health').expect(200);
      await request(secured).get('/ready').expect(200);
      await request(secured).get('/openapi.json').expect(200);
    });
  });

  it('reports readiness from Temporal and the database', async () => {
    const response = await request(app).get('/ready').expect(200);
    expect(response.body).toEqual({
      status: 'ready',
      checks: [
        { name: 'temporal', ok: true },
        { name: 'database', ok: true },
      ],
    });
    const down = testApp(system, { pingDatabase: () => Promise.reject(new Error('connection refused')) });
    expect(bodyOf<{ checks: unknown[] }>(await request(down).get('/ready').expect(503)).checks[1]).toEqual({
      name: 'database',
      ok: false,
    });
  });

  it('lists each service with its task queue, live where workers poll and down where none do', async () => {
    const connection = await connectWorkerConnection();
    const workers = await startWorkers({
      services: ['orchestrator', 'payment'],
      connection,
      dependencies: defaultDependencies(system.prisma),
      namespace: REGISTRY_TEST_NAMESPACE,
    });
    try {
      const registry = testApp(system, { namespace: REGISTRY_TEST_NAMESPACE });
      const liveness = async (): Promise<Record<string, boolean>> => {
        const response = await request(registry).get('/v1/services').expect(200);
        return Object.fromEntries(
          bodyOf<{ items: Array<{ name: string; taskQueue: string; live: boolean }> }>(response).items.map((item) => [
            `${item.name}@${item.taskQueue}`,
            item.live,
          ]),
        );
      };
      // Workers start polling a moment after they start.
      const live = await eventually(liveness, (services) => services['orchestrator@sagas'] === true);
      expect(live).toEqual({
        'orchestrator@sagas': true,
        'user@user': false,
        'profile@profile': false,
        'auth@auth': false,
        'notification@notification': false,
        'inventory@inventory': false,
        'payment@payment': true,
        'order@order': false,
        'shipping@shipping': false,
      });
    } finally {
      await workers.shutdown();
      await connection.close();
    }
  });

  describe('the OpenAPI document', () => {
    it('is a valid OpenAPI 3.1 document', async () => {
      const document = (await request(app).get('/openapi.json').expect(200)).body as Record<string, unknown>;
      const result = await validateOpenApi(document);
      expect(result).toEqual({ valid: true, version: '3.1' });
      expect(document.openapi).toBe('3.1.0');
    });

    it('describes every route, and every route answers as documented', async () => {
      const document = (await request(app).get('/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
      };
      const sku = await freshSku(system.prisma, 5);
      const input = orderInput(sku);
      // One real request per operation; an operation added to the document without one fails here.
      const calls: Record<string, () => request.Test> = {
        startOrder: () => request(app).post('/v1/sagas/orders').send(input),
        startUserRegistration: () => request(app).post('/v1/sagas/user-registrations').send({}),
        listSagas: () => request(app).get('/v1/sagas?type=order&pageSize=5'),
        getSaga: () => request(app).get(`/v1/sagas/${input.orderId}`),
        cancelSaga: () => request(app).post(`/v1/sagas/unknown-${randomUUID()}/cancel`),
        retryCompensations: () => request(app).post(`/v1/sagas/unknown-${randomUUID()}/retry-compensations`),
        listServices: () => request(app).get('/v1/services'),
        health: () => request(app).get('/health'),
        ready: () => request(app).get('/ready'),
        openApi: () => request(app).get('/openapi.json'),
        docs: () => request(app).get('/docs'),
      };
      const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
      expect(operations.map((operation) => operation.operationId).sort()).toEqual(Object.keys(calls).sort());
      for (const operation of operations) {
        const call = calls[operation.operationId];
        const response = await call!();
        expect([operation.operationId, Object.keys(operation.responses)]).toEqual([
          operation.operationId,
          expect.arrayContaining([String(response.status)]),
        ]);
      }
      const docs = await request(app).get('/docs').expect(200);
      expect(docs.text).toContain('/openapi.json');
      await request(app).get('/docs/assets/swagger-ui-bundle.js').expect(200);
    });
  });
});
