import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../platform/config';
import { stopChild } from '../../scripts/processes';

/** A real process of the system (a worker, the API), as deployed: it can be killed like one. */
export interface NodeProcess {
  child: ChildProcess;
  /** Every line it has written to stdout so far (JSON log lines). */
  lines: string[];
  kill: (signal: NodeJS.Signals) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Starts `entry` (relative to the repository root) under Node with tsx's loader, not the tsx
 * launcher: a signal must reach the process itself, not a wrapper that would leave it running.
 * Resolves once it logs a line containing `ready`.
 */
export async function startNodeProcess({
  entry,
  args = [],
  env = {},
  ready,
}: {
  entry: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  ready: string;
}): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, entry), ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} was not ready within 60 s`)), 60_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${lines.slice(-5).join('\n')}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    lines,
    async kill(signal) {
      child.kill(signal);
      await exited;
    },
    stop: () => stopChild(child),
  };
}

/** A worker process (`workers/main.ts`) hosting the named services, once it polls. */
export function startWorkerProcess(services: string[], env: NodeJS.ProcessEnv = {}): Promise<NodeProcess> {
  return startNodeProcess({
    entry: 'workers/main.ts',
    args: ['--services', services.join(',')],
    env,
    ready: '"workers polling"',
  });
}
