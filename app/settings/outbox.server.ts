import { isValidObjectId } from 'mongoose';

import { OutboxMailModel } from '../../models/outbox-mail.server';

/** The newest mails in the development outbox, without their bodies. */
export async function listOutboxMail(limit = 100) {
  const mails = await OutboxMailModel.find({}, { to: 1, subject: 1, kind: 1, createdAt: 1 })
    .sort({ createdAt: -1 })
    .limit(limit)
    .lean();
  return mails.map((mail) => ({
    id: String(mail._id),
    to: mail.to,
    subject: mail.subject,
    kind: mail.kind,
    createdAt: mail.createdAt.toISOString(),
  }));
}

/** One mail to read, or null for an id that is not one. */
export async function findOutboxMail(id: string) {
  if (!isValidObjectId(id)) return null;
  const mail = await OutboxMailModel.findById(id).lean();
  if (!mail) return null;
  // The text version only: stored HTML is never put into a staff page.
  return {
    id: String(mail._id),
    to: mail.to,
    subject: mail.subject,
    kind: mail.kind,
    text: mail.text,
    createdAt: mail.createdAt.toISOString(),
  };
}
