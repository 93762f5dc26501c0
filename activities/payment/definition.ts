import { defineService } from '../service-definition';

export const paymentService = defineService({
  name: 'payment',
  description: 'Card charges and refunds',
  // Calls an outside provider: one attempt may take longer than a database write.
  stepTimeout: '30 seconds',
});
