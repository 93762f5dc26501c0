import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const profileService = {
  name: 'profile',
  description: 'Public profiles: names and display names',
  taskQueue: 'profile',
  schema: 'profile',
  stepOptions: { startToCloseTimeout: '10 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
