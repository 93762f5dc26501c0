import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const userService = {
  name: 'user',
  description: 'User accounts: unique usernames and email addresses',
  taskQueue: 'user',
  schema: 'user',
  stepOptions: { startToCloseTimeout: '10 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
