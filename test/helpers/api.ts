import type { Express } from 'express';
import { createApp, type ApiDependencies } from '../../api/app';
import { config } from '../../platform/config';
import type { TestSystem } from './system';

/** The API as `npm start` builds it, on the test system's client. */
export function testApp(system: TestSystem, overrides: Partial<ApiDependencies> = {}): Express {
  return createApp({
    temporal: system.client,
    namespace: config().TEMPORAL_NAMESPACE,
    temporalUiUrl: config().TEMPORAL_UI_URL,
    pingDatabase: async () => {
      await system.prisma.$queryRaw`SELECT 1`;
    },
    ...overrides,
  });
}

/** A supertest response body, typed as the test expects it (supertest types it `any`). */
export function bodyOf<T>(response: { body: unknown }): T {
  return response.body as T;
}

export interface PageBody {
  items: Array<{ id: string }>;
  nextPageToken: string | null;
}
