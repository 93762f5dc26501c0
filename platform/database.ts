import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { config } from './config';

export { PrismaClient };

/**
 * A Prisma client on the configured database, through the pg driver adapter (Prisma's native
 * query engine is not used). Each worker process holds one and shares it across its services.
 */
export function createPrismaClient(databaseUrl: string = requireDatabaseUrl()): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: config().DATABASE_POOL_SIZE }),
  });
}

function requireDatabaseUrl(): string {
  const url = config().DATABASE_URL;
  if (url === undefined) {
    throw new Error('DATABASE_URL is not set: `npm start` or `npm run db` provide the embedded database');
  }
  return url;
}
