import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';
import { once } from '../idempotency';

export const UserErrors = {
  USER_EXISTS: 'USER_EXISTS',
  EMAIL_EXISTS: 'EMAIL_EXISTS',
  INVALID_EMAIL: 'INVALID_EMAIL',
} as const;

export interface CreateUserInput {
  username: string;
  email: string;
  /** Identifies the saga step; a retry with the same key returns the first call's user. */
  idempotencyKey: string;
}

export interface CreatedUser {
  userId: string;
}

const emailAddress = z.email();

export function createUserActivities(prisma: PrismaClient) {
  return {
    async createUser({ username, email, idempotencyKey }: CreateUserInput): Promise<CreatedUser> {
      if (!emailAddress.safeParse(email).success) {
        throw businessError(UserErrors.INVALID_EMAIL, 'The email address is not valid');
      }
      const user = await once({
        findEarlier: () => prisma.user.findUnique({ where: { idempotencyKey } }),
        create: () => prisma.user.create({ data: { username, email, idempotencyKey } }),
        // The unique index that refused the row says which rule was broken.
        onConflict: async () => {
          if ((await prisma.user.count({ where: { username } })) > 0) {
            throw businessError(UserErrors.USER_EXISTS, `The username ${username} is taken`);
          }
          throw businessError(UserErrors.EMAIL_EXISTS, 'The email address is already registered');
        },
      });
      return { userId: user.id };
    },

    /** Compensates `createUser`: removes the user that step created, if it created one. */
    async deleteUser({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      await prisma.user.deleteMany({ where: { idempotencyKey } });
    },
  };
}

export type UserActivities = ReturnType<typeof createUserActivities>;
