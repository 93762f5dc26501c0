import path from 'node:path';
import { z } from 'zod';

/** The repository root: defaults that name files (the data folder) are relative to it, not to the cwd. */
export const projectRoot = path.resolve(__dirname, '..');

const port = z.coerce.number().int().min(1).max(65535);
/** `a, b,,c` → `['a', 'b', 'c']`. */
const commaSeparated = z.string().transform((list) =>
  list
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);
const encryptionKey = z
  .base64('base64 of 32 random bytes (openssl rand -base64 32)')
  .refine((key) => Buffer.from(key, 'base64').length === 32, 'must be 32 bytes (openssl rand -base64 32)');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** `pretty` for people at a terminal, `json` for log collectors; `auto` picks by whether stdout is a TTY. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),

  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Base URL of the Temporal Web UI, used to link each saga run. */
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  /** Path of a Temporal CLI binary to use instead of the one built into the cache. */
  TEMPORAL_CLI: z.string().min(1).optional(),

  /** A PostgreSQL URL. Unset: an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: z
    .url()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_POSTGRES_PORT: port.default(54329),

  /** Where the embedded defaults keep their state (Temporal's SQLite file, PostgreSQL's cluster). */
  DATA_DIR: z.string().min(1).default(path.join(projectRoot, '.data')),

  /**
   * Base URL of an OTLP/HTTP receiver (a collector, or Jaeger on :4318). Unset: no traces are
   * exported. Spans are posted to `<url>/v1/traces`.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Overrides the `service.name` a process reports (by default api, orchestrator, payment-service, ...). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /**
   * host:port on which a worker process serves Prometheus metrics at /metrics: the Temporal
   * Runtime's own and the sagas' business metrics. Unset: no metrics endpoint.
   */
  METRICS_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'host:port, such as 0.0.0.0:9464')
    .optional(),

  /**
   * 32 random bytes in base64 (`openssl rand -base64 32`). Set: every payload a client or worker
   * writes to Temporal (saga inputs with card numbers and passwords, results, memos, failure
   * details) is encrypted with AES-256-GCM before it leaves the process, so the server, its
   * database and the Web UI hold ciphertext. Every process of the system needs the same key, and
   * the key must be kept as long as any history written with it. Unset: payloads are plain JSON.
   */
  PAYLOAD_ENCRYPTION_KEY: encryptionKey.optional(),
  /**
   * Earlier encryption keys, comma-separated, kept after a rotation to read the histories written
   * with them; new payloads are always sealed with PAYLOAD_ENCRYPTION_KEY.
   */
  PAYLOAD_DECRYPTION_KEYS: commaSeparated.pipe(z.array(encryptionKey)).default([]),

  API_PORT: port.default(3000),
  /** Comma-separated keys; when set, every /v1 request needs `Authorization: Bearer <key>`. */
  API_KEYS: commaSeparated.default([]),
  /** The largest request body the API accepts. */
  API_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'a size such as 100kb')
    .default('100kb'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws a {@link ConfigError} naming every bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** The process's configuration, parsed once on first use. */
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}
