import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import { verifyPassword } from '../../activities/auth/password';
import { config } from '../../platform/config';
import { startUserRegistrationSaga } from '../../platform/saga-client';
import type { UserRegistrationInput } from '../../workflows/inputs';
import { statusQuery } from '../../workflows/saga';
import { scheduledActivities } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';

function registration(overrides: Partial<UserRegistrationInput> = {}): UserRegistrationInput {
  const username = `user-${randomUUID().slice(0, 12)}`;
  return {
    username,
    email: `${username}@example.com`,
    password: 'correct horse battery staple',
    firstName: 'Grace',
    lastName: 'Hopper',
    ...overrides,
  };
}

describe('user registration saga', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system.stop();
  });

  async function effects(username: string) {
    const users = await system.prisma.user.findMany({ where: { username } });
    const userIds = users.map((user) => user.id);
    const [profiles, credentials, messages] = await Promise.all([
      system.prisma.profile.findMany({ where: { userId: { in: userIds } } }),
      system.prisma.credential.findMany({ where: { userId: { in: userIds } } }),
      system.prisma.message.findMany({ where: { idempotencyKey: `${username}/sendWelcomeEmail` } }),
    ]);
    return { users, profiles, credentials, messages };
  }

  it('creates the user, profile and login, and sends the welcome email', async () => {
    const input = registration({ displayName: 'Amazing Grace' });

    const result = await (await startUserRegistrationSaga(system.client, input)).result();

    const { users, profiles, credentials, messages } = await effects(input.username);
    expect(users).toHaveLength(1);
    expect(result.userId).toBe(users[0]?.id);
    expect(profiles.map((profile) => profile.displayName)).toEqual(['Amazing Grace']);
    expect(credentials).toHaveLength(1);
    const hash = credentials[0]?.passwordHash ?? '';
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain(input.password);
    await expect(verifyPassword(input.password, hash)).resolves.toBe(true);
    await expect(verifyPassword('wrong password', hash)).resolves.toBe(false);
    expect(messages.map((message) => message.status)).toEqual(['SENT']);
    const eml = await fs.readFile(path.join(config().DATA_DIR, 'mailbox', `${messages[0]?.id}.eml`), 'utf8');
    expect(eml).toContain(`To: ${input.email}`);
    expect(eml).toContain('Hello Amazing Grace');
  });

  it.each([
    {
      step: 'createUser',
      code: 'INVALID_EMAIL',
      make: () => registration({ email: 'not-an-email' }),
      activities: ['createUser', 'deleteUser'],
    },
    {
      step: 'createProfile',
      code: 'INVALID_PROFILE',
      make: () => registration({ firstName: ' ' }),
      activities: ['createUser', 'createProfile', 'deleteProfile', 'deleteUser'],
    },
    {
      step: 'sendWelcomeEmail',
      code: 'UNDELIVERABLE_EMAIL',
      make: () => registration({ email: `someone-${randomUUID().slice(0, 8)}@mail.invalid` }),
      activities: [
        'createUser',
        'createProfile',
        'createAuthRecord',
        'sendWelcomeEmail',
        'deleteAuthRecord',
        'deleteProfile',
        'deleteUser',
      ],
    },
    {
      step: 'createAuthRecord',
      code: 'WEAK_PASSWORD',
      make: () => registration({ password: 'short' }),
      // No welcome email for a registration that could not create its login.
      activities: [
        'createUser',
        'createProfile',
        'createAuthRecord',
        'deleteAuthRecord',
        'deleteProfile',
        'deleteUser',
      ],
    },
  ])(
    'a failure at $step ($code) compensates exactly the earlier steps, newest first',
    async ({ step, code, make, activities }) => {
      const input = make();

      const handle = await startUserRegistrationSaga(system.client, input);
      const failure: unknown = await handle.result().catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(WorkflowFailedError);
      expect(((failure as WorkflowFailedError).cause as ApplicationFailure).type).toBe(code);
      expect(await scheduledActivities(handle)).toEqual(activities);
      const { users, profiles, credentials } = await effects(input.username);
      expect({ users, profiles, credentials }).toEqual({ users: [], profiles: [], credentials: [] });
      const status = await handle.query(statusQuery);
      expect(status.status).toBe('COMPENSATED');
      expect(status.failure).toMatchObject({ code, step });
    },
  );

  it.each([
    { code: 'USER_EXISTS', clash: (input: UserRegistrationInput) => ({ username: input.username }) },
    { code: 'EMAIL_EXISTS', clash: (input: UserRegistrationInput) => ({ email: input.email }) },
  ])('refuses a registration with $code and leaves the existing user alone', async ({ code, clash }) => {
    const input = registration();
    const other = `other-${randomUUID().slice(0, 8)}`;
    const existing = await system.prisma.user.create({
      data: { username: other, email: `${other}@example.com`, idempotencyKey: `import/${other}`, ...clash(input) },
    });

    const handle = await startUserRegistrationSaga(system.client, input);
    const failure: unknown = await handle.result().catch((error: unknown) => error);

    expect(((failure as WorkflowFailedError).cause as ApplicationFailure).type).toBe(code);
    expect(await system.prisma.user.findUnique({ where: { id: existing.id } })).toEqual(existing);
    expect(await scheduledActivities(handle)).toEqual(['createUser', 'deleteUser']);
  });

  it('fails bad input with a typed, non-retryable INVALID_INPUT that names the field', async () => {
    const input = registration();
    const handle = await startUserRegistrationSaga(system.client, {
      ...input,
      email: 42,
    } as unknown as UserRegistrationInput);

    const failure: unknown = await handle.result().catch((error: unknown) => error);

    const cause = (failure as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('INVALID_INPUT');
    expect(cause.nonRetryable).toBe(true);
    expect(cause.message).toContain('email');
    expect(await scheduledActivities(handle)).toEqual([]);
  });
});
