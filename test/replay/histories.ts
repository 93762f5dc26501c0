import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';

export interface RecordedHistory {
  /** `order/card-declined`, ... */
  name: string;
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

/** Every committed history under test/replay/histories, optionally only one saga's. */
export function recordedHistories(saga?: 'order' | 'user-registration'): RecordedHistory[] {
  const root = path.join(__dirname, 'histories');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json') && (saga === undefined || file.startsWith(`${saga}/`)))
    .sort()
    .map((file) => {
      const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')));
      // The sagas check that the workflow ID is their business ID, so replay under the real one.
      const workflowId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowId;
      if (workflowId == null) throw new Error(`${file} does not start with a WorkflowExecutionStarted event`);
      return { name: file.replace(/\.json$/, ''), workflowId, history };
    });
}
