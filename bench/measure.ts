import fs from 'node:fs';

export interface Sample {
  ms: number;
  ok: boolean;
  error?: string;
}

/** Runs `total` tasks with at most `concurrency` in flight; each task reports its own success. */
export async function runLoad(
  total: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<{ samples: Sample[]; wallMs: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const index = next;
        next += 1;
        const begin = performance.now();
        try {
          await task(index);
          samples.push({ ms: performance.now() - begin, ok: true });
        } catch (error) {
          samples.push({
            ms: performance.now() - begin,
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time, in milliseconds, this process and the given others (by PID) have used so far. */
export function cpuMs(otherPids: number[]): number {
  const own = process.cpuUsage();
  let total = (own.user + own.system) / 1000;
  for (const pid of otherPids) {
    try {
      // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name) are utime and stime.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      // Not on Linux, or the process is gone: its share is left out.
    }
  }
  return total;
}
