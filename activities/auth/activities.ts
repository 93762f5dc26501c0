import type { PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';
import { once } from '../idempotency';
import { hashPassword } from './password';

export const AuthErrors = {
  WEAK_PASSWORD: 'WEAK_PASSWORD',
} as const;

export const MIN_PASSWORD_LENGTH = 8;

export interface CreateAuthRecordInput {
  userId: string;
  password: string;
  idempotencyKey: string;
}

export function createAuthActivities(prisma: PrismaClient) {
  return {
    async createAuthRecord({
      userId,
      password,
      idempotencyKey,
    }: CreateAuthRecordInput): Promise<{ credentialId: string }> {
      if ([...password].length < MIN_PASSWORD_LENGTH) {
        throw businessError(AuthErrors.WEAK_PASSWORD, `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      }
      const credential = await once({
        findEarlier: () => prisma.credential.findUnique({ where: { idempotencyKey } }),
        create: async () =>
          prisma.credential.create({ data: { userId, passwordHash: await hashPassword(password), idempotencyKey } }),
      });
      return { credentialId: credential.id };
    },

    /** Compensates `createAuthRecord`. */
    async deleteAuthRecord({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      await prisma.credential.deleteMany({ where: { idempotencyKey } });
    },
  };
}

export type AuthActivities = ReturnType<typeof createAuthActivities>;
