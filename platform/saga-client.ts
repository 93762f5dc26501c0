import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { OrderInput, SagaOptions, UserRegistrationInput } from '../workflows/inputs';
import { orchestrator } from '../workflows/orchestrator';
import type { orderSaga } from '../workflows/order-processing';
import type { SagaType } from '../workflows/saga-status';
import type { userRegistrationSaga } from '../workflows/user-registration';
import { CustomerId, SagaStatus, SagaType as SagaTypeAttribute } from './search-attributes';

/**
 * How every client (the API, the tests, the benchmark) starts a saga. The workflow ID is the
 * business ID, and an ID is used once, ever: a second start of a running saga fails with
 * WorkflowExecutionAlreadyStartedError (the conflict policy), and so does a start after it closed
 * (the reuse policy), because its idempotency keys are already spent.
 */
function startOptions(sagaType: SagaType, businessId: string, customerId: string) {
  return {
    taskQueue: orchestrator.taskQueue,
    workflowId: businessId,
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
    typedSearchAttributes: [
      { key: SagaTypeAttribute, value: sagaType },
      { key: SagaStatus, value: 'RUNNING' },
      { key: CustomerId, value: customerId },
    ],
  };
}

export interface StartSagaOptions {
  /** Operator tuning of this run (see SagaOptions); the API never sets it. */
  options?: SagaOptions;
  /** Kept with the run, not given to it: the API stores its request fingerprint here. */
  memo?: Record<string, unknown>;
}

export function startOrderSaga(
  client: Client,
  input: OrderInput,
  { options, memo }: StartSagaOptions = {},
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof orderSaga>> {
  return client.workflow.start<typeof orderSaga>('orderSaga', {
    ...startOptions('order', input.orderId, input.customerId),
    memo,
    args: options === undefined ? [input] : [input, options],
    staticSummary: `Order ${input.orderId} for customer ${input.customerId}`,
  });
}

export function startUserRegistrationSaga(
  client: Client,
  input: UserRegistrationInput,
  { options, memo }: StartSagaOptions = {},
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof userRegistrationSaga>> {
  return client.workflow.start<typeof userRegistrationSaga>('userRegistrationSaga', {
    ...startOptions('user-registration', input.username, input.username),
    memo,
    args: options === undefined ? [input] : [input, options],
    staticSummary: `Registration of ${input.username}`,
  });
}
