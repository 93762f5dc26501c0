// Quiet, machine-readable logs in tests unless asked otherwise; set here because the global setup's
// modules read the configuration as they load.
process.env.LOG_LEVEL ??= 'warn';
process.env.LOG_FORMAT ??= 'json';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup-namespace.ts'],
  // Tests talk to a real Temporal server and PostgreSQL: a saga takes seconds, not milliseconds.
  testTimeout: 60_000,
  // Two cores: more workers than that only make the real servers slower.
  maxWorkers: 2,
};
