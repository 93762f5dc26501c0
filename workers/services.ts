import path from 'node:path';
import type { PrismaClient } from '../generated/prisma/client';
import { createAuthActivities } from '../activities/auth/activities';
import { authService } from '../activities/auth/definition';
import { createInventoryActivities } from '../activities/inventory/activities';
import { inventoryService } from '../activities/inventory/definition';
import { createNotificationActivities } from '../activities/notification/activities';
import { notificationService } from '../activities/notification/definition';
import { MailboxDirectorySender, type EmailSender } from '../activities/notification/email-sender';
import { createOrderActivities } from '../activities/order/activities';
import { orderService } from '../activities/order/definition';
import { createPaymentActivities } from '../activities/payment/activities';
import { TestModeCardProcessor, type CardProcessor } from '../activities/payment/card-processor';
import { paymentService } from '../activities/payment/definition';
import { createProfileActivities } from '../activities/profile/activities';
import { profileService } from '../activities/profile/definition';
import type { ServiceDefinition } from '../activities/service-definition';
import { createShippingActivities } from '../activities/shipping/activities';
import { shippingService } from '../activities/shipping/definition';
import { createUserActivities } from '../activities/user/activities';
import { userService } from '../activities/user/definition';
import { config } from '../platform/config';

/** What the services of one worker process share. */
export interface ServiceDependencies {
  prisma: PrismaClient;
  emailSender: EmailSender;
  cardProcessor: CardProcessor;
}

export function defaultDependencies(prisma: PrismaClient): ServiceDependencies {
  return {
    prisma,
    emailSender: new MailboxDirectorySender(path.join(config().DATA_DIR, 'mailbox')),
    cardProcessor: new TestModeCardProcessor(),
  };
}

export interface HostedService {
  definition: ServiceDefinition;
  createActivities(dependencies: ServiceDependencies): object;
}

/** Every domain service a worker process can host, by name. */
export const domainServices: Record<string, HostedService> = {
  user: { definition: userService, createActivities: ({ prisma }) => createUserActivities(prisma) },
  profile: { definition: profileService, createActivities: ({ prisma }) => createProfileActivities(prisma) },
  auth: { definition: authService, createActivities: ({ prisma }) => createAuthActivities(prisma) },
  notification: { definition: notificationService, createActivities: createNotificationActivities },
  inventory: { definition: inventoryService, createActivities: ({ prisma }) => createInventoryActivities(prisma) },
  payment: { definition: paymentService, createActivities: createPaymentActivities },
  order: { definition: orderService, createActivities: ({ prisma }) => createOrderActivities(prisma) },
  shipping: { definition: shippingService, createActivities: ({ prisma }) => createShippingActivities(prisma) },
};
