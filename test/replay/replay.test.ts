import { bundleWorkflowCode, Worker, type ReplayResult } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { dataConverter } from '../../platform/temporal';
import { workflowBundle, workflowSinks } from '../../workers/start-workers';
import { recordedHistories, type RecordedHistory } from './histories';

async function replay(bundle: Awaited<ReturnType<typeof workflowBundle>>, histories: RecordedHistory[]) {
  const names = new Map(histories.map((history) => [history.workflowId, history.name]));
  const results: Array<{ name: string | undefined; error: ReplayResult['error'] }> = [];
  // The same bundle, sinks and data converter as the production workers: replay must see what they run.
  const options = { workflowBundle: bundle, sinks: workflowSinks(), dataConverter: dataConverter() };
  for await (const result of Worker.runReplayHistories(options, histories)) {
    results.push({ name: names.get(result.workflowId), error: result.error });
  }
  return results;
}

describe('replaying recorded saga histories', () => {
  // Workers bundle the tracing interceptors only when tracing is on; a history recorded either way
  // must replay on both bundles, or turning tracing on or off would break running sagas.
  it.each([
    ['with the tracing interceptors', true],
    ['without the tracing interceptors', false],
  ])('replays every committed history on the current workflow code %s', async (_, tracing) => {
    const histories = recordedHistories();
    expect(histories.length).toBeGreaterThanOrEqual(17);

    const results = await replay(await workflowBundle({ tracing }), histories);

    expect(results.filter((result) => result.error !== undefined)).toEqual([]);
    expect(results.map((result) => result.name)).toEqual(histories.map((history) => history.name));
  });

  it('reports an incompatible change to a workflow as a determinism violation', async () => {
    const incompatible = await bundleWorkflowCode({ workflowsPath: require.resolve('./incompatible') });
    const histories = recordedHistories('order');

    const results = await replay(incompatible, histories);

    expect(results).toHaveLength(histories.length);
    for (const result of results) expect(result.error).toBeInstanceOf(DeterminismViolationError);
  });
});
