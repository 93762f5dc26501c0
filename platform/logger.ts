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

function createLogger(): Logger {
  const { LOG_LEVEL, LOG_FORMAT } = config();
  const pretty = LOG_FORMAT === 'pretty' || (LOG_FORMAT === 'auto' && process.stdout.isTTY === true);
  return pino({
    level: LOG_LEVEL,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  });
}

let root: Logger | undefined;

/** The process-wide root logger; `name` makes a child that tags every line with its component. */
export function logger(name?: string): Logger {
  root ??= createLogger();
  return name === undefined ? root : root.child({ component: name });
}
