/**
 * OpenTelemetry tracing for one process. Every entry point calls {@link startTelemetry} before it
 * loads anything else, because the HTTP and PostgreSQL instrumentations patch those modules as
 * they are first required.
 *
 * One trace covers a whole saga: the API's request span, the client's StartWorkflow span, the
 * workflow run and every activity on every worker. Temporal's interceptors carry the context in
 * workflow and activity headers, so the trace crosses the server and each process boundary.
 *
 * Spans go to an OTLP/HTTP endpoint (a collector, or Jaeger itself) when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise no tracing SDK starts and spans are no-ops.
 */
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { config } from './config';

export interface Telemetry {
  /** `service.name` and friends, shared by this process's spans, including its workflows'. */
  resource: Resource;
  /** Where finished spans go; workflow spans are handed to it from the workflow sandbox. */
  spanProcessor: SpanProcessor;
  /** Flushes the spans still buffered and stops the SDK. */
  shutdown: () => Promise<void>;
}

let current: Telemetry | undefined;

/** The process's telemetry; a no-op one until {@link startTelemetry} has been called. */
export function telemetry(): Telemetry {
  return (
    current ?? {
      resource: new Resource({ [ATTR_SERVICE_NAME]: 'unknown_service' }),
      spanProcessor: new NoopSpanProcessor(),
      shutdown: async () => {},
    }
  );
}

/** Whether this process exports spans ({@link startTelemetry} found somewhere to send them). */
export function tracingEnabled(): boolean {
  return current !== undefined;
}

export interface TelemetryOptions {
  /** This process's `service.name`, unless OTEL_SERVICE_NAME overrides it. */
  serviceName: string;
  /** Where spans go; by default OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, and nowhere when that is unset. */
  exporter?: SpanExporter;
}

/** Starts tracing for this process (once); see the module comment for what is traced. */
export function startTelemetry({ serviceName, exporter }: TelemetryOptions): Telemetry {
  if (current !== undefined) return current;
  const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME } = config();
  const spanExporter =
    exporter ??
    (OTEL_EXPORTER_OTLP_ENDPOINT === undefined
      ? undefined
      : new OTLPTraceExporter({ url: new URL('v1/traces', withTrailingSlash(OTEL_EXPORTER_OTLP_ENDPOINT)).href }));
  if (spanExporter === undefined) return telemetry();

  const resource = new Resource({
    [ATTR_SERVICE_NAME]: OTEL_SERVICE_NAME ?? serviceName,
    [ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? '0.1.0',
  });
  const spanProcessor = new BatchSpanProcessor(spanExporter);
  const sdk = new NodeSDK({
    resource,
    autoDetectResources: false,
    spanProcessors: [spanProcessor],
    // Logs stay with pino (with trace IDs in each line); without this the SDK would set up an
    // OTLP log pipeline of its own.
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Health probes and metric scrapes would bury the sagas' traces.
        ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)\b/.test(request.url ?? ''),
        // Names a server span by its Express route ("POST /v1/sagas/orders") rather than the bare
        // method; the route, unlike the URL, holds no IDs. (The Express instrumentation of this
        // OpenTelemetry line does not support Express 5.)
        applyCustomAttributesOnSpan: (span, request) => {
          const route = (request as { route?: { path?: unknown } }).route?.path;
          if (typeof route !== 'string' || !('method' in request)) return;
          span.setAttribute(ATTR_HTTP_ROUTE, route);
          span.updateName(`${request.method} ${route}`);
        },
      }),
      // Statement text only: the values bound to a query are personal data.
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  current = { resource, spanProcessor, shutdown: () => sdk.shutdown() };
  return current;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
