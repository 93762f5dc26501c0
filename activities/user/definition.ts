import type { ServiceDefinition } from '../service-definition';

export const userService = {
  name: 'user',
  description: 'User accounts: unique usernames and email addresses',
  taskQueue: 'user',
  schema: 'user',
  stepOptions: {
    startToCloseTimeout: '10 seconds',
    retry: {
      initialInterval: '500 milliseconds',
      backoffCoefficient: 2,
      maximumInterval: '10 seconds',
      maximumAttempts: 5,
    },
  },
  compensationOptions: {
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
  },
} as const satisfies ServiceDefinition;
