import type { ActivityOptions, Duration } from '@temporalio/common';

/**
 * What a domain service declares about itself, next to its code: the task queue its worker polls,
 * and the timeouts and retry policy its steps (and its compensations) run with. (The tables it owns
 * are the models of its PostgreSQL schema, `@@schema("<name>")` in prisma/schema.prisma.)
 * Workers, the workflows, the API's service registry and the docs all read this one declaration.
 *
 * Workflow code imports definitions: they must stay free of Node APIs.
 */
export interface ServiceDefinition {
  name: string;
  description: string;
  taskQueue: string;
  /** Options for the service's forward steps: how long one attempt may take, how to retry. */
  stepOptions: ActivityOptions;
  /**
   * Options for its compensations. They retry longer than forward steps: an undo that gives up
   * leaves a saga needing a person's attention.
   */
  compensationOptions: ActivityOptions;
}

/** Transient failures of a forward step: retried a few times with backoff, then the saga compensates. */
export const forwardStepRetry = {
  initialInterval: '500 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '10 seconds',
  maximumAttempts: 5,
} as const;

/**
 * Compensations retry longer than forward steps (ten attempts over about four minutes): giving up leaves an effect
 * in place and the saga waiting for a person.
 */
export const compensationRetry = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  maximumAttempts: 10,
} as const;

/**
 * A service's definition: its task queue is its name, and its steps and compensations run with the
 * shared retry policies above. `stepTimeout` is how long one attempt of a forward step may take.
 */
export function defineService({
  name,
  description,
  stepTimeout = '10 seconds',
}: {
  name: string;
  description: string;
  stepTimeout?: Duration;
}): ServiceDefinition {
  return {
    name,
    description,
    taskQueue: name,
    stepOptions: { startToCloseTimeout: stepTimeout, retry: forwardStepRetry },
    compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
  };
}
