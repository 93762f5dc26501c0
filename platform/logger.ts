import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import { config } from './config';

/**
 * Paths that must never reach a log line, wherever they appear in a logged object. Personal data
 * and secrets are redacted here, once, rather than trusted to every call site.
 */
export const redactedPaths = [
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'cardNumber',
  '*.cardNumber',
  'cvc',
  '*.cvc',
  'email',
  '*.email',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** The active span's IDs, so a log line can be found from its trace and the trace from the line. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (context === undefined || !isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}

function createLogger(): Logger {
  const { LOG_LEVEL, LOG_FORMAT } = config();
  const pretty = LOG_FORMAT === 'pretty' || (LOG_FORMAT === 'auto' && process.stdout.isTTY === true);
  return pino({
    level: LOG_LEVEL,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    mixin: traceFields,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  });
}

let root: Logger | undefined;

/** The process-wide root logger; `name` makes a child that tags every line with its component. */
export function logger(name?: string): Logger {
  root ??= createLogger();
  return name === undefined ? root : root.child({ component: name });
}
