/**
 * The saga's observable state: what the `status` query returns and what the API shows. Types only,
 * shared by the workflows, the API and the tests.
 */

export type SagaType = 'user-registration' | 'order';

/** Mirrored in the `SagaStatus` search attribute. */
export type SagaStatus = 'RUNNING' | 'COMPLETED' | 'COMPENSATING' | 'COMPENSATED' | 'NEEDS_ATTENTION';

export type StepState =
  'pending' | 'running' | 'completed' | 'failed' | 'compensating' | 'compensated' | 'compensation_failed';

export interface StepError {
  /** The business error code (CARD_DECLINED, ...), or the failure's type for anything else. */
  code: string;
  message: string;
}

export interface StepView {
  name: string;
  service: string;
  state: StepState;
  /** Why the step failed, or why its compensation failed. */
  error?: StepError;
  /** Whether the step has a compensation (notifications, for one, cannot be undone). */
  compensable: boolean;
}

export interface SagaView {
  sagaType: SagaType;
  sagaId: string;
  status: SagaStatus;
  steps: StepView[];
  /** The failure that made the saga compensate (a step's error, or a cancellation). */
  failure?: StepError & { step?: string };
  /** Set while compensations failed and wait for a person: `retryCompensations` tries again. */
  needsAttention?: { steps: string[]; since: string };
}

/**
 * What a saga workflow returns: its own result with its final view alongside, as a failed saga
 * carries its view in the failure's details. Whoever reads a closed saga's outcome then needs no
 * `status` query, which would wake a worker to replay the whole run.
 */
export type SagaResult<T> = T & { saga: SagaView };
