import { Prisma } from '../generated/prisma/client';

/** PostgreSQL refused a row because a unique index already holds its key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Exactly-once effects for a step that may be retried or delivered twice: `findEarlier` looks the
 * effect up by the step's idempotency key (stored with the effect under a unique index), and
 * `create` makes it only when there is none. Two concurrent attempts cannot both succeed: the loser
 * hits the unique index and returns the winner's effect. Any other unique violation is left to
 * `onConflict`, which turns it into the service's business error.
 */
export async function once<T>({
  findEarlier,
  create,
  onConflict,
}: {
  findEarlier: () => Promise<T | null>;
  create: () => Promise<T>;
  onConflict?: () => Promise<never>;
}): Promise<T> {
  const earlier = await findEarlier();
  if (earlier !== null) return earlier;
  try {
    return await create();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findEarlier();
    if (winner !== null) return winner;
    if (onConflict !== undefined) await onConflict();
    throw error;
  }
}
