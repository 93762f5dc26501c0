import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

const { noop } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

/** The engine's floor: the shape of a four-step saga with no work, on one task queue. */
export async function floorWorkflow(): Promise<number> {
  let steps = 0;
  for (let step = 0; step < 4; step += 1) steps += (await noop(step)) >= 0 ? 1 : 0;
  return steps;
}
