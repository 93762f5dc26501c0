import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createDatabaseIfMissing, migrateDatabase, startEmbeddedPostgres, type Database } from './database';
import { freePort } from './processes';
import { startTemporalDevServer, type DevServer } from './temporal-server';

/**
 * Servers of its own for a test run or a benchmark: a Temporal dev server on a free port and a
 * fresh migrated PostgreSQL database (on the server DATABASE_URL names, or an embedded one), all in
 * a scratch folder. Nothing here touches what a running `npm start` uses.
 */
export interface EphemeralEnvironment {
  temporal: DevServer;
  database: Database;
  scratchDir: string;
}

export async function startEphemeralEnvironment({
  namespaces = [],
  ui = false,
  persistent = false,
  dynamicConfig,
  sqlitePragmas,
}: {
  /** Namespaces to create besides `default`. */
  namespaces?: string[];
  /** Serve the Web UI too (on a free port). */
  ui?: boolean;
  /** Keep Temporal's state in a SQLite file, as users run it, rather than in memory. */
  persistent?: boolean;
  dynamicConfig?: Record<string, unknown>;
  sqlitePragmas?: Record<string, string>;
}): Promise<EphemeralEnvironment> {
  const scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sagas-'));
  // The scratch folder holds the embedded cluster, which runs as another user when we are root.
  await fs.chmod(scratchDir, 0o755);
  const [temporal, database] = await Promise.all([
    (async () =>
      startTemporalDevServer({
        port: await freePort(),
        uiPort: ui ? await freePort() : undefined,
        extraNamespaces: namespaces,
        dbFilename: persistent ? path.join(scratchDir, 'temporal.sqlite') : undefined,
        dynamicConfig,
        sqlitePragmas,
      }))(),
    throwawayDatabase(scratchDir),
  ]);
  await migrateDatabase(database.url);
  return { temporal, database, scratchDir };
}

export async function stopEphemeralEnvironment({
  temporal,
  database,
  scratchDir,
}: EphemeralEnvironment): Promise<void> {
  await Promise.allSettled([temporal.stop(), database.stop()]);
  await fs.rm(scratchDir, { recursive: true, force: true });
}

async function throwawayDatabase(scratchDir: string): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl === undefined || serverUrl === '') {
    return startEmbeddedPostgres({ dataDir: path.join(scratchDir, 'postgres'), port: await freePort() });
  }
  // A database of its own on the given server, dropped at the end, so no user data is seen.
  const url = new URL(serverUrl);
  url.pathname = `/sagas_scratch_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
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
