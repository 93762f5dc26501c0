import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { NativeConnection, Runtime, type LogLevel, type LogMetadata, type Logger } from '@temporalio/worker';
import type { Logger as PinoLogger } from 'pino';
import { config } from './config';
import { logger } from './logger';
import { PayloadEncryptionCodec } from './payload-encryption';

/**
 * The data converter of every client, worker and replay in the project: JSON payloads, encrypted
 * when PAYLOAD_ENCRYPTION_KEY is set (platform/payload-encryption.ts). Every process that reads
 * or writes the sagas' payloads must use the same one; tests pass a key of their own.
 */
export function dataConverter({
  encryptionKey = config().PAYLOAD_ENCRYPTION_KEY,
  decryptionKeys = config().PAYLOAD_DECRYPTION_KEYS,
}: { encryptionKey?: string; decryptionKeys?: string[] } = {}): DataConverter {
  if (encryptionKey === undefined) return {};
  return { payloadCodecs: [new PayloadEncryptionCodec(encryptionKey, decryptionKeys)] };
}

const pinoLevel: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * SDK warnings about this project's layout, which is by design: the orchestrator's worker hosts
 * only workflows and each service's worker only activities. As warnings they would greet every
 * start nine times; they stay available at debug level.
 */
const LAYOUT_NOTICES = new Set([
  'No activities registered, not polling for activity tasks',
  'No workflows registered, not polling for workflow tasks',
]);

/** Adapts pino to the SDK's logger interface, so the SDK's own lines come out as ours do. */
class PinoTemporalLogger implements Logger {
  constructor(private readonly pino: PinoLogger) {}
  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const effective = level === 'WARN' && LAYOUT_NOTICES.has(message) ? 'DEBUG' : level;
    this.pino[pinoLevel[effective]](meta ?? {}, message);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

/** The SDK-facing logger (for the Runtime, and for workflow bundling's webpack output). */
export function sdkLogger(): Logger {
  return new PinoTemporalLogger(logger('temporal'));
}

let runtimeInstalled = false;

/**
 * Routes the Temporal Runtime's logs, including those of its native core, into pino, and serves
 * its metrics (the SDK's own and the sagas' business metrics) for Prometheus when METRICS_ADDRESS
 * is set. The Runtime is a process-wide singleton that must be configured before the first worker
 * connection.
 */
export function installTemporalRuntime({ metricsAddress = config().METRICS_ADDRESS } = {}): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger: sdkLogger(),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(metricsAddress === undefined
        ? {}
        : {
            metrics: {
              prometheus: {
                bindAddress: metricsAddress,
                // Durations in seconds, as Prometheus conventions (and Grafana's defaults) expect.
                useSecondsForDurations: true,
              },
            },
          }),
    },
  });
  runtimeInstalled = true;
}

export interface TemporalTarget {
  /** host:port of the frontend; TEMPORAL_ADDRESS by default. */
  address?: string;
  /** TEMPORAL_NAMESPACE by default. */
  namespace?: string;
}

/** A connection for workers (the SDK's native one). */
export async function connectWorkerConnection({
  address = config().TEMPORAL_ADDRESS,
}: TemporalTarget = {}): Promise<NativeConnection> {
  installTemporalRuntime();
  return NativeConnection.connect({ address });
}

/** A client for starting, querying, listing and cancelling workflows. */
export async function connectClient({
  address = config().TEMPORAL_ADDRESS,
  namespace = config().TEMPORAL_NAMESPACE,
  converter = dataConverter(),
}: TemporalTarget & { converter?: DataConverter } = {}): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({
    connection,
    namespace,
    dataConverter: converter,
    // Starts, signals and queries join the caller's trace, and carry it into the workflow.
    interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
  });
}
