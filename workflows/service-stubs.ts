import {
  ActivityCancellationType,
  proxyActivities,
  type ActivityInterfaceFor,
  type ActivityOptions,
} from '@temporalio/workflow';
import type { ServiceDefinition } from '../activities/service-definition';
import type { SagaOptions } from './inputs';

/**
 * A service's activities as a saga step calls them: on the service's task queue, with the timeouts
 * and retry policy the service declares, and a one-line summary that the Temporal UI shows.
 *
 * On cancellation the saga waits for a running step to end before it compensates: an undo that ran
 * while its step was still in flight could be overtaken by the step's effect.
 */
export function stepOn<A extends object>(service: ServiceDefinition, summary: string): ActivityInterfaceFor<A> {
  return proxyActivities<A>({
    ...service.stepOptions,
    taskQueue: service.taskQueue,
    summary,
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  });
}

/** The same for a compensation, with the service's compensation policy (or the run's override). */
export function undoOn<A extends object>(
  service: ServiceDefinition,
  summary: string,
  options: SagaOptions = {},
): ActivityInterfaceFor<A> {
  const activityOptions: ActivityOptions = { ...service.compensationOptions, taskQueue: service.taskQueue, summary };
  if (options.compensationRetry !== undefined) {
    activityOptions.retry = { ...service.compensationOptions.retry, ...options.compensationRetry };
  }
  return proxyActivities<A>(activityOptions);
}
