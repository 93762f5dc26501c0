import { defineService } from '../service-definition';

export const orderService = defineService({
  name: 'order',
  description: 'Order records',
});
