import { defineService } from '../service-definition';

export const inventoryService = defineService({
  name: 'inventory',
  description: 'Stock per SKU and reservations of it',
});
