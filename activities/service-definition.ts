import type { ActivityOptions } from '@temporalio/common';

/**
 * What a domain service declares about itself, next to its code: the task queue its worker polls,
 * the timeouts and retry policy its steps (and its compensations) run with, and the tables it owns.
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
  /** The PostgreSQL schema that holds the service's tables; no other service touches it. */
  schema: string;
}

/** Transient failures of a forward step: retried a few times with backoff, then the saga compensates. */
export const forwardStepRetry = {
  initialInterval: '500 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '10 seconds',
  maximumAttempts: 5,
} as const;

/**
 * Compensations retry longer than forward steps (about five minutes): giving up leaves an effect
 * in place and the saga waiting for a person.
 */
export const compensationRetry = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  maximumAttempts: 10,
} as const;
