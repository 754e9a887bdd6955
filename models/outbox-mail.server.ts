import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/** What an e-mail is for; later issues add their own kinds here. */
export const mailKinds = [
  'password-reset',
  'invite',
  'reminder',
  'staff-invitation',
  'action-assigned',
] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * An e-mail kept instead of sent, while no SMTP_URL is set: the outbox HR admins read at
 * /settings/outbox. It never holds a personal link (app/settings/outbox.server.ts removes them
 * before a mail is stored), so nothing here lets its reader act as the recipient.
 */
const outboxMailSchema = new Schema({
  to: { type: String, required: true },
  subject: { type: String, required: true },
  text: { type: String, required: true },
  html: { type: String, default: null },
  kind: { type: String, enum: mailKinds, required: true },
  // Set on every mail stored without personal links; a start-up sweep cleans mail without it.
  linksRemoved: { type: Boolean },
  createdAt: { type: Date, required: true, default: () => new Date() },
});

// A place to look at recent mail, not an archive: kept 30 days. The same index sorts the list.
outboxMailSchema.index({ createdAt: 1 }, { expireAfterSeconds: 30 * 24 * 60 * 60 });

export type OutboxMail = InferSchemaType<typeof outboxMailSchema> & {
  _id: mongoose.Types.ObjectId;
};

export const OutboxMailModel =
  (mongoose.models.OutboxMail as mongoose.Model<OutboxMail> | undefined) ??
  mongoose.model<OutboxMail>('OutboxMail', outboxMailSchema);
