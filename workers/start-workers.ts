import { type NativeConnection, Worker } from '@temporalio/worker';
import type { PrismaClient } from '../generated/prisma/client';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { dataConverter } from '../platform/temporal';
import { domainServices } from './services';

const log = logger('workers');

export interface RunningWorkers {
  services: string[];
  /** Stops polling, lets running tasks finish, and resolves when every worker has stopped. */
  shutdown: () => Promise<void>;
  /** Settles when every worker has stopped; rejects if one of them failed. */
  done: Promise<void>;
}

export function serviceNames(): string[] {
  return Object.keys(domainServices);
}

/** Parses a `--services a,b` list; unknown names are an error that lists the known ones. */
export function parseServiceList(list: string | undefined): string[] {
  if (list === undefined || list === '' || list === 'all') return serviceNames();
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(name in domainServices));
  if (unknown.length > 0) {
    throw new Error(`Unknown service(s): ${unknown.join(', ')}. Known: ${serviceNames().join(', ')}`);
  }
  return names;
}

/** Starts one worker per named service, each on its own task queue, sharing one connection. */
export async function startWorkers({
  services,
  connection,
  prisma,
}: {
  services: string[];
  connection: NativeConnection;
  prisma: PrismaClient;
}): Promise<RunningWorkers> {
  const namespace = config().TEMPORAL_NAMESPACE;
  const workers = await Promise.all(
    services.map(async (name) => {
      const service = domainServices[name];
      if (service === undefined) throw new Error(`Unknown service ${name}`);
      return Worker.create({
        connection,
        namespace,
        taskQueue: service.definition.taskQueue,
        activities: service.createActivities(prisma),
        dataConverter,
      });
    }),
  );
  const done = Promise.all(workers.map((worker) => worker.run())).then(() => undefined);
  log.info({ services }, 'workers polling');
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
