import { stopTestEnvironment } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  if (globalThis.sagaTestEnvironment !== undefined) await stopTestEnvironment(globalThis.sagaTestEnvironment);
}
