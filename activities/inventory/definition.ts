import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const inventoryService = {
  name: 'inventory',
  description: 'Stock per SKU and reservations of it',
  taskQueue: 'inventory',
  schema: 'inventory',
  stepOptions: { startToCloseTimeout: '10 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
