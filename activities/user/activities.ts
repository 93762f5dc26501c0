import { z } from 'zod';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';

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

const email = z.email();

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export function createUserActivities(prisma: PrismaClient) {
  return {
    async createUser({ username, email: address, idempotencyKey }: CreateUserInput): Promise<CreatedUser> {
      if (!email.safeParse(address).success) {
        throw businessError(UserErrors.INVALID_EMAIL, 'The email address is not valid');
      }
      try {
        const user = await prisma.user.create({ data: { username, email: address, idempotencyKey } });
        return { userId: user.id };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The unique index that refused the row says which rule (or which earlier attempt) won.
        const earlier = await prisma.user.findUnique({ where: { idempotencyKey } });
        if (earlier !== null) return { userId: earlier.id };
        if ((await prisma.user.count({ where: { username } })) > 0) {
          throw businessError(UserErrors.USER_EXISTS, `The username ${username} is taken`);
        }
        if ((await prisma.user.count({ where: { email: address } })) > 0) {
          throw businessError(UserErrors.EMAIL_EXISTS, 'The email address is already registered');
        }
        throw error;
      }
    },

    /** Compensates `createUser`: removes the user that step created, if it created one. */
    async deleteUser({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      await prisma.user.deleteMany({ where: { idempotencyKey } });
    },
  };
}

export type UserActivities = ReturnType<typeof createUserActivities>;
