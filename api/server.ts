import type { Server } from 'node:http';
import pg from 'pg';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { connectClient } from '../platform/temporal';
import { createApp } from './app';

const log = logger('api');

export interface RunningApi {
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, closes the Temporal connection. */
  close: () => Promise<void>;
}

export async function startApi({
  port = config().API_PORT,
  databaseUrl = config().DATABASE_URL,
} = {}): Promise<RunningApi> {
  const temporal = await connectClient();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const { TEMPORAL_NAMESPACE, TEMPORAL_UI_URL, API_KEYS, API_BODY_LIMIT } = config();
  const app = createApp({
    temporal,
    namespace: TEMPORAL_NAMESPACE,
    temporalUiUrl: TEMPORAL_UI_URL,
    apiKeys: API_KEYS,
    bodyLimit: API_BODY_LIMIT,
    pingDatabase: async () => {
      await pool.query('SELECT 1');
    },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, (error) => (error ? reject(error) : resolve(listening)));
  });
  const url = `http://localhost:${port}`;
  log.info({ url, auth: API_KEYS.length > 0 }, 'API listening');
  return {
    url,
    async close() {
      // close() stops accepting and waits for in-flight requests; idle keep-alive sockets are
      // closed now rather than when they time out.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await temporal.connection.close();
      await pool.end();
    },
  };
}
