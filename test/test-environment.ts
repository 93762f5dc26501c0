import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createDatabaseIfMissing, migrateDatabase, startEmbeddedPostgres, type Database } from '../scripts/database';
import { freePort } from '../scripts/processes';
import { startTemporalDevServer, type DevServer } from '../scripts/temporal-server';
import { TEST_NAMESPACES } from './namespaces';

/**
 * The servers the whole test suite shares: a real Temporal dev server on a free port, and a fresh
 * migrated PostgreSQL database (on the server DATABASE_URL names, or an embedded one). Nothing here
 * touches what a running `npm start` uses.
 */
export interface TestEnvironment {
  temporal: DevServer;
  database: Database;
  scratchDir: string;
}

export async function startTestEnvironment(): Promise<TestEnvironment> {
  const scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sagas-test-'));
  // The scratch folder holds the embedded cluster, which runs as another user when we are root.
  await fs.chmod(scratchDir, 0o755);
  const [temporal, database] = await Promise.all([
    freePort().then(async (port) =>
      startTemporalDevServer({ port, uiPort: await freePort(), extraNamespaces: TEST_NAMESPACES }),
    ),
    provideTestDatabase(scratchDir),
  ]);
  await migrateDatabase(database.url);
  return { temporal, database, scratchDir };
}

export async function stopTestEnvironment({ temporal, database, scratchDir }: TestEnvironment): Promise<void> {
  await Promise.allSettled([temporal.stop(), database.stop()]);
  await fs.rm(scratchDir, { recursive: true, force: true });
}

async function provideTestDatabase(scratchDir: string): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl === undefined || serverUrl === '') {
    return startEmbeddedPostgres({ dataDir: path.join(scratchDir, 'postgres'), port: await freePort() });
  }
  // A throwaway database on the given server, dropped at the end, so tests never see user data.
  const url = new URL(serverUrl);
  url.pathname = `/sagas_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await createDatabaseIfMissing(url.toString());
  return {
    url: url.toString(),
    stop: async () => {
      const admin = new URL(serverUrl);
      admin.pathname = '/postgres';
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await client.end();
    },
  };
}
