import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowExecutionDescription,
} from '@temporalio/client';
import type { z } from 'zod';
import { startOrderSaga, startUserRegistrationSaga } from '../../platform/saga-client';
import { retryCompensationsUpdate } from '../../workflows/saga';
import type { SagaView } from '../../workflows/saga-status';
import { invalidField, invalidRequest, methodNotAllowed, notFound, ProblemError, problemTypes } from '../problems';
import {
  requestFingerprint,
  sagaDetail,
  sagaOutcome,
  sagaPath,
  sagaTypeOf,
  summaryFromExecution,
  uiUrl,
  type Links,
} from '../saga-views';
import {
  detailQuery,
  listQuery,
  orderRequest,
  sagaIdParam,
  userRegistrationRequest,
  type SagaSummary,
} from '../schemas';

function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error, where);
  return result.data;
}

const sagaId = (req: Request): string => parse(sagaIdParam, req.params, 'path').id;

export function sagaRoutes(client: Client, links: Links): Router {
  const router = Router();

  async function describeSaga(id: string): Promise<WorkflowExecutionDescription> {
    try {
      const description = await client.workflow.getHandle(id).describe();
      if (sagaTypeOf(description) !== undefined) return description;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    throw notFound(`No saga has the ID ${id}`);
  }

  async function requireRunning(id: string, action: string): Promise<void> {
    const { status } = await describeSaga(id);
    if (status.name === 'RUNNING') return;
    throw new ProblemError({
      type: problemTypes.sagaConflict,
      title: 'The saga has ended',
      status: 409,
      detail: `Saga ${id} is ${status.name} and can no longer be ${action}`,
    });
  }

  /**
   * Starts a saga whose workflow ID is its business ID, and answers. A repeat of the same request
   * finds the saga already started and answers with it (200) instead of starting another; the
   * same ID with a different body is a 409.
   */
  async function start(
    res: Response,
    type: SagaSummary['type'],
    id: string,
    body: unknown,
    startSaga: (memo: Record<string, unknown>) => Promise<{ firstExecutionRunId: string }>,
  ): Promise<void> {
    const fingerprint = requestFingerprint(body);
    let runId: string;
    let status = 202;
    try {
      runId = (await startSaga({ requestFingerprint: fingerprint })).firstExecutionRunId;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const existing = await client.workflow.getHandle(id).describe();
      if (existing.memo?.requestFingerprint !== fingerprint || sagaTypeOf(existing) !== type) {
        throw new ProblemError({
          type: problemTypes.idempotencyConflict,
          title: 'That ID belongs to another request',
          status: 409,
          detail: `A saga with the ID ${id} was already started with a different request; an ID is used once`,
        });
      }
      runId = existing.runId;
      status = 200;
    }
    const statusUrl = sagaPath(id);
    res
      .status(status)
      .location(statusUrl)
      .json({ id, type, status: 'RUNNING', statusUrl, uiUrl: uiUrl(links, id, runId) });
  }

  router
    .route('/v1/sagas/orders')
    .post(async (req, res) => {
      const request = parse(orderRequest, req.body, 'body');
      const headerKey = req.get('Idempotency-Key');
      if (headerKey !== undefined) {
        const keyProblem = !sagaIdParam.safeParse({ id: headerKey }).success
          ? 'must be 1-64 letters, digits, . _ or -'
          : request.orderId !== undefined && request.orderId !== headerKey
            ? 'must equal orderId when both are given'
            : undefined;
        if (keyProblem !== undefined) throw invalidField('Idempotency-Key', keyProblem);
      }
      const orderId = request.orderId ?? headerKey ?? `order-${randomUUID()}`;
      const input = { ...request, orderId };
      await start(res, 'order', orderId, input, (memo) => startOrderSaga(client, input, { memo }));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/v1/sagas/user-registrations')
    .post(async (req, res) => {
      const input = parse(userRegistrationRequest, req.body, 'body');
      await start(res, 'user-registration', input.username, input, (memo) =>
        startUserRegistrationSaga(client, input, { memo }),
      );
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/v1/sagas')
    .get(async (req, res) => {
      const query = parse(listQuery, req.query, 'query');
      const conditions = ['SagaType IS NOT NULL'];
      // Values are enums or business IDs (letters, digits, . _ -), so quoting them is safe.
      if (query.type !== undefined) conditions.push(`SagaType = '${query.type}'`);
      if (query.status !== undefined) conditions.push(`SagaStatus = '${query.status}'`);
      if (query.customerId !== undefined) conditions.push(`CustomerId = '${query.customerId}'`);
      const page = await client.workflowService
        .listWorkflowExecutions({
          namespace: links.namespace,
          query: conditions.join(' AND '),
          pageSize: query.pageSize,
          nextPageToken: query.pageToken === undefined ? undefined : Buffer.from(query.pageToken, 'base64url'),
        })
        .catch((error: unknown) => {
          if (query.pageToken === undefined) throw error;
          throw invalidField('pageToken', 'not a page token this API issued');
        });
      const token = page.nextPageToken;
      res.json({
        items: (page.executions ?? []).map((execution) => summaryFromExecution(execution, links)),
        nextPageToken: token != null && token.length > 0 ? Buffer.from(token).toString('base64url') : null,
      });
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/v1/sagas/:id')
    .get(async (req, res) => {
      const id = sagaId(req);
      const { wait } = parse(detailQuery, req.query, 'query');
      const description = await describeSaga(id);
      if (wait === undefined || wait === 0 || description.status.name !== 'RUNNING') {
        res.json(await sagaDetail(client, Promise.resolve(description), links));
        return;
      }
      // Long poll: answer as soon as the saga ends, or after `wait` seconds with it still running.
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), wait * 1000);
      req.once('close', () => abort.abort());
      const ended = await client
        .withAbortSignal(abort.signal, () => sagaOutcome(client.workflow.getHandle(id)))
        .catch(() => (abort.signal.aborted ? undefined : {}));
      clearTimeout(timer);
      res.json(
        ended === undefined
          ? await sagaDetail(client, Promise.resolve(description), links)
          : await sagaDetail(client, describeSaga(id), links, ended),
      );
    })
    .all(methodNotAllowed('GET'));

  router
    .route('/v1/sagas/:id/cancel')
    .post(async (req, res) => {
      const id = sagaId(req);
      await requireRunning(id, 'cancelled');
      await client.workflow.getHandle(id).cancel();
      res.status(202).json({ id, status: 'CANCELLING', statusUrl: sagaPath(id) });
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/v1/sagas/:id/retry-compensations')
    .post(async (req, res) => {
      const id = sagaId(req);
      await requireRunning(id, 'retried');
      let view: SagaView;
      try {
        view = await client.workflow.getHandle(id).executeUpdate(retryCompensationsUpdate);
      } catch (error) {
        if (!(error instanceof WorkflowUpdateFailedError)) throw error;
        throw new ProblemError({
          type: problemTypes.sagaConflict,
          title: 'The saga does not need attention',
          status: 409,
          detail: error.cause?.message ?? `Saga ${id} has no failed compensation to retry`,
        });
      }
      // The update answered with the saga's state after the retry: no need to ask again.
      res.json(await sagaDetail(client, describeSaga(id), links, { view }));
    })
    .all(methodNotAllowed('POST'));

  return router;
}
