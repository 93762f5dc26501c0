import { ApplicationFailure } from '@temporalio/common';

/** Asserts that a promise fails with a non-retryable business error of this code. */
export async function expectBusinessError(promise: Promise<unknown>, code: string): Promise<ApplicationFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  expect(error).toMatchObject({ type: code, nonRetryable: true });
  return error as ApplicationFailure;
}
