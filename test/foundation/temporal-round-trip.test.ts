import { randomUUID } from 'node:crypto';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { config } from '../../platform/config';
import { connectClient, connectWorkerConnection, dataConverter } from '../../platform/temporal';
import { createEchoActivities } from '../fixtures/echo-activities';
import type { echoWorkflow } from '../fixtures/echo-workflow';

describe('the Temporal dev server', () => {
  let connection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    connection = await connectWorkerConnection();
    client = await connectClient();
  });

  afterAll(async () => {
    await client.connection.close();
    await connection.close();
  });

  it('runs a workflow whose activity executes on a worker and returns through the server', async () => {
    const taskQueue = `echo-${randomUUID()}`;
    const calls: string[] = [];
    const worker = await Worker.create({
      connection,
      namespace: config().TEMPORAL_NAMESPACE,
      taskQueue,
      workflowsPath: require.resolve('../fixtures/echo-workflow'),
      activities: createEchoActivities(calls),
      dataConverter: dataConverter(),
    });
    const workflowId = `echo-${randomUUID()}`;
    const result = await worker.runUntil(
      client.workflow.execute<typeof echoWorkflow>('echoWorkflow', { taskQueue, workflowId, args: ['hello saga'] }),
    );

    expect(result).toBe('workflow saw: HELLO SAGA');
    expect(calls).toEqual(['hello saga']);
    // The run is recorded by the server: its history holds the activity it scheduled.
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const scheduled = history.events?.filter((event) => event.activityTaskScheduledEventAttributes != null) ?? [];
    expect(scheduled.map((event) => event.activityTaskScheduledEventAttributes?.activityType?.name)).toEqual(['shout']);
  });

  it('has the saga search attributes registered', async () => {
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
      namespace: config().TEMPORAL_NAMESPACE,
    });
    expect(Object.keys(customAttributes ?? {})).toEqual(
      expect.arrayContaining(['SagaType', 'SagaStatus', 'CustomerId']),
    );
  });
});
