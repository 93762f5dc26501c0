import type { PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';
import { once } from '../idempotency';

export const ProfileErrors = {
  INVALID_PROFILE: 'INVALID_PROFILE',
} as const;

export interface CreateProfileInput {
  userId: string;
  firstName: string;
  lastName: string;
  /** Defaults to "First Last". */
  displayName?: string;
  idempotencyKey: string;
}

export function createProfileActivities(prisma: PrismaClient) {
  return {
    async createProfile(input: CreateProfileInput): Promise<{ profileId: string; displayName: string }> {
      const firstName = input.firstName.trim();
      const lastName = input.lastName.trim();
      const missing = [firstName === '' && 'first name', lastName === '' && 'last name'].filter(Boolean);
      if (missing.length > 0) {
        throw businessError(ProfileErrors.INVALID_PROFILE, `A profile needs a ${missing.join(' and a ')}`, {
          missing,
        });
      }
      const displayName = input.displayName?.trim() || `${firstName} ${lastName}`;
      const profile = await once({
        findEarlier: () => prisma.profile.findUnique({ where: { idempotencyKey: input.idempotencyKey } }),
        create: () =>
          prisma.profile.create({
            data: { userId: input.userId, firstName, lastName, displayName, idempotencyKey: input.idempotencyKey },
          }),
      });
      return { profileId: profile.id, displayName: profile.displayName };
    },

    /** Compensates `createProfile`. */
    async deleteProfile({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      await prisma.profile.deleteMany({ where: { idempotencyKey } });
    },
  };
}

export type ProfileActivities = ReturnType<typeof createProfileActivities>;
