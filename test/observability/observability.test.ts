import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { Worker } from '@temporalio/worker';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import { createPrismaClient, type PrismaClient } from '../../platform/database';
import { connectClient, dataConverter } from '../../platform/temporal';
import { freePort } from '../../scripts/processes';
import { workflowBundle } from '../../workers/start-workers';
import { freshSku, orderInput } from '../helpers/orders';
import { startOtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver';
import { scrape, total, type Sample } from '../helpers/prometheus';
import { eventually } from '../helpers/wait';
import { startNodeProcess, startWorkerProcess, type NodeProcess } from '../helpers/worker-process';

// The system as deployed: the API and each service in a process of its own, exporting spans over
// OTLP/HTTP and serving Prometheus metrics. Only the receiver of the spans is the test's own.
describe('observability across processes', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let prisma: PrismaClient;
  let api: NodeProcess;
  const workers: Record<string, NodeProcess> = {};
  const metricsUrl: Record<string, string> = {};
  let apiUrl: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    prisma = createPrismaClient();
    const telemetryEnv = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const started = await Promise.all(
      ['orchestrator', 'inventory', 'payment', 'order', 'shipping'].map(async (service) => {
        const address = `127.0.0.1:${await freePort()}`;
        metricsUrl[service] = `http://${address}/metrics`;
        // Debug level: the SDK's own per-activity lines, whose attributes the log test checks.
        const env = { ...telemetryEnv, METRICS_ADDRESS: address, LOG_LEVEL: 'debug' };
        return [service, await startWorkerProcess([service], env)] as const;
      }),
    );
    for (const [service, process] of started) workers[service] = process;
    const apiPort = await freePort();
    apiUrl = `http://127.0.0.1:${apiPort}`;
    api = await startNodeProcess({
      entry: 'api/main.ts',
      env: { ...telemetryEnv, API_PORT: String(apiPort) },
      ready: '"API listening"',
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api, ...Object.values(workers)].map((process) => process?.stop()));
    await prisma?.$disconnect();
    await receiver?.close();
  });

  /** Starts an order through the API and waits (long poll) until the saga has ended. */
  async function placeOrder(
    overrides: Parameters<typeof orderInput>[1] = {},
  ): Promise<{ orderId: string; status: string }> {
    const input = orderInput(await freshSku(prisma, 10), overrides);
    const started = await fetch(`${apiUrl}/v1/sagas/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(started.status).toBe(202);
    const view = await eventually(
      async () => (await (await fetch(`${apiUrl}/v1/sagas/${input.orderId}?wait=20`)).json()) as { status: string },
      (body) => body.status !== 'RUNNING' && body.status !== 'COMPENSATING',
    );
    return { orderId: input.orderId, status: view.status };
  }

  async function scrapeAll(): Promise<Record<string, Sample[]>> {
    const entries = await Promise.all(
      Object.entries(metricsUrl).map(async ([service, url]) => [service, await scrape(url)] as const),
    );
    return Object.fromEntries(entries);
  }

  it('gives an order saga one trace, from the API request through the workflow to every activity', async () => {
    const { orderId, status } = await placeOrder();
    expect(status).toBe('COMPLETED');

    const start = await eventually(
      async () =>
        receiver.spans.find(
          (span) => span.name === 'StartWorkflow:orderSaga' && span.attributes.temporalWorkflowId === orderId,
        ),
      (span) => span !== undefined,
    );
    const traceId = start!.traceId;
    const activities = ['reserveItems', 'chargePayment', 'createOrder', 'scheduleShipment'];
    // Each process exports its spans in its own time; the orchestrator's run span ends last.
    const expected = [
      'POST /v1/sagas/orders',
      'RunWorkflow:orderSaga',
      ...activities.flatMap((name) => [`StartActivity:${name}`, `RunActivity:${name}`]),
    ];
    const trace = await eventually(
      async () => receiver.spans.filter((span) => span.traceId === traceId),
      (spans) => expected.every((name) => spans.some((span) => span.name === name)),
    );
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const parentOf = (span: ReceivedSpan) =>
      span.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
    const one = (name: string) => {
      const found = trace.filter((span) => span.name === name);
      expect([name, found.length]).toEqual([name, 1]);
      return found[0]!;
    };

    // API: the request span is the root, and the workflow start is its child.
    const request = one('POST /v1/sagas/orders');
    expect(request).toMatchObject({ service: 'api', parentSpanId: undefined });
    expect(request.attributes['http.route']).toBe('/v1/sagas/orders');
    expect(parentOf(start!)).toBe(request);
    expect(start!.service).toBe('api');

    // Orchestrator: the run continues the trace of the start that the API made.
    const run = one('RunWorkflow:orderSaga');
    expect(run.service).toBe('orchestrator');
    expect(parentOf(run)).toBe(start);

    // Each service: its activity runs under the workflow's schedule of it, and its SQL under that.
    const owners = {
      reserveItems: 'inventory-service',
      chargePayment: 'payment-service',
      createOrder: 'order-service',
      scheduleShipment: 'shipping-service',
    };
    for (const [activity, service] of Object.entries(owners)) {
      const scheduled = one(`StartActivity:${activity}`);
      expect([activity, scheduled.service, parentOf(scheduled)?.name]).toEqual([
        activity,
        'orchestrator',
        'RunWorkflow:orderSaga',
      ]);
      const executed = one(`RunActivity:${activity}`);
      expect([activity, executed.service, parentOf(executed)]).toEqual([activity, service, scheduled]);
      const queries = trace.filter((span) => span.service === service && span.attributes['db.system'] === 'postgresql');
      expect([activity, queries.length > 0]).toEqual([activity, true]);
      for (const query of queries) {
        // Statements, never the values bound to them (card numbers, addresses).
        expect(JSON.stringify(query.attributes)).not.toContain(TEST_CARDS.approved);
      }
    }
    // Nothing of this saga escaped into another trace.
    const elsewhere = receiver.spans.filter(
      (span) =>
        span.traceId !== traceId && span.attributes.temporalWorkflowId === orderId && span.name.startsWith('Run'),
    );
    expect(elsewhere).toEqual([]);
  });

  // Workers leave the tracing interceptors out of the bundle when tracing is off. A saga traced so
  // far must go on after such a restart: its history, with trace headers, replays without them.
  it('replays a traced saga’s history on the workers’ bundle without tracing', async () => {
    const { orderId, status } = await placeOrder();
    expect(status).toBe('COMPLETED');
    const client = await connectClient();
    try {
      const history = await client.workflow.getHandle(orderId).fetchHistory();
      const scheduled = history.events!.filter((event) => event.activityTaskScheduledEventAttributes);
      expect(scheduled).toHaveLength(4);
      for (const event of scheduled) {
        expect(Object.keys(event.activityTaskScheduledEventAttributes!.header?.fields ?? {})).toContain(TRACE_HEADER);
      }

      const options = { workflowBundle: await workflowBundle({ tracing: false }), dataConverter: dataConverter() };
      await expect(Worker.runReplayHistory(options, history, orderId)).resolves.toBeUndefined();
    } finally {
      await client.connection.close();
    }
  });

  it('counts sagas by outcome and times each step by service, in the workers’ Prometheus metrics', async () => {
    const before = await scrapeAll();
    const completed = await placeOrder();
    const compensated = await placeOrder({ payment: { cardNumber: TEST_CARDS.declined } });
    expect([completed.status, compensated.status]).toEqual(['COMPLETED', 'COMPENSATED']);

    const after = await eventually(
      scrapeAll,
      (samples) =>
        total(samples.orchestrator!, 'saga_compensated', { saga_type: 'order' }) >
        total(before.orchestrator!, 'saga_compensated', { saga_type: 'order' }),
    );
    const moved = (service: string, name: string, labels: Record<string, string>) =>
      total(after[service]!, name, labels) - total(before[service]!, name, labels);

    const order = { saga_type: 'order' };
    expect(moved('orchestrator', 'saga_started', order)).toBe(2);
    expect(moved('orchestrator', 'saga_completed', order)).toBe(1);
    expect(moved('orchestrator', 'saga_compensated', order)).toBe(1);
    expect(moved('orchestrator', 'saga_needs_attention', order)).toBe(0);
    expect(moved('orchestrator', 'saga_started', { saga_type: 'user-registration' })).toBe(0);

    // Two charges: one went through, one was declined (a business outcome, not a retry).
    const charge = { service: 'payment', step: 'chargePayment' };
    expect(moved('payment', 'saga_step_duration_count', { ...charge, outcome: 'ok' })).toBe(1);
    expect(moved('payment', 'saga_step_duration_count', { ...charge, outcome: 'CARD_DECLINED' })).toBe(1);
    expect(moved('payment', 'saga_step_duration_sum', charge)).toBeGreaterThan(0);
    expect(moved('inventory', 'saga_step_duration_count', { service: 'inventory', step: 'releaseReservation' })).toBe(
      1,
    );
    // The Temporal Runtime's own metrics are served alongside.
    expect(after.payment!.some((sample) => sample.name.startsWith('temporal_activity_execution_latency'))).toBe(true);
    expect(after.orchestrator!.some((sample) => sample.name.startsWith('temporal_workflow_completed'))).toBe(true);
  });

  it('logs with trace IDs and the run’s identity, and without the customer’s personal data', async () => {
    const { orderId } = await placeOrder();
    const logs = () =>
      Object.values(workers)
        .concat(api)
        .flatMap((process) => process.lines)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const charge = await eventually(
      async () =>
        logs().find(
          (line) =>
            line.workflowId === orderId &&
            line.activityType === 'chargePayment' &&
            line.msg === 'step attempt finished',
        ),
      (line) => line !== undefined,
    );
    expect(charge).toMatchObject({ workflowId: orderId, activityType: 'chargePayment', outcome: 'ok' });
    expect(charge!.workflowRunId).toMatch(/^[\w-]{36}$/);
    const traceId = receiver.spans.find(
      (span) => span.name === 'RunActivity:chargePayment' && span.attributes.temporalWorkflowId === orderId,
    )?.traceId;
    expect(charge!.trace_id).toBe(traceId);

    // Each process writes its lines in its own time: wait for the orchestrator's last one too.
    const sagaLines = await eventually(
      async () => logs().filter((line) => line.workflowId === orderId && line.msg === 'saga status changed'),
      (lines) => lines.some((line) => line.status === 'COMPLETED'),
    );
    expect(sagaLines.map((line) => line.status)).toContain('COMPLETED');
    expect(sagaLines.every((line) => typeof line.trace_id === 'string' && typeof line.runId === 'string')).toBe(true);

    const request = logs().find(
      (line) =>
        (line.req as { url?: string } | undefined)?.url === '/v1/sagas/orders' && typeof line.trace_id === 'string',
    );
    expect(request).toBeDefined();

    const everything = Object.values(workers)
      .concat(api)
      .flatMap((process) => process.lines)
      .join('\n');
    for (const secret of [TEST_CARDS.approved, 'Ada Lovelace', '12 St James Square']) {
      expect(everything).not.toContain(secret);
    }
  });
});
