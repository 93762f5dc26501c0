import {
  bundleWorkflowCode,
  type NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { dataConverter, sdkLogger } from '../platform/temporal';
import { orchestrator } from '../workflows/orchestrator';
import { domainServices, type ServiceDependencies } from './services';

const log = logger('workers');

export interface RunningWorkers {
  services: string[];
  /** Stops polling, lets running tasks finish, and resolves when every worker has stopped. */
  shutdown: () => Promise<void>;
  /** Settles when every worker has stopped; rejects if one of them failed. */
  done: Promise<void>;
}

/** Every name a worker process accepts: the orchestrator and each domain service. */
export function serviceNames(): string[] {
  return [orchestrator.name, ...Object.keys(domainServices)];
}

/** Parses a `--services a,b` list; unknown names are an error that lists the known ones. */
export function parseServiceList(list: string | undefined): string[] {
  if (list === undefined || list === '' || list === 'all') return serviceNames();
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !serviceNames().includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown service(s): ${unknown.join(', ')}. Known: ${serviceNames().join(', ')}`);
  }
  return names;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow code, bundled once per process (webpack takes seconds). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: sdkLogger() });
  return bundle;
}

/** Starts one worker per named service, each on its own task queue, sharing one connection. */
export async function startWorkers({
  services,
  connection,
  dependencies,
  namespace = config().TEMPORAL_NAMESPACE,
}: {
  services: string[];
  connection: NativeConnection;
  dependencies: ServiceDependencies;
  namespace?: string;
}): Promise<RunningWorkers> {
  const workers = await Promise.all(
    services.map(async (name) => {
      if (name === orchestrator.name) {
        return Worker.create({
          connection,
          namespace,
          taskQueue: orchestrator.taskQueue,
          workflowBundle: await workflowBundle(),
          dataConverter,
        });
      }
      const service = domainServices[name];
      if (service === undefined) throw new Error(`Unknown service ${name}`);
      return Worker.create({
        connection,
        namespace,
        taskQueue: service.definition.taskQueue,
        activities: service.createActivities(dependencies),
        dataConverter,
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
