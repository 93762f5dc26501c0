import { Router } from 'express';
import { methodNotAllowed } from '../problems';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { domainServiceDefinitions } from '../../activities/service-definitions';
import { orchestrator } from '../../workflows/orchestrator';

/** A poller seen within this window is a worker that is alive now (long polls last about a minute). */
const LIVE_WINDOW_MS = 70_000;

/**
 * The service registry, read from Temporal: each service's task queue and whether workers poll it
 * right now. What the seed built on Consul, Temporal already knows.
 */
export function serviceRoutes(client: Client, namespace: string): Router {
  const router = Router();
  router
    .route('/v1/services')
    .get(async (_req, res) => {
      const services = [
        { ...orchestrator, queueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW },
        ...domainServiceDefinitions.map((definition) => ({
          ...definition,
          queueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
        })),
      ];
      const items = await Promise.all(
        services.map(async ({ name, description, taskQueue, queueType }) => {
          const { pollers } = await client.workflowService.describeTaskQueue({
            namespace,
            taskQueue: { name: taskQueue },
            taskQueueType: queueType,
          });
          const now = Date.now();
          const workers = (pollers ?? []).filter(
            (poller) => now - Number(poller.lastAccessTime?.seconds ?? 0) * 1000 < LIVE_WINDOW_MS,
          ).length;
          return { name, description, taskQueue, workers, live: workers > 0 };
        }),
      );
      res.json({ items });
    })
    .all(methodNotAllowed('GET'));
  return router;
}
