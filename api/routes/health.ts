import { Router } from 'express';
import { methodNotAllowed } from '../problems';
import type { Client } from '@temporalio/client';

async function probe(name: string, check: () => Promise<unknown>): Promise<{ name: string; ok: boolean }> {
  try {
    await check();
    return { name, ok: true };
  } catch {
    return { name, ok: false };
  }
}

/** `/health`: the process is alive. `/ready`: Temporal and the database answer too. */
export function healthRoutes(client: Client, pingDatabase: () => Promise<void>): Router {
  const router = Router();
  router
    .route('/health')
    .get((_req, res) => {
      res.json({ status: 'ok' });
    })
    .all(methodNotAllowed('GET'));
  router
    .route('/ready')
    .get(async (_req, res) => {
      const checks = await Promise.all([
        probe('temporal', () =>
          client.withDeadline(Date.now() + 3_000, () => client.workflowService.getSystemInfo({})),
        ),
        probe('database', pingDatabase),
      ]);
      const ready = checks.every((check) => check.ok);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
    })
    .all(methodNotAllowed('GET'));
  return router;
}
