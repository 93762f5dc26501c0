// Imports nothing: loaded by the jest setup file before any module reads the configuration.

/**
 * Each jest worker runs its files in a namespace of its own, so the fixed task queues of the
 * services never hand one file's tasks to another file's workers.
 */
export function testNamespace(jestWorkerId = process.env.JEST_WORKER_ID ?? '1'): string {
  return `test-${jestWorkerId}`;
}

/** A namespace of its own for the service-registry test, where only the workers it starts poll. */
export const REGISTRY_TEST_NAMESPACE = 'test-registry';

export const TEST_NAMESPACES = [...['1', '2', '3', '4'].map((id) => testNamespace(id)), REGISTRY_TEST_NAMESPACE];
