import { createTransport, type Transporter } from 'nodemailer';
import { z } from 'zod';

import { mailKinds } from '../../models/outbox-mail.server';
import { keepInOutbox } from '../settings/outbox.server';
import { getEnv } from './env.server';

const mailSchema = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  kind: z.enum(mailKinds),
});

export type Mail = z.infer<typeof mailSchema>;

export interface MailSettings {
  /** SMTP_URL; unset keeps mail in the outbox instead of sending it (personal links removed). */
  smtpUrl?: string;
  from: string;
}

export interface Mailer {
  /** Sends the mail, or keeps it in the outbox; says which. */
  send(mail: Mail): Promise<'sent' | 'outbox'>;
}

/**
 * Outgoing mail for every part of the app: password resets, invitations, reminders. Nothing here
 * logs a mail's body, its links or its recipient, and the outbox never keeps a personal link:
 * mail kept there reaches nobody, and whoever reads it must not be able to act as its recipient.
 */
export function createMailer({ smtpUrl, from }: MailSettings): Mailer {
  let transport: Transporter | undefined;
  return {
    async send(mail) {
      const { to, subject, text, html, kind } = mailSchema.parse(mail);
      if (!smtpUrl) {
        await keepInOutbox({ to, subject, text, html, kind });
        return 'outbox';
      }
      transport ??= createTransport(smtpUrl);
      await transport.sendMail({ from, to, subject, text, html });
      return 'sent';
    },
  };
}

let mailer: Mailer | undefined;

/** Sends through SMTP_URL, or into the outbox at /settings/outbox (without personal links). */
export function sendMail(mail: Mail): Promise<'sent' | 'outbox'> {
  if (!mailer) {
    const env = getEnv();
    mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  }
  return mailer.send(mail);
}

/** True when mail is kept in the outbox rather than sent. */
export function mailGoesToOutbox(): boolean {
  return !getEnv().SMTP_URL;
}
