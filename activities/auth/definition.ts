import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const authService = {
  name: 'auth',
  description: 'Login credentials, stored as salted scrypt hashes',
  taskQueue: 'auth',
  schema: 'auth',
  stepOptions: { startToCloseTimeout: '10 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
