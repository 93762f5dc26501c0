import type { PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';
import { once } from '../idempotency';
import type { EmailSender } from './email-sender';

export const NotificationErrors = {
  UNDELIVERABLE_EMAIL: 'UNDELIVERABLE_EMAIL',
} as const;

export interface WelcomeEmailInput {
  email: string;
  displayName: string;
  idempotencyKey: string;
}

/** RFC 6761 reserves `.invalid`: no mail can ever be delivered there. */
function undeliverable(address: string): boolean {
  return /\.invalid$/i.test(address.split('@').pop() ?? '');
}

export function createNotificationActivities({
  prisma,
  emailSender,
}: {
  prisma: PrismaClient;
  emailSender: EmailSender;
}) {
  return {
    /**
     * Records the message, then hands it to the sender. A retry after a crash re-sends a message
     * still PENDING under the same message ID, so the sender can drop the duplicate; a SENT one is
     * never sent again. There is no compensation: an email cannot be unsent.
     */
    async sendWelcomeEmail({ email, displayName, idempotencyKey }: WelcomeEmailInput): Promise<{ messageId: string }> {
      if (undeliverable(email)) {
        throw businessError(NotificationErrors.UNDELIVERABLE_EMAIL, 'Mail cannot be delivered to that domain');
      }
      const message = await once({
        findEarlier: () => prisma.message.findUnique({ where: { idempotencyKey } }),
        create: () =>
          prisma.message.create({
            data: {
              recipient: email,
              template: 'welcome',
              subject: 'Welcome aboard',
              body: `Hello ${displayName},\n\nyour account is ready. Welcome!\n`,
              idempotencyKey,
            },
          }),
      });
      if (message.status === 'SENT') return { messageId: message.id };
      const { senderRef } = await emailSender.send({
        messageId: message.id,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
      await prisma.message.update({
        where: { id: message.id },
        data: { status: 'SENT', senderRef, sentAt: new Date() },
      });
      return { messageId: message.id };
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
