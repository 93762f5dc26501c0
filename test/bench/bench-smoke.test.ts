import type { Server } from 'node:http';
import { CASES, resultTable, runBenchmark, shares, type CaseResult } from '../../bench/benchmark';
import { config } from '../../platform/config';
import { freePort } from '../../scripts/processes';
import { testApp } from '../helpers/api';
import { startTestSystem, type TestSystem } from '../helpers/system';

// A few sagas per case, so the benchmark cannot rot; its speed is measured by `npm run bench`.
describe('the benchmark, in miniature', () => {
  let system: TestSystem;
  let server: Server;
  let apiUrl: string;

  beforeAll(async () => {
    system = await startTestSystem();
    const port = await freePort();
    server = testApp(system).listen(port, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
    await system.stop();
  });

  it('runs every case at each concurrency, checks every saga, and compares each to the floor', async () => {
    const reported: CaseResult[] = [];
    const results = await runBenchmark(
      {
        client: system.client,
        connection: system.connection,
        namespace: config().TEMPORAL_NAMESPACE,
        prisma: system.prisma,
        apiUrl,
        serverPids: [],
      },
      {
        sagas: 10,
        sagasAtOne: 2,
        warmup: 1,
        concurrencies: [1, 4],
        rounds: 3,
        onResult: (result) => reported.push(result),
      },
    );

    expect(reported).toEqual(results);
    // Every case ran all its sagas at each concurrency, whatever the rounds they were split into.
    expect(results.map((result) => [result.case, result.concurrency, result.sagas, result.errors])).toEqual([
      ...CASES.map((name) => [name, 1, 2, 0]),
      ...CASES.map((name) => [name, 4, 10, 0]),
    ]);
    for (const result of results) {
      expect(result.sagasPerSecond).toBeGreaterThan(0);
      expect(result.p50Ms).toBeLessThanOrEqual(result.maxMs);
      expect(result.ratioToFloor === null).toBe(result.case === 'floor');
    }
    expect(resultTable(results).split('\n')).toHaveLength(2 + results.length);
  });

  it('splits a case’s sagas into nearly equal rounds, never an empty one', () => {
    expect(shares(10, 3)).toEqual([4, 3, 3]);
    expect(shares(500, 5)).toEqual([100, 100, 100, 100, 100]);
    expect(shares(2, 5)).toEqual([1, 1]);
    expect(shares(7, 1)).toEqual([7]);
  });
});
