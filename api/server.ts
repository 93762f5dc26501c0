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
  const app = createApp({
    temporal,
    pingDatabase: async () => {
      await pool.query('SELECT 1');
    },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, (error) => (error ? reject(error) : resolve(listening)));
  });
  const url = `http://localhost:${port}`;
  log.info({ url }, 'API listening');
  return {
    url,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await temporal.connection.close();
      await pool.end();
    },
  };
}
