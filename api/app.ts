import express, { type Express } from 'express';
import type { Client } from '@temporalio/client';

export interface ApiDependencies {
  temporal: Client;
  /** Resolves when the domain database answers; the API itself reads no domain table. */
  pingDatabase: () => Promise<void>;
}

export function createApp({ temporal, pingDatabase }: ApiDependencies): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all([
      probe('temporal', () => temporal.workflowService.getSystemInfo({}).then(() => undefined)),
      probe('database', pingDatabase),
    ]);
    const ready = checks.every((check) => check.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });

  return app;
}

async function probe(name: string, check: () => Promise<void>): Promise<{ name: string; ok: boolean }> {
  try {
    await check();
    return { name, ok: true };
  } catch {
    return { name, ok: false };
  }
}
