import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { NativeConnection } from '@temporalio/worker';
import { createPrismaClient, type PrismaClient } from '../../platform/database';
import { connectClient, connectWorkerConnection } from '../../platform/temporal';
import { defaultDependencies } from '../../workers/services';
import { serviceNames } from '../../workers/service-names';
import { startWorkers, type RunningWorkers } from '../../workers/start-workers';

/** The system as `npm start` runs it, minus the API: real workers on the test server and database. */
export interface TestSystem {
  client: Client;
  prisma: PrismaClient;
  connection: NativeConnection;
  workers: RunningWorkers | undefined;
  stop: () => Promise<void>;
}

export async function startTestSystem({
  services = serviceNames(),
  converter,
}: { services?: string[]; converter?: DataConverter } = {}): Promise<TestSystem> {
  const prisma = createPrismaClient();
  const connection = await connectWorkerConnection();
  const client = await connectClient({ converter });
  const workers =
    services.length === 0
      ? undefined
      : await startWorkers({ services, connection, dependencies: defaultDependencies(prisma), converter });
  return {
    client,
    prisma,
    connection,
    workers,
    async stop() {
      await workers?.shutdown();
      await client.connection.close();
      await connection.close();
      await prisma.$disconnect();
    },
  };
}
