import fs from 'node:fs/promises';
import path from 'node:path';

export interface EmailMessage {
  /** Stable per message: a sender that sees the same ID twice delivers once. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mail leaves the system. Swap in an SMTP or provider client by implementing this. */
export interface EmailSender {
  readonly name: string;
  send(message: EmailMessage): Promise<{ senderRef: string }>;
}

/**
 * Delivers each message as an RFC 5322 `.eml` file into a folder (a local mailbox any mail client
 * opens), named by its message ID so a repeated delivery overwrites rather than duplicates.
 */
export class MailboxDirectorySender implements EmailSender {
  readonly name = 'mailbox-directory';

  constructor(private readonly directory: string) {}

  async send(message: EmailMessage): Promise<{ senderRef: string }> {
    await fs.mkdir(this.directory, { recursive: true });
    const file = path.join(this.directory, `${message.messageId.replace(/[^\w.-]/g, '_')}.eml`);
    const eml = [
      `Message-ID: <${message.messageId}@temporal-sagas>`,
      `To: ${message.to}`,
      'From: Temporal Sagas <no-reply@temporal-sagas.localhost>',
      `Subject: ${message.subject}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      message.text,
    ].join('\r\n');
    await fs.writeFile(file, eml);
    return { senderRef: file };
  }
}
