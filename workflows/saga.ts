/**
 * The one saga helper both sagas share. Its contract:
 *
 * - A step's compensation is registered *before* the step runs: a step that timed out or was
 *   cancelled may still have happened, and compensations are idempotent no-ops for effects that
 *   never happened.
 * - On failure or cancellation, the registered compensations run newest first, in a
 *   non-cancellable scope, each with its service's own retry policy.
 * - A compensation that still fails after its retries is never swallowed: the saga moves to
 *   NEEDS_ATTENTION (queryable, and searchable in the UI) and waits for a person to fix the cause
 *   and send `retryCompensations`. It reports COMPENSATED only once every effect is undone.
 * - The `status` query and the `SagaStatus` search attribute always tell where the saga stands.
 */
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  isCancellation,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  CustomerId,
  SagaStatus as SagaStatusAttribute,
  SagaType as SagaTypeAttribute,
} from '../platform/search-attributes';
import type { z } from 'zod';
import { countSagaStarted, countSagaStatus } from './saga-metrics';
import type { SagaResult, SagaStatus, SagaType, SagaView, StepError, StepView } from './saga-status';

export const statusQuery = defineQuery<SagaView>('status');
/** Retries the failed compensations of a saga in NEEDS_ATTENTION; answers with the new state. */
export const retryCompensationsUpdate = defineUpdate<SagaView>('retryCompensations');
/** The same as a signal, for tools that cannot send updates. */
export const retryCompensationsSignal = defineSignal('retryCompensations');

interface Compensation {
  step: StepView;
  undo: () => Promise<unknown>;
}

/** The code and message of any failure: a business code where a service raised one. */
export function describeFailure(error: unknown): StepError {
  if (isCancellation(error)) return { code: 'CANCELLED', message: 'The saga was cancelled' };
  let cause: unknown = error;
  // Activity failures wrap the service's ApplicationFailure; the innermost cause has the code.
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  if (cause instanceof ApplicationFailure) return { code: cause.type ?? 'Error', message: cause.message };
  if (cause instanceof Error) return { code: cause.name, message: cause.message };
  return { code: 'Error', message: String(error) };
}

/**
 * Checks a saga's input against its schema, and that the workflow ID is the input's business ID
 * (idempotency keys derive from it). Bad input fails the workflow with a non-retryable
 * INVALID_INPUT that lists every problem.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, businessIdField?: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw ApplicationFailure.create({
      type: 'INVALID_INPUT',
      message: `Invalid saga input: ${problems.map((p) => `${p.path || '(input)'}: ${p.message}`).join('; ')}`,
      nonRetryable: true,
      details: [problems],
    });
  }
  if (businessIdField === undefined) return result.data;
  const businessId: unknown = (result.data as Record<string, unknown>)[businessIdField];
  if (businessId !== workflowInfo().workflowId) {
    throw ApplicationFailure.create({
      type: 'INVALID_INPUT',
      message: `The workflow ID must be the ${businessIdField} (${String(businessId)}), not ${workflowInfo().workflowId}`,
      nonRetryable: true,
    });
  }
  return result.data;
}

export class Saga {
  private readonly steps: StepView[] = [];
  private readonly compensations: Compensation[] = [];
  private status: SagaStatus = 'RUNNING';
  private failure: SagaView['failure'];
  private attentionSince: string | undefined;
  private retryRequested = false;
  private compensationRounds = 0;

  constructor(
    private readonly sagaType: SagaType,
    customerId: string,
    /** Every step, in order, so the status shows what is still to come. */
    plan: Array<{ name: string; service: string; compensable: boolean }>,
  ) {
    this.steps = plan.map((step) => ({ ...step, state: 'pending' }));
    countSagaStarted(sagaType);
    upsertSearchAttributes([
      { key: SagaTypeAttribute, value: sagaType },
      { key: CustomerId, value: customerId },
      { key: SagaStatusAttribute, value: this.status },
    ]);
    setHandler(statusQuery, () => this.view());
    setHandler(retryCompensationsSignal, () => {
      if (this.status === 'NEEDS_ATTENTION') this.retryRequested = true;
    });
    setHandler(
      retryCompensationsUpdate,
      async () => {
        const round = this.compensationRounds;
        this.retryRequested = true;
        await condition(() => this.compensationRounds > round);
        return this.view();
      },
      {
        validator: () => {
          if (this.status !== 'NEEDS_ATTENTION') {
            throw new Error(`Only a saga that needs attention can retry compensations; this one is ${this.status}`);
          }
        },
      },
    );
  }

  view(): SagaView {
    return {
      sagaType: this.sagaType,
      sagaId: workflowInfo().workflowId,
      status: this.status,
      steps: this.steps.map((step) => ({ ...step })),
      ...(this.failure === undefined ? {} : { failure: this.failure }),
      ...(this.attentionSince === undefined
        ? {}
        : {
            needsAttention: {
              steps: this.steps.filter((step) => step.state === 'compensation_failed').map((step) => step.name),
              since: this.attentionSince,
            },
          }),
    };
  }

  /** The idempotency key of a step: the same on every attempt of this saga, unique across sagas. */
  key(stepName: string): string {
    return `${workflowInfo().workflowId}/${stepName}`;
  }

  /**
   * Runs one step. `undo`, when given, is registered before `action` starts, and runs if the saga
   * later fails or is cancelled.
   */
  async step<T>(name: string, action: () => Promise<T>, undo?: () => Promise<unknown>): Promise<T> {
    const step = this.steps.find((candidate) => candidate.name === name);
    if (step === undefined) throw new Error(`Step ${name} is not in the saga's plan`);
    if (undo !== undefined) this.compensations.push({ step, undo });
    step.state = 'running';
    try {
      const result = await action();
      step.state = 'completed';
      return result;
    } catch (error) {
      step.state = 'failed';
      step.error = describeFailure(error);
      this.failure = { ...step.error, step: name };
      throw error;
    }
  }

  /**
   * Runs the saga's body. On success the saga is COMPLETED and returns the body's result with the
   * final view. On failure or cancellation every registered compensation runs, and the workflow
   * then fails with the original business error and the view in its details (or ends cancelled),
   * so its outcome in Temporal matches the saga's.
   */
  async run<T extends object>(body: () => Promise<T>): Promise<SagaResult<T>> {
    try {
      const result = await body();
      this.setStatus('COMPLETED');
      return { ...result, saga: this.view() };
    } catch (error) {
      this.failure ??= describeFailure(error);
      await CancellationScope.nonCancellable(() => this.compensate());
      if (isCancellation(error)) throw error;
      const { code, message, step } = this.failure;
      throw ApplicationFailure.create({
        type: code,
        message: `${this.sagaType} saga compensated after ${step ?? 'a failure'}: ${message}`,
        nonRetryable: true,
        details: [this.view()],
      });
    }
  }

  private async compensate(): Promise<void> {
    this.setStatus('COMPENSATING');
    let pending = [...this.compensations].reverse();
    for (;;) {
      const failed: Compensation[] = [];
      for (const compensation of pending) {
        const { step } = compensation;
        const forwardError = step.state === 'failed' ? step.error : undefined;
        step.state = 'compensating';
        try {
          await compensation.undo();
          // A step that failed keeps its own error; its undo only made sure nothing was left.
          step.state = forwardError === undefined ? 'compensated' : 'failed';
          if (forwardError === undefined) delete step.error;
        } catch (error) {
          step.state = 'compensation_failed';
          step.error = describeFailure(error);
          failed.push(compensation);
        }
      }
      this.compensationRounds += 1;
      if (failed.length === 0) break;
      pending = failed;
      this.attentionSince ??= new Date().toISOString();
      this.setStatus('NEEDS_ATTENTION');
      await condition(() => this.retryRequested);
      this.retryRequested = false;
      this.setStatus('COMPENSATING');
    }
    this.attentionSince = undefined;
    this.setStatus('COMPENSATED');
  }

  private setStatus(status: SagaStatus): void {
    this.status = status;
    upsertSearchAttributes([{ key: SagaStatusAttribute, value: status }]);
    countSagaStatus(this.sagaType, status);
    // Codes and step names only: a failure's message may quote the customer's input.
    log.info('saga status changed', {
      sagaType: this.sagaType,
      status,
      ...(this.failure === undefined ? {} : { failedStep: this.failure.step, failureCode: this.failure.code }),
    });
  }
}
