import { defineService } from '../service-definition';

export const shippingService = defineService({
  name: 'shipping',
  description: 'Shipments booked with the carrier',
  // Calls an outside provider: one attempt may take longer than a database write.
  stepTimeout: '30 seconds',
});
