import { createHash } from 'node:crypto';
import type { Client, WorkflowExecutionDescription } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { google, temporal } from '@temporalio/proto';
import { statusQuery } from '../workflows/saga';
import type { SagaDetail, SagaSummary } from './schemas';

/**
 * The fingerprint of a start request, kept in the workflow's memo: a repeat with the same
 * business ID compares fingerprints to tell a retry (same body) from a conflict (another body).
 */
export function requestFingerprint(body: unknown): string {
  const canonical = JSON.stringify(body, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

export interface Links {
  uiBaseUrl: string;
  namespace: string;
}

/** Where the API serves one saga. */
export function sagaPath(id: string): string {
  return `/v1/sagas/${encodeURIComponent(id)}`;
}

export function uiUrl({ uiBaseUrl, namespace }: Links, workflowId: string, runId: string): string {
  const base = uiBaseUrl.replace(/\/$/, '');
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}/${runId}/history`;
}

function keyword(payload: Payload | null | undefined): string | null {
  if (payload == null) return null;
  const value: unknown = defaultPayloadConverter.fromPayload(payload);
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

function isoTime(timestamp: google.protobuf.ITimestamp | null | undefined): string | null {
  if (timestamp?.seconds == null) return null;
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6)).toISOString();
}

const workflowStatusName = (status: number | null | undefined): string =>
  ['UNSPECIFIED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'][
    status ?? 0
  ]?.replace('CANCELED', 'CANCELLED') ?? 'UNSPECIFIED';

/** One saga as the list shows it, straight from a visibility record (no worker needed). */
export function summaryFromExecution(
  execution: temporal.api.workflow.v1.IWorkflowExecutionInfo,
  links: Links,
): SagaSummary {
  const fields = execution.searchAttributes?.indexedFields ?? {};
  const id = execution.execution?.workflowId ?? '';
  const runId = execution.execution?.runId ?? '';
  return {
    id,
    type: keyword(fields.SagaType) === 'user-registration' ? 'user-registration' : 'order',
    status: keyword(fields.SagaStatus) as SagaSummary['status'],
    workflowStatus: workflowStatusName(execution.status),
    customerId: keyword(fields.CustomerId),
    startedAt: isoTime(execution.startTime) ?? '',
    closedAt: isoTime(execution.closeTime),
    links: { self: sagaPath(id), ui: uiUrl(links, id, runId) },
  };
}

/** The saga type a run carries, or undefined for workflows that are not sagas. */
export function sagaTypeOf(description: WorkflowExecutionDescription): SagaSummary['type'] | undefined {
  const type = description.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'SagaType')?.value;
  return type === 'order' || type === 'user-registration' ? type : undefined;
}

/**
 * The full state of one saga: its own `status` query (answered by a worker, for closed runs too),
 * and the result or failure once it closed. Without a worker to answer, the steps are null and the
 * rest comes from Temporal alone. The description, the query and the result are fetched at once;
 * a caller that already holds the result (a long poll) passes it in.
 */
export async function sagaDetail(
  client: Client,
  describe: Promise<WorkflowExecutionDescription>,
  links: Links,
  known: { result?: unknown } = {},
): Promise<SagaDetail> {
  const query = describe.then((description) =>
    client
      .withDeadline(Date.now() + 5_000, () =>
        client.workflow.getHandle(description.workflowId, description.runId).query(statusQuery),
      )
      .catch(() => undefined),
  );
  const outcome = describe.then(async (description) =>
    description.status.name !== 'COMPLETED'
      ? undefined
      : 'result' in known
        ? known.result
        : client.workflow.getHandle(description.workflowId, description.runId).result(),
  );
  const [description, view, result] = await Promise.all([describe, query, outcome]);
  const summary = summaryFromExecution(description.raw.workflowExecutionInfo ?? {}, links);
  return {
    ...summary,
    status: view?.status ?? summary.status,
    steps: view?.steps ?? null,
    ...(view?.failure === undefined ? {} : { failure: view.failure }),
    ...(view?.needsAttention === undefined ? {} : { needsAttention: view.needsAttention }),
    ...(result === undefined ? {} : { result: result as Record<string, unknown> }),
  };
}
