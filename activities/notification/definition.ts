import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const notificationService = {
  name: 'notification',
  description: 'Email to users through a pluggable sender, every message recorded',
  taskQueue: 'notification',
  schema: 'notification',
  // Calls an outside provider: one attempt may take longer than a database write.
  stepOptions: { startToCloseTimeout: '30 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
