import { testNamespace } from './namespaces';

// Runs in every jest worker before its test files load their modules (and so the config).
process.env.TEMPORAL_NAMESPACE = testNamespace();
