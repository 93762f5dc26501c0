import { createHash } from 'node:crypto';
import {
  WorkflowFailedError,
  type Client,
  type WorkflowExecutionDescription,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { google, temporal } from '@temporalio/proto';
import { statusQuery } from '../workflows/saga';
import type { SagaView } from '../workflows/saga-status';
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

/** What a closed saga ended with: its result if it completed, and its final view when the run carries one. */
export interface SagaOutcome {
  result?: Record<string, unknown>;
  view?: SagaView;
}

function isSagaView(value: unknown): value is SagaView {
  return (
    typeof value === 'object' &&
    value !== null &&
    'sagaId' in value &&
    'status' in value &&
    Array.isArray((value as { steps?: unknown }).steps)
  );
}

/**
 * Waits for a run's outcome (at once if it has closed) and reads the saga's final view from it: a
 * completed saga returns it with its result, a failed one carries it in the failure's details.
 * Runs that carry none (cancelled, terminated, timed out) have only what Temporal knows.
 */
export async function sagaOutcome(handle: WorkflowHandle): Promise<SagaOutcome> {
  try {
    const value: unknown = await handle.result();
    if (typeof value !== 'object' || value === null) return {};
    const { saga, ...result } = value as Record<string, unknown>;
    return isSagaView(saga) ? { result, view: saga } : { result: value as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof WorkflowFailedError)) throw error;
    const details: unknown[] = error.cause instanceof ApplicationFailure ? (error.cause.details ?? []) : [];
    return isSagaView(details[0]) ? { view: details[0] } : {};
  }
}

/**
 * The full state of one saga. A running saga answers its own `status` query (through a worker);
 * a closed one is read from its outcome, without waking a worker, unless the run carries no view
 * (then the query, which a worker answers for closed runs too, fills in). Without a worker to
 * answer, the steps are null and the rest comes from Temporal alone. A caller that already holds
 * the outcome (a long poll) or the view (an update's answer) passes it in.
 */
export async function sagaDetail(
  client: Client,
  describe: Promise<WorkflowExecutionDescription>,
  links: Links,
  known?: SagaOutcome,
): Promise<SagaDetail> {
  const description = await describe;
  const handle = client.workflow.getHandle(description.workflowId, description.runId);
  const outcome = known ?? (description.status.name === 'RUNNING' ? {} : await sagaOutcome(handle).catch(() => ({})));
  const view =
    outcome.view ??
    (await client.withDeadline(Date.now() + 5_000, () => handle.query(statusQuery)).catch(() => undefined));
  const summary = summaryFromExecution(description.raw.workflowExecutionInfo ?? {}, links);
  return {
    ...summary,
    status: view?.status ?? summary.status,
    steps: view?.steps ?? null,
    ...(view?.failure === undefined ? {} : { failure: view.failure }),
    ...(view?.needsAttention === undefined ? {} : { needsAttention: view.needsAttention }),
    ...(outcome.result === undefined ? {} : { result: outcome.result }),
  };
}
