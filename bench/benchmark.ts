/**
 * The benchmark's cases and how they are measured (bench/main.ts sets up the servers; the test
 * suite runs a small smoke run of the same code). Each case runs after a warm-up, at each
 * concurrency, and every saga's outcome is checked.
 *
 * The cases take turns: at each concurrency, every case runs its sagas in a few rounds, and each
 * round runs a share of every case's sagas, in a rotating order. A machine whose speed drifts
 * during a run (other tenants, CPU frequency, a growing database) then slows every case alike,
 * and a ratio to the floor compares like with like.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { setStock } from '../activities/inventory/stock';
import { TEST_CARDS } from '../activities/payment/card-processor';
import type { PrismaClient } from '../generated/prisma/client';
import { startOrderSaga } from '../platform/saga-client';
import { dataConverter } from '../platform/temporal';
import type { WorkerTuning } from '../workers/start-workers';
import type { OrderInput } from '../workflows/inputs';
import type { floorWorkflow } from './floor/workflows';
import { cpuMs, percentile, runLoad, type Sample } from './measure';

export const CASES = ['floor', 'order-direct', 'order-api', 'order-api-10pct-compensated'] as const;
export type CaseName = (typeof CASES)[number];

export interface CaseResult {
  case: CaseName;
  concurrency: number;
  sagas: number;
  errors: number;
  sagasPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  cpuCoreMsPerSaga: number;
  ratioToFloor: number | null;
  firstError?: string;
}

export interface BenchTarget {
  client: Client;
  connection: NativeConnection;
  namespace: string;
  prisma: PrismaClient;
  /** Base URL of a running API whose workers run the sagas. */
  apiUrl: string;
  /** Processes whose CPU counts with ours (the Temporal server). */
  serverPids: number[];
  /** Worker settings under test; the floor's worker gets them too, so the ratio stays fair. */
  tuning?: WorkerTuning;
}

export interface BenchOptions {
  /** Sagas per case at concurrency 1, and at the higher concurrencies. */
  sagasAtOne: number;
  sagas: number;
  warmup: number;
  concurrencies: number[];
  /** Turns each case's sagas are split into, at each concurrency (see the module comment). */
  rounds?: number;
  cases?: CaseName[];
  onResult?: (result: CaseResult) => void;
}

const FLOOR_QUEUE = 'bench-floor';
const SKUS = Array.from({ length: 32 }, (_, i) => `BENCH-SKU-${i}`);

function order(index: number, fails: boolean): OrderInput {
  const orderId = `bench-${randomUUID()}`;
  return {
    orderId,
    customerId: `bench-customer-${index % 100}`,
    items: [{ sku: SKUS[index % SKUS.length] ?? 'BENCH-SKU-0', quantity: 1, unitPriceCents: 1000 }],
    currency: 'EUR',
    payment: { cardNumber: TEST_CARDS.approved },
    shippingAddress: {
      name: 'Bench',
      line1: '1 Loop Road',
      city: 'Localhost',
      postalCode: '127',
      // The carrier does not serve AQ: the last step fails and the saga compensates.
      country: fails ? 'AQ' : 'NL',
    },
  };
}

interface SagaAnswer {
  status: string | null;
  workflowStatus: string;
  failure?: { code: string };
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function caseTask(name: CaseName, target: BenchTarget): (index: number) => Promise<void> {
  switch (name) {
    case 'floor':
      return async () => {
        const steps = await target.client.workflow.execute<typeof floorWorkflow>('floorWorkflow', {
          taskQueue: FLOOR_QUEUE,
          workflowId: `floor-${randomUUID()}`,
        });
        if (steps !== 4) throw new Error(`floor ran ${steps} steps`);
      };
    case 'order-direct':
      return async (index) => {
        const input = order(index, false);
        const result = await (await startOrderSaga(target.client, input)).result();
        if (result.orderId !== input.orderId || !result.trackingNumber) throw new Error('incomplete order result');
      };
    case 'order-api':
    case 'order-api-10pct-compensated':
      return async (index) => {
        const fails = name === 'order-api-10pct-compensated' && index % 10 === 9;
        const input = order(index, fails);
        const started = await postJson(`${target.apiUrl}/v1/sagas/orders`, input);
        if (started.status !== 202) throw new Error(`POST answered ${started.status}`);
        const answer = await fetch(`${target.apiUrl}/v1/sagas/${input.orderId}?wait=60`);
        const saga = (await answer.json()) as SagaAnswer;
        const expected = fails
          ? saga.status === 'COMPENSATED' && saga.failure?.code === 'UNSERVICEABLE_ADDRESS'
          : saga.status === 'COMPLETED' && saga.workflowStatus === 'COMPLETED';
        if (!expected) throw new Error(`unexpected outcome ${JSON.stringify(saga)}`);
      };
  }
}

function summarise(name: CaseName, concurrency: number, samples: Sample[], wallMs: number, cpu: number): CaseResult {
  const latencies = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 10) / 10;
  const failed = samples.filter((sample) => !sample.ok);
  return {
    case: name,
    concurrency,
    sagas: samples.length,
    errors: failed.length,
    sagasPerSecond: round((samples.length * 1000) / wallMs),
    p50Ms: round(percentile(latencies, 50)),
    p90Ms: round(percentile(latencies, 90)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? 0),
    cpuCoreMsPerSaga: round(cpu / Math.max(1, samples.length)),
    ratioToFloor: null,
    ...(failed[0]?.error === undefined ? {} : { firstError: failed[0].error }),
  };
}

/** Splits `total` sagas into `rounds` nearly equal shares (the first ones get the remainder). */
export function shares(total: number, rounds: number): number[] {
  const count = Math.max(1, Math.min(rounds, total));
  return Array.from({ length: count }, (_, round) => Math.floor(total / count) + (round < total % count ? 1 : 0));
}

/**
 * Runs every case at every concurrency, the cases taking turns in rounds; the results of each
 * concurrency are reported once its last round is done, and all are returned in that order.
 */
export async function runBenchmark(target: BenchTarget, options: BenchOptions): Promise<CaseResult[]> {
  await setStock(target.prisma, Object.fromEntries(SKUS.map((sku) => [sku, 1_000_000_000])));
  const floorWorker = await Worker.create({
    connection: target.connection,
    namespace: target.namespace,
    taskQueue: FLOOR_QUEUE,
    workflowsPath: require.resolve('./floor/workflows'),
    activities: await import('./floor/activities'),
    dataConverter: dataConverter(),
    ...target.tuning,
  });
  const cases = options.cases ?? [...CASES];
  const tasks = new Map(cases.map((name) => [name, caseTask(name, target)] as const));
  const results: CaseResult[] = [];
  await floorWorker.runUntil(async () => {
    for (const task of tasks.values()) await runLoad(options.warmup, Math.max(...options.concurrencies), task);
    for (const concurrency of options.concurrencies) {
      const total = concurrency === 1 ? options.sagasAtOne : options.sagas;
      const measured = new Map(cases.map((name) => [name, { samples: [] as Sample[], wallMs: 0, cpu: 0 }]));
      let done = 0;
      for (const [round, share] of shares(total, options.rounds ?? 5).entries()) {
        for (const name of cases.map((_, i) => cases[(i + round) % cases.length]!)) {
          const task = tasks.get(name)!;
          const sums = measured.get(name)!;
          const cpuBefore = cpuMs(target.serverPids);
          // Indices run on across rounds, so "every tenth order" stays exactly every tenth.
          const { samples, wallMs } = await runLoad(share, concurrency, (index) => task(done + index));
          sums.cpu += cpuMs(target.serverPids) - cpuBefore;
          sums.wallMs += wallMs;
          sums.samples.push(...samples);
        }
        done += share;
      }
      const floor = measured.get('floor');
      for (const [name, { samples, wallMs, cpu }] of measured) {
        const result = summarise(name, concurrency, samples, wallMs, cpu);
        if (floor !== undefined && name !== 'floor') {
          const floorPerSecond = (floor.samples.length * 1000) / floor.wallMs;
          result.ratioToFloor = Math.round(((samples.length * 1000) / wallMs / floorPerSecond) * 100) / 100;
        }
        results.push(result);
        options.onResult?.(result);
      }
    }
  });
  return results;
}

/** The closing table, for people. */
export function resultTable(results: CaseResult[]): string {
  const header = [
    'case',
    'c',
    'sagas',
    'errors',
    'sagas/s',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'max ms',
    'cpu ms/saga',
    'x floor',
  ];
  const rows = results.map((r) => [
    r.case,
    String(r.concurrency),
    String(r.sagas),
    String(r.errors),
    r.sagasPerSecond.toFixed(1),
    r.p50Ms.toFixed(1),
    r.p90Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    r.maxMs.toFixed(1),
    r.cpuCoreMsPerSaga.toFixed(1),
    r.ratioToFloor === null ? '' : r.ratioToFloor.toFixed(2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
