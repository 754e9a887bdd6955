import { createHash } from 'node:crypto';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { OutboxMailModel } from '../../models/outbox-mail.server';
import { PasswordResetModel } from '../../models/password-reset.server';
import { PersonModel } from '../../models/person.server';
import { StaffSessionModel } from '../../models/staff-session.server';
import { redactPath } from '../../server/request-log';
import { createDepartment, createPerson } from '../../tests/factories/staff';
import { setupTestDatabase } from '../../tests/support/test-database';
import type { Mail } from '../utils/mail.server';
import { createSessionRecord } from '../utils/session.server';
import { verifyPassword } from './password.server';
import { isResetLinkValid, requestPasswordReset, resetPassword } from './password-reset.server';
import { signIn } from './sign-in.server';

vi.stubEnv('SESSION_SECRET', 'password-reset-test-secret-long-enough');
setupTestDatabase('password-reset');

const appUrl = 'https://innerloop.example.com';

async function leader(email = 'lee@example.com') {
  const department = await createDepartment();
  return createPerson({
    email,
    name: 'Lee <Ader>',
    leaderOf: [department._id],
    password: 'old password 123',
  });
}

// Mail as it leaves for the recipient (through SMTP in production), captured here.
let mailbox: Mail[] = [];
beforeEach(() => {
  mailbox = [];
});
const send = (mail: Mail) => Promise.resolve(mailbox.push(mail));
const request = (email: string) => requestPasswordReset(email, { appUrl, send });

/** The token from the one link in the newest mail sent. */
function mailedToken(): Promise<string> {
  const token = /\/reset-password\/([\w-]+)/.exec(mailbox.at(-1)?.text ?? '')?.[1];
  if (!token) throw new Error('No reset link was mailed');
  return Promise.resolve(token);
}

describe('requestPasswordReset', () => {
  it('mails a staff member a link to this site and stores only a hash of its token', async () => {
    await leader();
    await request('LEE@example.com');
    const mails = mailbox;
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: 'lee@example.com',
      kind: 'password-reset',
      subject: 'Reset your Innerloop password',
    });
    expect(mails[0]?.text).toMatch(/^Hello Lee <Ader>,/);
    expect(mails[0]?.html).toContain('Hello Lee &lt;Ader&gt;,');
    const token = await mailedToken();
    expect(mails[0]?.text).toContain(`${appUrl}/reset-password/${token}`);
    // The request log never shows the token of a link being opened.
    expect(redactPath(`/reset-password/${token}`)).toBe('/reset-password/:redacted');
    const stored = await PasswordResetModel.find().lean();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const minutes = ((stored[0]?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
  });

  it('writes to the staff member in the language they chose for staff pages', async () => {
    const person = await leader('pl@example.com');
    await PersonModel.updateOne({ _id: person._id }, { $set: { language: 'pl' } });
    await request('pl@example.com');
    const mail = mailbox.at(-1);
    expect(mail?.subject).toBe('Zresetuj hasło do Innerloop');
    expect(mail?.text).toMatch(/^Dzień dobry, Lee <Ader>,/);
    expect(mail?.text).toContain('otwórz ten link w ciągu godziny');
    expect(mail?.html).toContain('>Ustaw nowe hasło</a>');
    expect(mail?.text).toContain(`${appUrl}/reset-password/${await mailedToken()}`);
  });

  it('sends nothing for an unknown address, an employee or a deactivated leader', async () => {
    await createPerson({ email: 'employee@example.com' });
    const gone = await leader('gone@example.com');
    await PersonModel.updateOne({ _id: gone._id }, { active: false });
    for (const email of ['nobody@example.com', 'employee@example.com', 'gone@example.com']) {
      await request(email);
    }
    expect(mailbox).toHaveLength(0);
    expect(await PasswordResetModel.countDocuments()).toBe(0);
  });

  it('keeps at most three live links per person, so nobody can flood an inbox', async () => {
    await leader();
    for (let attempt = 0; attempt < 5; attempt++) await request('lee@example.com');
    expect(mailbox).toHaveLength(3);
  });

  it('without a mail server keeps the mail in the outbox, but never its link', async () => {
    const lee = await leader();
    // sendMail, with no SMTP_URL: into the outbox every HR admin reads.
    await requestPasswordReset('lee@example.com', { appUrl });
    const [kept] = await OutboxMailModel.find().lean();
    expect(kept).toMatchObject({ to: 'lee@example.com', kind: 'password-reset' });
    expect(kept?.text).toContain('[personal link — never kept in the outbox]');
    expect(kept?.html).toContain('[personal link — never kept in the outbox]');
    const stored = JSON.stringify(kept);
    expect(stored).not.toContain('/reset-password/');
    // Nothing in the stored mail is the token: no run of characters in it hashes to the link's.
    const [reset] = await PasswordResetModel.find().lean();
    for (const candidate of stored.match(/[\w-]{16,}/g) ?? []) {
      expect(createHash('sha256').update(candidate).digest('hex')).not.toBe(reset?.tokenHash);
      expect((await resetPassword(candidate, 'taken over!!')).ok).toBe(false);
    }
    const person = await PersonModel.findById(lee._id).select('+passwordHash').lean();
    expect(await verifyPassword('old password 123', person?.passwordHash ?? '')).toBe(true);
  });
});

describe('resetPassword', () => {
  it('sets the new password once, ends old sessions and refuses the link the second time', async () => {
    const lee = await leader();
    await createSessionRecord(lee._id);
    await request('lee@example.com');
    const token = await mailedToken();

    expect(await isResetLinkValid(token)).toBe(true);
    expect(await resetPassword(token, 'brand new password')).toEqual({
      ok: true,
      personId: String(lee._id),
    });
    const person = await PersonModel.findById(lee._id).select('+passwordHash').lean();
    expect(await verifyPassword('brand new password', person?.passwordHash ?? '')).toBe(true);
    expect(await StaffSessionModel.countDocuments()).toBe(0);

    expect(await isResetLinkValid(token)).toBe(false);
    expect(await resetPassword(token, 'another password!')).toEqual({ ok: false });
    const unchanged = await PersonModel.findById(lee._id).select('+passwordHash').lean();
    expect(unchanged?.passwordHash).toBe(person?.passwordHash);
  });

  it('lets only one of two simultaneous uses of a link succeed', async () => {
    await leader();
    await request('lee@example.com');
    const token = await mailedToken();
    const results = await Promise.all([
      resetPassword(token, 'first new password'),
      resetPassword(token, 'second new password'),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    await leader();
    await request('lee@example.com');
    const token = await mailedToken();
    await PasswordResetModel.updateMany({}, { expiresAt: new Date(Date.now() - 1) });
    expect(await isResetLinkValid(token)).toBe(false);
    expect(await resetPassword(token, 'brand new password')).toEqual({ ok: false });
  });

  it('refuses a made-up token', async () => {
    expect(await isResetLinkValid('made-up')).toBe(false);
    expect(await resetPassword('made-up', 'brand new password')).toEqual({ ok: false });
  });

  it('retires the other links of the person once one is used', async () => {
    await leader();
    await request('lee@example.com');
    const first = await mailedToken();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await request('lee@example.com');
    const second = await mailedToken();
    expect(second).not.toBe(first);
    expect((await resetPassword(second, 'brand new password')).ok).toBe(true);
    expect(await resetPassword(first, 'another password!')).toEqual({ ok: false });
  });

  it('refuses the link of someone who lost their staff role meanwhile', async () => {
    const lee = await leader();
    await request('lee@example.com');
    await PersonModel.updateOne({ _id: lee._id }, { leaderOf: [] });
    expect(await resetPassword(await mailedToken(), 'brand new password')).toEqual({ ok: false });
  });

  it('clears the failed sign-ins of the account, so a locked-out leader gets back in', async () => {
    const lee = await leader();
    const noWait = () => Promise.resolve();
    for (let failure = 0; failure < 5; failure++) {
      await signIn(
        { email: 'lee@example.com', password: 'guess', address: `10.9.0.${failure}` },
        { wait: noWait },
      );
    }
    expect(
      await signIn(
        { email: 'lee@example.com', password: 'old password 123', address: '10.9.1.1' },
        { wait: noWait },
      ),
    ).toMatchObject({ reason: 'locked' });
    await request('lee@example.com');
    await resetPassword(await mailedToken(), 'brand new password');
    expect(
      await signIn(
        { email: 'lee@example.com', password: 'brand new password', address: '10.9.1.1' },
        { wait: noWait },
      ),
    ).toEqual({ ok: true, personId: String(lee._id) });
  });
});
