/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (zod's
 * JSON Schema output is draft 2020-12, the dialect of OpenAPI 3.1).
 */
import { z } from 'zod';
import {
  listQuery,
  orderRequest,
  problem,
  sagaAccepted,
  sagaDetail,
  sagaPage,
  serviceList,
  userRegistrationRequest,
} from './schemas';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  void $schema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const common = {
  '400': problemResponse('The request is not valid: every bad field is named'),
  '401': problemResponse('API keys are enabled and the request has no valid bearer key'),
};
const sagaIdParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The saga ID: the business ID (order ID, username), which is also the workflow ID',
  schema: { type: 'string', maxLength: 64 },
};
const startResponses = {
  '202': { description: 'The saga started', content: json('SagaAccepted') },
  '200': {
    description: 'The same request was made before: this is the saga it started',
    content: json('SagaAccepted'),
  },
  ...common,
  '409': problemResponse('The ID was already used by a different request'),
  '413': problemResponse('The body is too large'),
  '415': problemResponse('The body is not application/json'),
};

export function openApiDocument(): Record<string, unknown> {
  const listParameters = Object.entries(jsonSchema(listQuery, 'input').properties as Record<string, object>).map(
    ([name, schema]) => ({ name, in: 'query', required: false, schema }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Temporal sagas',
      version: '1.0.0',
      description:
        'Starts and follows durable sagas (user registration, order processing) that run as Temporal workflows. ' +
        'A saga either completes or has every effect undone; each run links to the Temporal Web UI.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'One of the keys in API_KEYS, when set' },
      },
      schemas: {
        OrderRequest: jsonSchema(orderRequest, 'input'),
        UserRegistrationRequest: jsonSchema(userRegistrationRequest, 'input'),
        SagaAccepted: jsonSchema(sagaAccepted, 'output'),
        SagaDetail: jsonSchema(sagaDetail, 'output'),
        SagaPage: jsonSchema(sagaPage, 'output'),
        ServiceList: jsonSchema(serviceList, 'output'),
        Problem: jsonSchema(problem, 'output'),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/v1/sagas/orders': {
        post: {
          operationId: 'startOrder',
          summary: 'Start an order saga: reserve inventory, charge, record the order, ship',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'The order ID, when the body has none; a repeat with the same key returns the same saga',
              schema: { type: 'string', maxLength: 64 },
            },
          ],
          requestBody: { required: true, content: json('OrderRequest') },
          responses: startResponses,
        },
      },
      '/v1/sagas/user-registrations': {
        post: {
          operationId: 'startUserRegistration',
          summary: 'Start a user registration saga: user, profile, welcome email, login',
          requestBody: { required: true, content: json('UserRegistrationRequest') },
          responses: startResponses,
        },
      },
      '/v1/sagas': {
        get: {
          operationId: 'listSagas',
          summary: 'List sagas, newest first, filtered by search attributes',
          parameters: listParameters,
          responses: { '200': { description: 'A page of sagas', content: json('SagaPage') }, ...common },
        },
      },
      '/v1/sagas/{id}': {
        get: {
          operationId: 'getSaga',
          summary: "A saga's state, each step's state, and its result or failure once it ended",
          parameters: [
            sagaIdParameter,
            {
              name: 'wait',
              in: 'query',
              required: false,
              description: 'Seconds (up to 60) to wait for a running saga to end before answering',
              schema: { type: 'integer', minimum: 0, maximum: 60 },
            },
          ],
          responses: {
            '200': { description: 'The saga', content: json('SagaDetail') },
            ...common,
            '404': problemResponse('No saga has this ID'),
          },
        },
      },
      '/v1/sagas/{id}/cancel': {
        post: {
          operationId: 'cancelSaga',
          summary: 'Cancel a running saga: the steps it completed are compensated',
          parameters: [sagaIdParameter],
          responses: {
            '202': {
              description: 'Cancellation requested',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { id: { type: 'string' }, status: { type: 'string' }, statusUrl: { type: 'string' } },
                    required: ['id', 'status', 'statusUrl'],
                  },
                },
              },
            },
            ...common,
            '404': problemResponse('No saga has this ID'),
            '409': problemResponse('The saga has already ended'),
          },
        },
      },
      '/v1/sagas/{id}/retry-compensations': {
        post: {
          operationId: 'retryCompensations',
          summary: 'Retry the failed compensations of a saga that needs attention, once the cause is fixed',
          parameters: [sagaIdParameter],
          responses: {
            '200': { description: 'The saga after the retry', content: json('SagaDetail') },
            ...common,
            '404': problemResponse('No saga has this ID'),
            '409': problemResponse('The saga does not need attention'),
          },
        },
      },
      '/v1/services': {
        get: {
          operationId: 'listServices',
          summary: 'Each domain service, its task queue, and whether workers poll it right now',
          responses: { '200': { description: 'The services', content: json('ServiceList') }, ...common },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          summary: 'The API process is alive',
          security: [],
          responses: { '200': { description: 'Alive' } },
        },
      },
      '/ready': {
        get: {
          operationId: 'ready',
          summary: 'Temporal and the database are reachable',
          security: [],
          responses: { '200': { description: 'Ready' }, '503': { description: 'A dependency is unreachable' } },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          security: [],
          responses: { '200': { description: 'The OpenAPI 3.1 document' } },
        },
      },
      '/docs': {
        get: {
          operationId: 'docs',
          summary: 'This document, for people',
          security: [],
          responses: { '200': { description: 'An HTML page' } },
        },
      },
    },
  };
}
