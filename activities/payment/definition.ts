import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const paymentService = {
  name: 'payment',
  description: 'Card charges and refunds',
  taskQueue: 'payment',
  schema: 'payment',
  // Calls an outside provider: one attempt may take longer than a database write.
  stepOptions: { startToCloseTimeout: '30 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
