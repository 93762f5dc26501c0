/**
 * The API's request and response schemas. Requests reuse the sagas' own input schemas, so the
 * API, the workflows and the OpenAPI document can never disagree on what a valid saga input is.
 */
import { z } from 'zod';
import { businessId, orderInput, userRegistrationInput } from '../workflows/inputs';

export const sagaTypes = ['order', 'user-registration'] as const;
export const sagaStatuses = ['RUNNING', 'COMPLETED', 'COMPENSATING', 'COMPENSATED', 'NEEDS_ATTENTION'] as const;

/** An order; `orderId` may come from the `Idempotency-Key` header instead, or be generated. */
export const orderRequest = orderInput.partial({ orderId: true });
export const userRegistrationRequest = userRegistrationInput;

export const sagaIdParam = z.object({ id: businessId }).strict();

export const detailQuery = z
  .object({
    /** Seconds to wait for a running saga to end before answering (a long poll); 0 answers at once. */
    wait: z.coerce.number().int().min(0).max(60).optional(),
  })
  .strict();

export const listQuery = z
  .object({
    type: z.enum(sagaTypes).optional(),
    status: z.enum(sagaStatuses).optional(),
    customerId: businessId.optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    pageToken: z.string().max(2048).optional(),
  })
  .strict();

const links = z.object({
  self: z.string().describe('This saga in the API'),
  ui: z.url().describe('This run in the Temporal Web UI'),
});

export const sagaAccepted = z.object({
  id: z.string(),
  type: z.enum(sagaTypes),
  status: z.string(),
  statusUrl: z.string(),
  uiUrl: z.url(),
});

const stepError = z.object({ code: z.string(), message: z.string() });

export const sagaDetail = z.object({
  id: z.string(),
  type: z.enum(sagaTypes),
  status: z
    .enum(sagaStatuses)
    .nullable()
    .describe('The saga state, from its status query; null when no worker answers'),
  workflowStatus: z.string().describe('The Temporal execution status: RUNNING, COMPLETED, FAILED, CANCELLED, ...'),
  customerId: z.string().nullable(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  steps: z
    .array(
      z.object({
        name: z.string(),
        service: z.string(),
        state: z.enum([
          'pending',
          'running',
          'completed',
          'failed',
          'compensating',
          'compensated',
          'compensation_failed',
        ]),
        compensable: z.boolean(),
        error: stepError.optional(),
      }),
    )
    .nullable(),
  failure: stepError.extend({ step: z.string().optional() }).optional(),
  needsAttention: z.object({ steps: z.array(z.string()), since: z.string() }).optional(),
  result: z.record(z.string(), z.unknown()).optional(),
  links,
});

export const sagaSummary = sagaDetail.pick({
  id: true,
  type: true,
  status: true,
  workflowStatus: true,
  customerId: true,
  startedAt: true,
  closedAt: true,
  links: true,
});

export const sagaPage = z.object({ items: z.array(sagaSummary), nextPageToken: z.string().nullable() });

export const serviceList = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      taskQueue: z.string(),
      workers: z.number().int().describe('Pollers seen on the task queue in the last minute'),
      live: z.boolean(),
    }),
  ),
});

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});

export type SagaDetail = z.infer<typeof sagaDetail>;
export type SagaSummary = z.infer<typeof sagaSummary>;
