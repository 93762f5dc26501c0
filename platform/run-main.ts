import { logger } from './logger';
import { ConfigError } from './config';

/** Errors whose message is written for a person: printed as is, without a stack trace. */
export class UserFacingError extends Error {}

/**
 * Runs a process's entry point and turns a failure into a clear exit: a message for a person when
 * the error is one of ours, a structured fatal log line otherwise.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UserFacingError || error instanceof ConfigError) {
      process.stderr.write(`\n${error.message}\n\n`);
    } else {
      logger().fatal({ err: error }, 'failed');
    }
    process.exitCode = 1;
  });
}

/**
 * Resolves on the first SIGINT or SIGTERM, so a main can shut down in order. Later signals are
 * absorbed rather than left to kill the process mid-shutdown: a Ctrl-C reaches a process both
 * directly and relayed by launchers such as npm and tsx.
 */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => resolve(signal);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
