import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createAuthActivities } from '../../activities/auth/activities';
import { verifyPassword } from '../../activities/auth/password';
import { createNotificationActivities } from '../../activities/notification/activities';
import { MailboxDirectorySender } from '../../activities/notification/email-sender';
import { createProfileActivities } from '../../activities/profile/activities';
import { createUserActivities } from '../../activities/user/activities';
import { createPrismaClient, type PrismaClient } from '../../platform/database';
import { expectBusinessError } from '../helpers/business-errors';

describe('user, profile, auth and notification services', () => {
  let prisma: PrismaClient;
  let mailbox: string;

  beforeAll(async () => {
    prisma = createPrismaClient();
    mailbox = await fs.mkdtemp(path.join(os.tmpdir(), 'mailbox-'));
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await fs.rm(mailbox, { recursive: true, force: true });
  });

  const unique = (): string => `u-${randomUUID().slice(0, 12)}`;

  describe('user', () => {
    it('creates a user once per key and refuses taken usernames, taken emails and bad emails', async () => {
      const users = createUserActivities(prisma);
      const username = unique();
      const request = { username, email: `${username}@example.com`, idempotencyKey: randomUUID() };

      const [first, second] = await Promise.all([users.createUser(request), users.createUser(request)]);
      expect(second).toEqual(first);

      await expectBusinessError(
        users.createUser({ ...request, email: `${unique()}@example.com`, idempotencyKey: randomUUID() }),
        'USER_EXISTS',
      );
      await expectBusinessError(
        users.createUser({ ...request, username: unique(), idempotencyKey: randomUUID() }),
        'EMAIL_EXISTS',
      );
      await expectBusinessError(
        users.createUser({ username: unique(), email: 'no-at-sign', idempotencyKey: randomUUID() }),
        'INVALID_EMAIL',
      );
      expect(await prisma.user.count({ where: { username } })).toBe(1);
    });

    it('deletes only what its step created, and nothing for a step that never ran', async () => {
      const users = createUserActivities(prisma);
      const username = unique();
      const idempotencyKey = randomUUID();
      await users.createUser({ username, email: `${username}@example.com`, idempotencyKey });

      await users.deleteUser({ idempotencyKey: randomUUID() });
      expect(await prisma.user.count({ where: { username } })).toBe(1);
      await users.deleteUser({ idempotencyKey });
      await users.deleteUser({ idempotencyKey });
      expect(await prisma.user.count({ where: { username } })).toBe(0);
    });
  });

  describe('profile', () => {
    it('requires first and last names and defaults the display name', async () => {
      const profiles = createProfileActivities(prisma);
      const error = await expectBusinessError(
        profiles.createProfile({ userId: randomUUID(), firstName: '', lastName: ' ', idempotencyKey: randomUUID() }),
        'INVALID_PROFILE',
      );
      expect(error.message).toBe('A profile needs a first name and a last name');

      const created = await profiles.createProfile({
        userId: randomUUID(),
        firstName: ' Ada ',
        lastName: 'Lovelace',
        idempotencyKey: randomUUID(),
      });
      expect(created.displayName).toBe('Ada Lovelace');
    });
  });

  describe('auth', () => {
    it('stores only a salted hash, never the same twice for the same password', async () => {
      const auth = createAuthActivities(prisma);
      const password = 'a perfectly fine passphrase';
      const ids = await Promise.all(
        [randomUUID(), randomUUID()].map((userId) =>
          auth.createAuthRecord({ userId, password, idempotencyKey: userId }),
        ),
      );
      const rows = await prisma.credential.findMany({ where: { id: { in: ids.map((id) => id.credentialId) } } });

      expect(rows).toHaveLength(2);
      expect(rows[0]?.passwordHash).not.toBe(rows[1]?.passwordHash);
      for (const row of rows) {
        expect(row.passwordHash).not.toContain(password);
        await expect(verifyPassword(password, row.passwordHash)).resolves.toBe(true);
      }
      await expectBusinessError(
        auth.createAuthRecord({ userId: randomUUID(), password: 'seven77', idempotencyKey: randomUUID() }),
        'WEAK_PASSWORD',
      );
    });
  });

  describe('notification', () => {
    it('records every message and delivers it once, however often the step is retried', async () => {
      const notifications = createNotificationActivities({ prisma, emailSender: new MailboxDirectorySender(mailbox) });
      const request = { email: 'grace@example.com', displayName: 'Grace', idempotencyKey: randomUUID() };

      const first = await notifications.sendWelcomeEmail(request);
      const again = await notifications.sendWelcomeEmail(request);

      expect(again).toEqual(first);
      const message = await prisma.message.findUniqueOrThrow({ where: { idempotencyKey: request.idempotencyKey } });
      expect(message).toMatchObject({ status: 'SENT', template: 'welcome', recipient: 'grace@example.com' });
      expect((await fs.readdir(mailbox)).filter((file) => file.startsWith(message.id))).toHaveLength(1);
    });

    it('refuses a domain that can never receive mail', async () => {
      const notifications = createNotificationActivities({ prisma, emailSender: new MailboxDirectorySender(mailbox) });
      const idempotencyKey = randomUUID();
      await expectBusinessError(
        notifications.sendWelcomeEmail({ email: 'someone@host.invalid', displayName: 'X', idempotencyKey }),
        'UNDELIVERABLE_EMAIL',
      );
      expect(await prisma.message.count({ where: { idempotencyKey } })).toBe(0);
    });
  });
});
