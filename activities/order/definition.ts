import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const orderService = {
  name: 'order',
  description: 'Order records',
  taskQueue: 'order',
  schema: 'order',
  stepOptions: { startToCloseTimeout: '10 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
