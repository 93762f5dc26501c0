import type { PrismaClient } from '../generated/prisma/client';
import type { ServiceDefinition } from '../activities/service-definition';
import { userService } from '../activities/user/definition';
import { createUserActivities } from '../activities/user/activities';

export interface HostedService {
  definition: ServiceDefinition;
  createActivities(prisma: PrismaClient): object;
}

/** Every domain service a worker process can host, by name. */
export const domainServices: Record<string, HostedService> = {
  user: { definition: userService, createActivities: createUserActivities },
};
