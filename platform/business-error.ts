import { ApplicationFailure } from '@temporalio/common';

/**
 * A business rule said no (a declined card, a taken username). Raised as a non-retryable
 * ApplicationFailure whose `type` is the error code, so retry policies stop at once, workflows can
 * tell it from an outage, the Temporal UI shows the code, and the API maps it to a problem type.
 *
 * Workflow code imports this module: it must stay free of Node APIs.
 */
export function businessError(code: string, message: string, details?: Record<string, unknown>): ApplicationFailure {
  return ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    details: details === undefined ? [] : [details],
  });
}
