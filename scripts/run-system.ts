/**
 * The whole system on this machine with embedded defaults (see start.ts): the Temporal dev server
 * (persistent, with its Web UI), the database (embedded PostgreSQL unless DATABASE_URL is set)
 * with migrations applied, every worker, and the API, in one process, until a signal stops it.
 */
import path from 'node:path';
import { config } from '../platform/config';
import { createPrismaClient } from '../platform/database';
import { logger } from '../platform/logger';
import { shutdownSignal } from '../platform/run-main';
import { connectWorkerConnection } from '../platform/temporal';
import { stockDemoCatalogue } from '../activities/inventory/stock';
import { startApi } from '../api/server';
import { defaultDependencies } from '../workers/services';
import { serviceNames } from '../workers/service-names';
import { startWorkers } from '../workers/start-workers';
import { provideDatabase } from './database';
import { startTemporalDevServer } from './temporal-server';

const log = logger('start');

export async function runSystem(): Promise<void> {
  const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_UI_URL, DATA_DIR } = config();
  // Each part is stopped in the reverse order of its start, whatever fails along the way.
  const stops: Array<() => Promise<unknown>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => log.error({ err: error }, 'while stopping'));
    }
  };
  try {
    const server = await startTemporalDevServer({
      port: Number(TEMPORAL_ADDRESS.split(':').pop()),
      uiPort: Number(new URL(TEMPORAL_UI_URL).port || 80),
      dbFilename: path.join(DATA_DIR, 'temporal.sqlite'),
      namespace: TEMPORAL_NAMESPACE,
    });
    stops.push(server.stop);

    const database = await provideDatabase();
    stops.push(database.stop);
    const prisma = createPrismaClient(database.url);
    stops.push(() => prisma.$disconnect());
    await stockDemoCatalogue(prisma);

    const connection = await connectWorkerConnection();
    stops.push(() => connection.close());
    const workers = await startWorkers({
      services: serviceNames(),
      connection,
      dependencies: defaultDependencies(prisma),
    });
    stops.push(workers.shutdown);

    const api = await startApi({ databaseUrl: database.url });
    stops.push(api.close);

    process.stdout.write(
      [
        '',
        `  Temporal Web UI   ${TEMPORAL_UI_URL}`,
        `  REST API          ${api.url}   (health: ${api.url}/health)`,
        `  Temporal server   ${TEMPORAL_ADDRESS}   namespace ${TEMPORAL_NAMESPACE}`,
        `  Workers           ${workers.services.join(', ')}`,
        '',
        '  Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
    await Promise.race([shutdownSignal(), workers.done]);
    log.info('shutting down');
  } finally {
    await stopAll();
  }
}
