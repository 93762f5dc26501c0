import path from 'node:path';
import type { PrismaClient } from '../generated/prisma/client';
import { createAuthActivities } from '../activities/auth/activities';
import { createInventoryActivities } from '../activities/inventory/activities';
import { createNotificationActivities } from '../activities/notification/activities';
import { MailboxDirectorySender, type EmailSender } from '../activities/notification/email-sender';
import { createOrderActivities } from '../activities/order/activities';
import { createPaymentActivities } from '../activities/payment/activities';
import { TestModeCardProcessor, type CardProcessor } from '../activities/payment/card-processor';
import { createProfileActivities } from '../activities/profile/activities';
import type { ServiceDefinition } from '../activities/service-definition';
import { domainServiceDefinitions } from '../activities/service-definitions';
import { createShippingActivities } from '../activities/shipping/activities';
import { createUserActivities } from '../activities/user/activities';
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
  createActivities: (dependencies: ServiceDependencies) => object;
}

/** How a worker builds each service's activities, by service name. */
const activityFactories: Record<string, HostedService['createActivities']> = {
  user: ({ prisma }) => createUserActivities(prisma),
  profile: ({ prisma }) => createProfileActivities(prisma),
  auth: ({ prisma }) => createAuthActivities(prisma),
  notification: createNotificationActivities,
  inventory: ({ prisma }) => createInventoryActivities(prisma),
  payment: createPaymentActivities,
  order: ({ prisma }) => createOrderActivities(prisma),
  shipping: ({ prisma }) => createShippingActivities(prisma),
};

/** Every domain service a worker process can host, by name: each definition with its activities. */
export const domainServices: Record<string, HostedService> = Object.fromEntries(
  domainServiceDefinitions.map((definition) => {
    const createActivities = activityFactories[definition.name];
    if (createActivities === undefined) throw new Error(`No activities for the ${definition.name} service`);
    return [definition.name, { definition, createActivities }];
  }),
);
