import { metricMeter } from '@temporalio/workflow';
import type { SagaStatus, SagaType } from './saga-status';

/*
 * The sagas' business metrics, exported with the worker's other metrics (Prometheus, when
 * METRICS_ADDRESS is set). The SDK emits nothing while a workflow replays, so a saga counts once
 * per transition, however often its history is replayed (a workflow task that fails after the
 * transition and is retried may count it again: these are at-least-once counters).
 *
 * The counters are made at each use, inside the workflow: the API imports the saga's definitions
 * too, and outside a workflow the meter does not exist.
 */

const outcomes: Partial<Record<SagaStatus, { name: string; description: string }>> = {
  COMPLETED: { name: 'saga_completed', description: 'Sagas whose every step succeeded' },
  COMPENSATED: { name: 'saga_compensated', description: 'Sagas that failed and were fully undone' },
  NEEDS_ATTENTION: {
    name: 'saga_needs_attention',
    description: 'Times a saga was left with a compensation that kept failing',
  },
};

export function countSagaStarted(sagaType: SagaType): void {
  metricMeter
    .createCounter('saga_started', 'sagas', 'Sagas that passed input validation and began')
    .add(1, { saga_type: sagaType });
}

/** Counts the statuses that are outcomes (or a call for a person); the others are not counted. */
export function countSagaStatus(sagaType: SagaType, status: SagaStatus): void {
  const outcome = outcomes[status];
  if (outcome === undefined) return;
  metricMeter.createCounter(outcome.name, 'sagas', outcome.description).add(1, { saga_type: sagaType });
}
