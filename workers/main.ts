/**
 * Runs the workers of the named services in this process (all of them by default):
 *
 *   npm run worker -- --services payment,inventory
 *
 * Needs a running Temporal server and a migrated database (DATABASE_URL).
 */
import { parseArgs } from 'node:util';
import { logger } from '../platform/logger';
import { runMain, shutdownSignal } from '../platform/run-main';
import { startTelemetry } from '../platform/telemetry';
import { parseServiceList, processServiceName } from './service-names';

runMain(async () => {
  const { values } = parseArgs({ options: { services: { type: 'string', short: 's' } } });
  const services = parseServiceList(values.services);
  const telemetry = startTelemetry({ serviceName: processServiceName(services) });
  // Loaded only now, so that tracing instruments the database driver they load.
  const { createPrismaClient } = await import('../platform/database');
  const { connectWorkerConnection } = await import('../platform/temporal');
  const { defaultDependencies } = await import('./services');
  const { startWorkers } = await import('./start-workers');

  const prisma = createPrismaClient();
  const connection = await connectWorkerConnection();
  const workers = await startWorkers({ services, connection, dependencies: defaultDependencies(prisma) });
  const signal = await Promise.race([shutdownSignal(), workers.done.then(() => undefined)]);
  logger().info({ signal }, 'shutting down workers');
  await workers.shutdown();
  await connection.close();
  await prisma.$disconnect();
  await telemetry.shutdown();
});
