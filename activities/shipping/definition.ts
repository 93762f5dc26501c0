import { compensationRetry, forwardStepRetry, type ServiceDefinition } from '../service-definition';

export const shippingService = {
  name: 'shipping',
  description: 'Shipments booked with the carrier',
  taskQueue: 'shipping',
  schema: 'shipping',
  // Calls an outside provider: one attempt may take longer than a database write.
  stepOptions: { startToCloseTimeout: '30 seconds', retry: forwardStepRetry },
  compensationOptions: { startToCloseTimeout: '10 seconds', retry: compensationRetry },
} as const satisfies ServiceDefinition;
