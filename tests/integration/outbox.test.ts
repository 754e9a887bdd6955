import { createHash } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { runSchedulerOnce } from '../../app/surveys/scheduler.server';
import { sendMail } from '../../app/utils/mail.server';
import { InviteModel } from '../../models/invite.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { PasswordResetModel } from '../../models/password-reset.server';
import { createDepartment, createPerson } from '../factories/staff';
import { makeSurvey } from '../factories/survey';
import { startAppForFile } from '../support/app-for-file';
import { httpClient } from '../support/http-client';

// The attack: with no mail server, an HR admin reads the outbox to take over a leader's account
// through a password reset they asked for, or to answer as an employee through their invitation.
// Everything HR can read — the outbox pages and, for a database reader, the stored mails — is
// searched for a working token. None may be found.
vi.stubEnv('SMTP_URL', '');
const app = startAppForFile('outbox-attack');

const password = 'a long staff password';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Every page of the outbox an HR admin can open, as HTML. */
async function outboxPages(hr: ReturnType<typeof httpClient>): Promise<string[]> {
  const list = await (await hr.get('/settings/outbox')).text();
  const ids = [...list.matchAll(/href="\/settings\/outbox\/([a-f\d]{24})"/g)].map(
    (match) => match[1],
  );
  expect(ids.length).toBeGreaterThan(0);
  const pages = [list];
  for (const id of ids) pages.push(await (await hr.get(`/settings/outbox/${id}`)).text());
  return pages;
}

/** Everything that could be a token: runs of URL-safe characters, decoded from HTML. */
function candidatesIn(texts: string[]): Set<string> {
  const candidates = new Set<string>();
  for (const text of texts) {
    for (const match of text.replace(/&#x2F;|&#47;/g, '/').matchAll(/[\w-]{16,}/g)) {
      candidates.add(match[0]);
    }
  }
  return candidates;
}

describe('an HR admin reading the outbox', () => {
  it('finds no link to complete a password reset asked for another staff member', async () => {
    const people = await createDepartment({ name: 'People', kind: 'support' });
    await createPerson({
      email: 'ana@example.com',
      hrAdmin: true,
      departmentId: people._id,
      password,
    });
    const lee = await createPerson({
      name: 'Lee',
      email: 'lee@example.com',
      leaderOf: [people._id],
      password,
    });

    // Anyone may ask for a reset link for Lee; it goes to the outbox, not to Lee.
    expect(
      (await httpClient(app.url).post('/forgot-password', { email: 'lee@example.com' })).status,
    ).toBe(200);
    await vi.waitFor(async () =>
      expect(await OutboxMailModel.countDocuments({ to: 'lee@example.com' })).toBe(1),
    );
    const [reset] = await PasswordResetModel.find({ personId: lee._id }).lean();
    expect(reset).toBeDefined();

    const hr = httpClient(app.url);
    expect((await hr.post('/login', { email: 'ana@example.com', password })).status).toBe(302);
    const pages = await outboxPages(hr);
    const stored = JSON.stringify(await OutboxMailModel.find().lean());
    const candidates = candidatesIn([...pages, stored]);
    expect(candidates.size).toBeGreaterThan(0);
    for (const candidate of candidates) {
      expect(sha256(candidate), `"${candidate}" is Lee's reset token`).not.toBe(reset?.tokenHash);
    }
    expect(pages.join('\n')).not.toContain('/reset-password/');
    expect(stored).not.toContain('/reset-password/');
    // The outbox still says that a reset link was sent to Lee.
    expect(pages[0]).toContain('Reset your Innerloop password');
    expect(pages.join('\n')).toContain('[personal link — never kept in the outbox]');
    // Trying them all, as the attacker would, changes nothing.
    for (const candidate of candidates) {
      const tried = await hr.post(`/reset-password/${candidate}`, {
        password: 'taken over by HR',
        confirmPassword: 'taken over by HR',
      });
      expect(tried.status).not.toBe(302);
    }
    const lees = httpClient(app.url);
    expect((await lees.post('/login', { email: 'lee@example.com', password })).status).toBe(302);
    expect(await PasswordResetModel.countDocuments({ personId: lee._id, usedAt: null })).toBe(1);
  });

  it('tells a staff member on the reset page that no link can reach them', async () => {
    const page = await (await httpClient(app.url).get('/forgot-password')).text();
    expect(page).toContain('This installation has no mail server (SMTP_URL)');
  });

  it('finds no invitation or reminder link to answer as an employee', async () => {
    const kitchen = await createDepartment({ name: 'Kitchen' });
    await createPerson({ email: 'ana@example.com', hrAdmin: true, password });
    for (const name of ['Kai', 'Ola', 'Pia']) {
      await createPerson({
        name,
        email: `${name.toLowerCase()}@example.com`,
        departmentId: kitchen._id,
      });
    }
    await makeSurvey({ audienceIds: [kitchen._id] });
    // The cycle opens (invitations), then its reminder goes out: all into the outbox.
    const delivery = { send: sendMail, appUrl: app.url };
    expect(
      (await runSchedulerOnce(new Date('2026-01-05T08:00:00Z'), { delivery })).invitesSent,
    ).toBe(3);
    expect(
      (await runSchedulerOnce(new Date('2026-01-08T08:00:00Z'), { delivery })).remindersSent,
    ).toBe(3);
    expect(await OutboxMailModel.countDocuments()).toBe(6);

    const hr = httpClient(app.url);
    expect((await hr.post('/login', { email: 'ana@example.com', password })).status).toBe(302);
    const pages = await outboxPages(hr);
    const stored = JSON.stringify(await OutboxMailModel.find().lean());
    const invites = await InviteModel.find().lean();
    const hashes = new Set(
      invites.flatMap((invite) => [invite.tokenHash, invite.reminderTokenHash]),
    );
    // Three invitation links and three reminder links, all live.
    expect(hashes.size).toBe(6);
    for (const candidate of candidatesIn([...pages, stored])) {
      expect(hashes.has(sha256(candidate)), `"${candidate}" is an answer link`).toBe(false);
    }
    expect(`${pages.join('\n')}${stored}`).not.toMatch(/\/a\/[\w-]/);
  });
});
