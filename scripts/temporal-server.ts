/**
 * Runs the Temporal dev server (the official CLI's `server start-dev`): the real Temporal server
 * with SQLite persistence, the Web UI, and the saga search attributes registered.
 *
 *   npm run server            # on TEMPORAL_ADDRESS's port, UI on :8233, state under DATA_DIR
 */
import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { Connection } from '@temporalio/client';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { runMain, shutdownSignal } from '../platform/run-main';
import { devServerSearchAttributeFlags } from '../platform/search-attributes';
import { spawnServer, stopChild, waitUntil } from './processes';
import { ensureTemporalCli } from './temporal-cli';

const log = logger('temporal-server');

export interface DevServerOptions {
  port: number;
  /** Web UI port; without one the server runs headless. */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; without one, state is in memory. */
  dbFilename?: string;
  namespace?: string;
  /** More namespaces to create at start (the tests give each jest worker its own). */
  extraNamespaces?: string[];
  /**
   * `--dynamic-config-value K=JSON` settings, over {@link DEV_SERVER_DYNAMIC_CONFIG} (the benchmark
   * tunes the server with them).
   */
  dynamicConfig?: Record<string, unknown>;
  /**
   * `--sqlite-pragma K=V` settings for the persistence file. By default WAL with
   * synchronous=normal: about twice the throughput of SQLite's defaults at 20 concurrent sagas
   * (bench/README.md); a crash of the server loses nothing, a power cut may lose the last writes.
   */
  sqlitePragmas?: Record<string, string>;
}

/**
 * The dev server keeps every workflow on one history shard, and a shard reads its new transfer
 * tasks (each workflow or activity task to dispatch) at most `transferProcessorMaxPollRPS` times a
 * second: 20 by default, so every step of a saga waited up to 50 ms before a worker could get it.
 * A four-step saga took 450 ms on an idle machine; with reads as soon as tasks are written it takes
 * under 100 ms, with no loss of throughput under load (bench/README.md).
 */
export const DEV_SERVER_DYNAMIC_CONFIG: Record<string, unknown> = {
  'history.transferProcessorMaxPollRPS': 10_000,
};

export interface DevServer {
  address: string;
  uiUrl: string | undefined;
  pid: number;
  stop: () => Promise<void>;
}

/** Starts the dev server and resolves once it serves its namespace (and its UI, if any). */
export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServer> {
  const binary = await ensureTemporalCli();
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--namespace', namespace];
  for (const extra of options.extraNamespaces ?? []) args.push('--namespace', extra);
  args.push(...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]));
  if (options.dbFilename !== undefined) {
    await fs.mkdir(path.dirname(options.dbFilename), { recursive: true });
    args.push('--db-filename', options.dbFilename);
  }
  for (const [key, value] of Object.entries({ ...DEV_SERVER_DYNAMIC_CONFIG, ...options.dynamicConfig })) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  if (options.dbFilename !== undefined) {
    const pragmas = options.sqlitePragmas ?? { journal_mode: 'wal', synchronous: 'normal' };
    for (const [key, value] of Object.entries(pragmas)) args.push('--sqlite-pragma', `${key}=${value}`);
  }
  args.push(...devServerSearchAttributeFlags(), '--log-level', 'warn', '--log-format', 'json');

  const child = spawnServer(binary, args);
  forwardOutput(child);
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `exited early with ${code ?? signal}`));
  child.once('error', (error) => (exit = error.message));

  const address = `127.0.0.1:${options.port}`;
  const uiUrl = options.uiPort === undefined ? undefined : `http://localhost:${options.uiPort}`;
  try {
    // Our own readiness wait: the port opens before the namespace is served, and a cold start on a
    // busy CI machine can take longer than the SDK's 5 s.
    await waitUntil(
      `Temporal dev server on ${address}`,
      async () => {
        const connection = await Connection.connect({ address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace });
          return true;
        } finally {
          await connection.close();
        }
      },
      { abort: () => exit },
    );
    if (uiUrl !== undefined) {
      await waitUntil(`Temporal Web UI on ${uiUrl}`, async () => (await fetch(uiUrl)).ok, { abort: () => exit });
    }
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  if (child.pid === undefined) throw new Error('the Temporal dev server has no PID');
  log.info({ address, uiUrl, pid: child.pid }, 'Temporal dev server ready');
  return { address, uiUrl, pid: child.pid, stop: () => stopChild(child) };
}

/** The server logs JSON lines; they are re-emitted through pino so every process logs alike. */
function forwardOutput(child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    readline.createInterface({ input: stream }).on('line', (line) => {
      try {
        const { level, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
        const method = level === 'error' || level === 'fatal' ? 'error' : level === 'warn' ? 'warn' : 'debug';
        log[method](fields, typeof msg === 'string' ? msg : line);
      } catch {
        log.info(line);
      }
    });
  }
}

if (require.main === module) {
  runMain(async () => {
    const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_UI_URL, DATA_DIR } = config();
    const server = await startTemporalDevServer({
      port: Number(TEMPORAL_ADDRESS.split(':').pop()),
      uiPort: Number(new URL(TEMPORAL_UI_URL).port || 8233),
      dbFilename: path.join(DATA_DIR, 'temporal.sqlite'),
      namespace: TEMPORAL_NAMESPACE,
    });
    await shutdownSignal();
    await server.stop();
  });
}
