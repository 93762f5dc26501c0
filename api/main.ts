/**
 * Runs the REST API alone: `npm run api`. Needs a running Temporal server (TEMPORAL_ADDRESS).
 */
import { runMain, shutdownSignal } from '../platform/run-main';
import { startApi } from './server';

runMain(async () => {
  const api = await startApi();
  await shutdownSignal();
  await api.close();
});
