/**
 * Runs the REST API alone: `npm run api`. Needs a running Temporal server (TEMPORAL_ADDRESS).
 */
import { runMain, shutdownSignal } from '../platform/run-main';
import { startTelemetry } from '../platform/telemetry';

runMain(async () => {
  const telemetry = startTelemetry({ serviceName: 'api' });
  // Loaded only now, so that tracing instruments the HTTP server and database driver it loads.
  const { startApi } = await import('./server');
  const api = await startApi();
  await shutdownSignal();
  await api.close();
  await telemetry.shutdown();
});
