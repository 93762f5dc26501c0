/**
 * `npm run bench`: saga throughput and latency against the engine's floor, in one run, on
 * servers of its own (a dev server with file persistence, a fresh database), loopback only.
 *
 *   npm run bench -- --sagas 500 --sagas-at-1 100 --warmup 40 --concurrency 1,20 --rounds 5
 *
 * Prints one JSON line per case and concurrency, then a table; exits 1 if any saga went wrong.
 */
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import { createApp } from '../api/app';
import { createPrismaClient } from '../platform/database';
import { runMain } from '../platform/run-main';
import { connectClient, connectWorkerConnection } from '../platform/temporal';
import { startEphemeralEnvironment, stopEphemeralEnvironment } from '../scripts/ephemeral-environment';
import { freePort } from '../scripts/processes';
import { defaultDependencies } from '../workers/services';
import { serviceNames } from '../workers/service-names';
import { startWorkers, WORKER_TUNING_OPTIONS, type WorkerTuning } from '../workers/start-workers';
import { CASES, resultTable, runBenchmark, type CaseName } from './benchmark';

runMain(async () => {
  const { values } = parseArgs({
    options: {
      sagas: { type: 'string', default: '500' },
      'sagas-at-1': { type: 'string', default: '100' },
      warmup: { type: 'string', default: '40' },
      concurrency: { type: 'string', default: '1,20' },
      // The cases take turns in this many rounds at each concurrency (bench/benchmark.ts).
      rounds: { type: 'string', default: '5' },
      cases: { type: 'string', default: CASES.join(',') },
      // Server tuning to compare, e.g. --dynamic-config matching.numTaskqueueReadPartitions=1
      'dynamic-config': { type: 'string', multiple: true, default: [] },
      // e.g. --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal
      'sqlite-pragma': { type: 'string', multiple: true, default: [] },
      // Every worker's settings, e.g. --worker-option maxCachedWorkflows=100 (values are JSON)
      'worker-option': { type: 'string', multiple: true, default: [] },
    },
  });
  const pairs = (list: string[]): Record<string, string> =>
    Object.fromEntries(
      list.map((pair) => {
        const [key, value] = pair.split(/=(.*)/s);
        if (key === undefined || value === undefined) throw new Error(`${pair} is not KEY=VALUE`);
        return [key, value];
      }),
    );
  const count = (name: string, value: string, max: number, min = 0): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return parsed;
  };
  const cases = values.cases.split(',').map((name) => {
    if (!(CASES as readonly string[]).includes(name))
      throw new Error(`Unknown case ${name}; known: ${CASES.join(', ')}`);
    return name as CaseName;
  });
  const options = {
    sagas: count('sagas', values.sagas, 10_000, 1),
    sagasAtOne: count('sagas-at-1', values['sagas-at-1'], 10_000, 1),
    warmup: count('warmup', values.warmup, 1_000),
    concurrencies: values.concurrency.split(',').map((value) => count('concurrency', value, 200, 1)),
    rounds: count('rounds', values.rounds, 100, 1),
    cases,
  };

  const tuning = Object.fromEntries(
    Object.entries(pairs(values['worker-option'])).map(([key, value]) => {
      if (!(WORKER_TUNING_OPTIONS as readonly string[]).includes(key))
        throw new Error(`Unknown worker option ${key}; known: ${WORKER_TUNING_OPTIONS.join(', ')}`);
      return [key, JSON.parse(value) as unknown];
    }),
  ) as WorkerTuning;

  const environment = await startEphemeralEnvironment({
    persistent: true,
    dynamicConfig: Object.fromEntries(
      Object.entries(pairs(values['dynamic-config'])).map(([key, value]) => [key, JSON.parse(value) as unknown]),
    ),
    // Unset: the project's default pragmas (scripts/temporal-server.ts).
    sqlitePragmas: values['sqlite-pragma'].length > 0 ? pairs(values['sqlite-pragma']) : undefined,
  });
  const prisma = createPrismaClient(environment.database.url);
  const target = { address: environment.temporal.address, namespace: 'default' };
  const connection = await connectWorkerConnection(target);
  const client = await connectClient(target);
  const workers = await startWorkers({
    services: serviceNames(),
    connection,
    dependencies: defaultDependencies(prisma),
    namespace: target.namespace,
    tuning,
  });
  const app = createApp({
    temporal: client,
    namespace: target.namespace,
    temporalUiUrl: 'http://localhost:8233',
    pingDatabase: async () => undefined,
  });
  const port = await freePort();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  try {
    const results = await runBenchmark(
      {
        client,
        connection,
        namespace: target.namespace,
        prisma,
        apiUrl: `http://127.0.0.1:${port}`,
        serverPids: [environment.temporal.pid],
        tuning,
      },
      { ...options, onResult: (result) => process.stdout.write(`${JSON.stringify(result)}\n`) },
    );
    const failed = results.some((result) => result.errors > 0);
    process.stdout.write(
      `\n${resultTable(results)}\n\n${failed ? 'FAILED: some sagas did not end as expected' : 'OK'}\n`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await workers.shutdown();
    await client.connection.close();
    await connection.close();
    await prisma.$disconnect();
    await stopEphemeralEnvironment(environment);
  }
});
