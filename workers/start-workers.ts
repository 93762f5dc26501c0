import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  type OpenTelemetryWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import {
  bundleWorkflowCode,
  type InjectedSinks,
  type NativeConnection,
  Worker,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { telemetry, tracingEnabled } from '../platform/telemetry';
import { dataConverter, sdkLogger } from '../platform/temporal';
import { orchestrator } from '../workflows/orchestrator';
import { domainServices, type ServiceDependencies } from './services';
import { StepTelemetryInterceptor } from './step-telemetry';

const log = logger('workers');

export interface RunningWorkers {
  services: string[];
  /** Stops polling, lets running tasks finish, and resolves when every worker has stopped. */
  shutdown: () => Promise<void>;
  /** Settles when every worker has stopped; rejects if one of them failed. */
  done: Promise<void>;
}

const bundles = new Map<boolean, Promise<WorkflowBundleWithSourceMap>>();

/**
 * The workflow code, bundled once per process (webpack takes seconds). With tracing on it includes
 * the OpenTelemetry workflow interceptors: a run joins the trace of whoever started it and passes
 * it on to its activities. They make a run cost about 40% more CPU (bench/README.md), so without
 * tracing they are left out. They only read and write headers, never commands, so a history
 * replays on either bundle (the replay test checks both).
 */
export function workflowBundle({
  tracing = tracingEnabled(),
}: { tracing?: boolean } = {}): Promise<WorkflowBundleWithSourceMap> {
  let bundle = bundles.get(tracing);
  if (bundle === undefined) {
    bundle = bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      workflowInterceptorModules: tracing
        ? [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')]
        : [],
      logger: sdkLogger(),
    });
    bundles.set(tracing, bundle);
  }
  return bundle;
}

/**
 * The sinks the workflow code calls: the span exporter of the OpenTelemetry interceptors, which
 * hands workflow spans to this process's span processor (a no-op one when tracing is off).
 */
export function workflowSinks(): InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }> {
  const { spanProcessor, resource } = telemetry();
  return { exporter: makeWorkflowExporter(spanProcessor, resource) };
}

/** The worker settings that trade resources for throughput; the SDK's defaults unless given. */
export const WORKER_TUNING_OPTIONS = [
  'maxConcurrentWorkflowTaskPolls',
  'maxConcurrentActivityTaskPolls',
  'workflowTaskPollerBehavior',
  'activityTaskPollerBehavior',
  'nonStickyToStickyPollRatio',
  'maxConcurrentWorkflowTaskExecutions',
  'maxConcurrentActivityTaskExecutions',
  'maxCachedWorkflows',
  'workflowThreadPoolSize',
] as const;
export type WorkerTuning = Partial<Pick<WorkerOptions, (typeof WORKER_TUNING_OPTIONS)[number]>>;

/** Starts one worker per named service, each on its own task queue, sharing one connection. */
export async function startWorkers({
  services,
  connection,
  dependencies,
  namespace = config().TEMPORAL_NAMESPACE,
  tuning = {},
  converter = dataConverter(),
}: {
  services: string[];
  connection: NativeConnection;
  dependencies: ServiceDependencies;
  namespace?: string;
  tuning?: WorkerTuning;
  converter?: DataConverter;
}): Promise<RunningWorkers> {
  const workers = await Promise.all(
    services.map(async (name) => {
      if (name === orchestrator.name) {
        return Worker.create({
          connection,
          namespace,
          taskQueue: orchestrator.taskQueue,
          workflowBundle: await workflowBundle(),
          sinks: workflowSinks(),
          dataConverter: converter,
          ...tuning,
        });
      }
      const service = domainServices[name];
      if (service === undefined) throw new Error(`Unknown service ${name}`);
      return Worker.create({
        connection,
        namespace,
        taskQueue: service.definition.taskQueue,
        activities: service.createActivities(dependencies),
        interceptors: {
          activity: [
            (context) => ({
              inbound: new OpenTelemetryActivityInboundInterceptor(context),
              outbound: new OpenTelemetryActivityOutboundInterceptor(context),
            }),
            // Inside the span opened above, so its log line carries the trace ID.
            (context) => ({ inbound: new StepTelemetryInterceptor(context, name) }),
          ],
        },
        dataConverter: converter,
        ...tuning,
      });
    }),
  );
  const done = Promise.all(workers.map((worker) => worker.run())).then(() => undefined);
  log.info({ services, namespace, address: config().TEMPORAL_ADDRESS }, 'workers polling');
  return {
    services,
    done,
    async shutdown() {
      for (const worker of workers) {
        if (worker.getState() === 'RUNNING') worker.shutdown();
      }
      await done;
    },
  };
}
