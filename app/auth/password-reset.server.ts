import { createHash, randomBytes } from 'node:crypto';

import type { Types } from 'mongoose';

import { PasswordResetModel } from '../../models/password-reset.server';
import { PersonModel } from '../../models/person.server';
import { mailWords } from '../i18n';
import { appUrl, getEnv } from '../utils/env.server';
import { escapeHtml } from '../utils/escape-html';
import { createLogger } from '../utils/log.server';
import { type Mail, sendMail } from '../utils/mail.server';
import { endSessionsOf } from '../utils/session.server';
import { hashPassword } from './password.server';
import { signInLimits } from './sign-in-limits.server';

const resetLinkLifetimeMinutes = 60;
// Enough for a lost first e-mail; more would let anyone fill a colleague's inbox.
const maxLiveLinksPerPerson = 3;

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * E-mails a single-use link that lets a staff member choose a new password. Does nothing, and
 * says nothing, for an address that is not an active staff member: the caller answers alike.
 */
export async function requestPasswordReset(
  email: string,
  {
    appUrl,
    send = sendMail,
  }: {
    appUrl: string;
    /** How the mail leaves: sendMail (SMTP, or the outbox without its link); tests capture it. */
    send?: (mail: Mail) => Promise<unknown>;
  },
) {
  const person = await PersonModel.findOne(
    { emailKey: email.trim().toLowerCase(), active: true },
    { name: 1, email: 1, hrAdmin: 1, leaderOf: 1, language: 1 },
  ).lean();
  if (!person || (!person.hrAdmin && person.leaderOf.length === 0)) return;
  const live = await PasswordResetModel.countDocuments({
    personId: person._id,
    usedAt: null,
    expiresAt: { $gt: new Date() },
  });
  if (live >= maxLiveLinksPerPerson) return;

  const link = await createPasswordLink(person._id, resetLinkLifetimeMinutes * 60_000, appUrl);
  // In the language the person chose for staff pages: whoever asked may not read English.
  const t = mailWords(person.language);
  await send({
    to: person.email,
    subject: t('passwordReset.subject'),
    text: [
      t('greeting', { name: person.name }),
      '',
      t('passwordReset.lead'),
      '',
      link,
      '',
      t('passwordReset.closing'),
    ].join('\n'),
    html: [
      `<p>${escapeHtml(t('greeting', { name: person.name }))}</p>`,
      `<p>${escapeHtml(t('passwordReset.lead'))}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(t('passwordReset.linkText'))}</a></p>`,
      `<p>${escapeHtml(t('passwordReset.closing'))}</p>`,
    ].join('\n'),
    kind: 'password-reset',
  });
}

/**
 * A single-use link to choose a password: a random token, of which only the hash is stored.
 * Password resets and invitations of new staff (./staff-invitation.server.ts) both use it.
 */
export async function createPasswordLink(
  personId: Types.ObjectId,
  lifetimeMs: number,
  appUrl: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await PasswordResetModel.create({
    tokenHash: hashOf(token),
    personId,
    expiresAt: new Date(Date.now() + lifetimeMs),
  });
  return `${appUrl}/reset-password/${token}`;
}

/**
 * Starts requestPasswordReset without waiting for it: the answer to the form then takes as long
 * for an unknown address as for a staff member's, whose e-mail may take seconds to send.
 */
export function startPasswordReset(email: string): void {
  const env = getEnv();
  requestPasswordReset(email, { appUrl: appUrl(env) }).catch((error: unknown) => {
    // Only the error's code: messages from mail servers may quote the recipient.
    const code =
      error instanceof Error ? ('code' in error ? String(error.code) : error.name) : 'unknown';
    createLogger(env.LOG_LEVEL).error(`A password reset e-mail could not be sent (${code})`);
  });
}

/** True while the link's token is unused and unexpired; reading it does not use it up. */
export async function isResetLinkValid(token: string): Promise<boolean> {
  const reset = await PasswordResetModel.exists({
    tokenHash: hashOf(token),
    usedAt: null,
    expiresAt: { $gt: new Date() },
  });
  return reset !== null;
}

export type ResetResult = { ok: true; personId: string } | { ok: false };

/**
 * Sets a new password through a link. The token is marked used in the same update that accepts
 * it, so two submissions cannot both succeed. Afterwards every other link of the person stops
 * working, every session they had ends, and their failed sign-ins are forgotten.
 */
export async function resetPassword(token: string, newPassword: string): Promise<ResetResult> {
  const now = new Date();
  const reset = await PasswordResetModel.findOneAndUpdate(
    { tokenHash: hashOf(token), usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
  ).lean();
  if (!reset) return { ok: false };

  const person = await PersonModel.findOne(
    { _id: reset.personId, active: true },
    { email: 1, hrAdmin: 1, leaderOf: 1 },
  ).lean();
  if (!person || (!person.hrAdmin && person.leaderOf.length === 0)) return { ok: false };

  await PersonModel.updateOne(
    { _id: person._id },
    { $set: { passwordHash: await hashPassword(newPassword) } },
  );
  await PasswordResetModel.deleteMany({ personId: person._id, _id: { $ne: reset._id } });
  await endSessionsOf(person._id);
  await signInLimits().recordSuccess({ email: person.email });
  return { ok: true, personId: String(person._id) };
}
