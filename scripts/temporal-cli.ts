/**
 * Provides the official Temporal CLI (dev server + Web UI) at the pinned version, without ever
 * downloading a server binary: it uses $TEMPORAL_CLI or a `temporal` on PATH when their version
 * matches, and otherwise builds the CLI from its Go module into a cache outside the repository,
 * so fresh clones on the same machine reuse one build.
 *
 *   npm run temporal:cli      # prints the path of the binary, building it if needed
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { runMain, UserFacingError } from '../platform/run-main';

export const TEMPORAL_CLI_VERSION = '1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';
const VERSION_LDFLAG = `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`;

const log = logger('temporal-cli');
const run = promisify(execFile);

/** Where the built binary is cached: `$XDG_CACHE_HOME` or `~/.cache`, one folder per version. */
export function temporalCliCacheDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'temporal-sagas', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

/** The version a binary reports (`temporal version 1.5.1 (Server ..., UI ...)`), or undefined. */
async function versionOf(binary: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(binary, ['--version'], { timeout: 20_000 });
    return /temporal version (\S+)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** `go` from PATH, or from the usual install location that is not always on PATH. */
async function findGo(): Promise<string | undefined> {
  return onPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

export class TemporalCliUnavailableError extends UserFacingError {
  override readonly name = 'TemporalCliUnavailableError';
}

async function build(go: string, target: string): Promise<void> {
  // Build into a scratch folder and rename, so an interrupted build never leaves a half binary
  // where the next run would trust it.
  await fs.mkdir(path.dirname(target), { recursive: true });
  const scratch = await fs.mkdtemp(path.join(path.dirname(target), 'build-'));
  const started = Date.now();
  log.info(
    { module: `${MODULE}@v${TEMPORAL_CLI_VERSION}`, target },
    'building the Temporal CLI from its Go module (first time only; this takes a few minutes)',
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', '-ldflags', VERSION_LDFLAG, `${MODULE}@v${TEMPORAL_CLI_VERSION}`], {
        env: { ...process.env, GOBIN: scratch, GOFLAGS: '-buildvcs=false' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`go install exited with ${code ?? signal}`)),
      );
    });
    await fs.rename(path.join(scratch, 'temporal'), target);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  log.info({ seconds: Math.round((Date.now() - started) / 1000) }, 'Temporal CLI built');
}

/** The path of a Temporal CLI binary at the pinned version, building it when there is none. */
export async function ensureTemporalCli(): Promise<string> {
  const explicit = config().TEMPORAL_CLI;
  if (explicit !== undefined) {
    const version = await versionOf(explicit);
    if (version !== TEMPORAL_CLI_VERSION) {
      throw new TemporalCliUnavailableError(
        `TEMPORAL_CLI=${explicit} reports version ${version ?? 'none (not runnable)'}; this project needs ${TEMPORAL_CLI_VERSION}.`,
      );
    }
    return explicit;
  }

  const fromPath = onPath('temporal');
  if (fromPath !== undefined && (await versionOf(fromPath)) === TEMPORAL_CLI_VERSION) return fromPath;

  const cached = path.join(temporalCliCacheDir(), 'temporal');
  if (existsSync(cached) && (await versionOf(cached)) === TEMPORAL_CLI_VERSION) return cached;

  const go = await findGo();
  if (go === undefined) {
    throw new TemporalCliUnavailableError(
      [
        `The Temporal CLI ${TEMPORAL_CLI_VERSION} was not found and Go is not installed to build it. Either:`,
        '  - install Go >= 1.25 and run this again (it builds the CLI once into ' + temporalCliCacheDir() + ');',
        `  - put a \`temporal\` binary of version ${TEMPORAL_CLI_VERSION} on PATH, or point TEMPORAL_CLI at one;`,
        '  - or run the whole stack with `docker compose up` (see the README).',
      ].join('\n'),
    );
  }
  await build(go, cached);
  const built = await versionOf(cached);
  if (built !== TEMPORAL_CLI_VERSION) {
    throw new TemporalCliUnavailableError(`the freshly built ${cached} reports version ${built ?? 'none'}`);
  }
  return cached;
}

if (require.main === module) {
  runMain(async () => {
    process.stdout.write(`${await ensureTemporalCli()}\n`);
  });
}
