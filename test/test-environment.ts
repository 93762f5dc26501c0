import {
  startEphemeralEnvironment,
  stopEphemeralEnvironment,
  type EphemeralEnvironment,
} from '../scripts/ephemeral-environment';
import { TEST_NAMESPACES } from './namespaces';

/** The servers the whole test suite shares, with the Web UI for the browser test. */
export type TestEnvironment = EphemeralEnvironment;

export function startTestEnvironment(): Promise<TestEnvironment> {
  return startEphemeralEnvironment({ namespaces: TEST_NAMESPACES, ui: true });
}

export const stopTestEnvironment = stopEphemeralEnvironment;
