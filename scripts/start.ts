/**
 * `npm start`: the whole system in one process; see run-system.ts. Ctrl-C stops it all.
 */
import { runMain } from '../platform/run-main';
import { startTelemetry } from '../platform/telemetry';

runMain(async () => {
  const telemetry = startTelemetry({ serviceName: 'temporal-sagas' });
  // Loaded only now, so that tracing instruments the HTTP server and database driver it loads.
  const { runSystem } = await import('./run-system');
  await runSystem();
  await telemetry.shutdown();
});
