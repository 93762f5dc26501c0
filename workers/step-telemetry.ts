import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, Next } from '@temporalio/worker';

/**
 * Times each attempt of a saga step on this service and logs its outcome: `ok`, a business error
 * code such as CARD_DECLINED, or `error` for an infrastructure failure that Temporal will retry.
 *
 * The duration goes to the `saga_step_duration` histogram (seconds, by service, step and outcome),
 * exported with the Runtime's other metrics. The log line carries the activity's identity
 * (workflow ID, run ID, activity type, attempt) and, inside the activity's span, its trace ID.
 */
export class StepTelemetryInterceptor implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly context: Context,
    private readonly service: string,
  ) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await next(input);
    } catch (error) {
      outcome = error instanceof ApplicationFailure && error.type ? error.type : 'error';
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      this.context.metricMeter
        .createHistogram('saga_step_duration', 'float', 's', 'Duration of one attempt of a saga step')
        .record(seconds, { service: this.service, step: this.context.info.activityType, outcome });
      // A business outcome is news; an infrastructure error is a warning (Temporal retries it).
      const level = outcome === 'ok' ? 'debug' : outcome === 'error' ? 'warn' : 'info';
      this.context.log[level]('step attempt finished', { outcome, durationMs: Math.round(seconds * 1000) });
    }
  }
}
