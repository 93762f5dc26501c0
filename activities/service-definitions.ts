import { authService } from './auth/definition';
import { inventoryService } from './inventory/definition';
import { notificationService } from './notification/definition';
import { orderService } from './order/definition';
import { paymentService } from './payment/definition';
import { profileService } from './profile/definition';
import type { ServiceDefinition } from './service-definition';
import { shippingService } from './shipping/definition';
import { userService } from './user/definition';

/** Every domain service, as each declares itself: read by the workers, the API and the docs. */
export const domainServiceDefinitions: ServiceDefinition[] = [
  userService,
  profileService,
  authService,
  notificationService,
  inventoryService,
  paymentService,
  orderService,
  shippingService,
];
