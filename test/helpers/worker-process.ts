import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../platform/config';
import { stopChild } from '../../scripts/processes';

/** A real worker process (`workers/main.ts`), as deployed: it can be killed like one. */
export interface WorkerProcess {
  child: ChildProcess;
  kill: (signal: NodeJS.Signals) => Promise<void>;
  stop: () => Promise<void>;
}

export async function startWorkerProcess(services: string[]): Promise<WorkerProcess> {
  // Node itself with tsx's loader, not the tsx launcher: a signal must reach the worker, not a
  // wrapper that would leave it running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'workers', 'main.ts'), '--services', services.join(',')],
    {
      cwd: projectRoot,
      env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('the worker process did not start polling within 60 s')), 60_000);
    lines.on('line', (line) => {
      if (line.includes('"workers polling"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async kill(signal) {
      child.kill(signal);
      await exited;
    },
    stop: () => stopChild(child),
  };
}
