import { startTestEnvironment, type TestEnvironment } from './test-environment';

declare global {
  var sagaTestEnvironment: TestEnvironment | undefined;
}

/** Starts the shared servers once; test files find them through the environment variables. */
export default async function globalSetup(): Promise<void> {
  const environment = await startTestEnvironment();
  globalThis.sagaTestEnvironment = environment;
  process.env.TEMPORAL_ADDRESS = environment.temporal.address;
  process.env.TEMPORAL_UI_URL = environment.temporal.uiUrl;
  process.env.DATABASE_URL = environment.database.url;
  process.env.DATA_DIR = environment.scratchDir;
}
