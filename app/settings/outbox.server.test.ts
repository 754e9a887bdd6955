import { describe, expect, it } from 'vitest';

import { OutboxMailModel } from '../../models/outbox-mail.server';
import { languageCodes } from '../../models/vocabulary';
import { setupTestDatabase } from '../../tests/support/test-database';
import { actionReminderMail } from '../actions/action-mail';
import { inviteMail } from '../surveys/invite-mail';
import { inviteLink } from '../surveys/invites.server';
import { newToken } from '../surveys/tokens.server';
import { sendMail } from '../utils/mail.server';
import { message } from '../utils/message';
import {
  findOutboxMail,
  htmlWithoutPersonalLinks,
  keepInOutbox,
  listOutboxMail,
  personalLinkPlaceholder,
  removePersonalLinksFromOutbox,
  withoutPersonalLinks,
} from './outbox.server';
import { outboxFiltersSchema } from './outbox-filters';

setupTestDatabase('outbox');

const appUrl = 'https://innerloop.example.com';
const boardLink = `${appUrl}/board/Q2xhcmFCb2FyZEtleQ`;

describe('mail kept in the outbox', () => {
  it.each(languageCodes)(
    'keeps no invitation or reminder link in %s, text or HTML, and keeps the board link',
    async (language) => {
      const { token } = newToken();
      for (const kind of ['invite', 'reminder'] as const) {
        const mail = inviteMail({
          kind,
          language,
          name: 'Ola',
          title: { en: 'Weekly pulse' },
          defaultLanguage: 'en',
          link: inviteLink(appUrl, token),
          boardLink,
          closesAt: new Date('2026-01-10T08:00:00Z'),
          timeZone: 'Europe/Oslo',
          length: { minutes: 1, questions: 3 },
        });
        expect(await sendMail({ to: 'ola@example.com', ...mail, kind })).toBe('outbox');
      }
      const kept = await OutboxMailModel.find().lean();
      expect(kept).toHaveLength(2);
      for (const mail of kept) {
        expect(JSON.stringify(mail)).not.toContain(token);
        expect(JSON.stringify(mail)).not.toContain('/a/');
        expect(mail.text).toContain(personalLinkPlaceholder);
        expect(mail.html).toContain(personalLinkPlaceholder);
        // A department's board is no capability: it stays, as text and as a link.
        expect(mail.text).toContain(boardLink);
        expect(mail.html).toContain(`href="${boardLink}"`);
      }
    },
  );

  it('keeps the link to an action, a staff page behind a sign-in', async () => {
    const link = `${appUrl}/actions/65f0000000000000000000aa`;
    const mail = actionReminderMail('due-soon', {
      ownerName: 'Lee',
      title: 'Fix the rota',
      label: 'Kitchen · Workload',
      dueOn: '2026-03-13',
      link,
    });
    await sendMail({ to: 'lee@example.com', ...mail, kind: 'reminder' });
    expect((await OutboxMailModel.findOne().lean())?.text).toContain(link);
  });
});

describe('withoutPersonalLinks', () => {
  it.each([
    `${appUrl}/a/${'x'.repeat(43)}`,
    `${appUrl}/reset-password/${'y'.repeat(43)}`,
    `${appUrl}/k/abcdefghijklmnopqrstuv`,
    `${appUrl}/receipt?code=ABCD-EFGH`,
    `${appUrl}/board/Q2xhcmFCb2FyZEtleQ?token=abc`,
    `${appUrl}/actions/65f0000000000000000000aa#x`,
    `https://user:pw@innerloop.example.com/board`,
    `${appUrl}/some/future/page`,
    // A token on its own, without an address around it.
    'x'.repeat(43),
  ])('removes %s', (link) => {
    expect(withoutPersonalLinks(`Open ${link}\nThanks`)).toBe(
      `Open ${personalLinkPlaceholder}\nThanks`,
    );
  });

  it.each([appUrl, `${appUrl}/`, `${appUrl}/login`, `${appUrl}/board`, boardLink])(
    'keeps %s',
    (link) => {
      expect(withoutPersonalLinks(`See ${link}`)).toBe(`See ${link}`);
    },
  );

  it('removes a personal link from every form of anchor and leaves its label', () => {
    const token = 'z'.repeat(43);
    const html = [
      `<p><a href="${appUrl}/a/${token}">Answer here</a></p>`,
      `<p><a class="button" href='/reset-password/${token}' target="_blank">Choose a password</a></p>`,
      `<p><a href=${appUrl}/a/${token}>Bare</a> and ${appUrl}/a/${token} in text</p>`,
      `<p><a href="${boardLink}">Board</a></p>`,
    ].join('\n');
    const kept = htmlWithoutPersonalLinks(html);
    expect(kept).not.toContain(token);
    expect(kept).toContain(`<p>Answer here ${personalLinkPlaceholder}</p>`);
    expect(kept).toContain(`<p>Choose a password ${personalLinkPlaceholder}</p>`);
    expect(kept).toContain(`<a href="${boardLink}">Board</a>`);
  });
});

describe('removePersonalLinksFromOutbox', () => {
  it('cleans mail an older version kept with its links, once, and the pages never show one', async () => {
    const token = 'w'.repeat(43);
    const old = await OutboxMailModel.collection.insertOne({
      to: 'ola@example.com',
      subject: 'Weekly pulse: your pulse survey',
      text: `Answer here: ${appUrl}/a/${token}`,
      html: `<a href="${appUrl}/a/${token}">Answer here</a>`,
      kind: 'invite',
      createdAt: new Date(),
    });
    // Before the sweep, the pages already leave the link out.
    const shown = await findOutboxMail(String(old.insertedId));
    expect(JSON.stringify(shown)).not.toContain(token);
    expect(JSON.stringify(await listOutboxMail())).not.toContain(token);

    expect(await removePersonalLinksFromOutbox()).toBe(1);
    expect(await removePersonalLinksFromOutbox()).toBe(0);
    const stored = await OutboxMailModel.findById(old.insertedId).lean();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored?.text).toBe(`Answer here: ${personalLinkPlaceholder}`);
  });
});

describe('listOutboxMail', () => {
  const list = (input: Record<string, string>) => listOutboxMail(outboxFiltersSchema.parse(input));

  it('pages the outbox newest first, 25 to a page, without overlap', async () => {
    for (let i = 0; i < 30; i++) {
      await keepInOutbox({
        to: `person${i}@example.com`,
        subject: `Mail ${String(i).padStart(2, '0')}`,
        text: 'Hello',
        kind: 'reminder',
      });
    }
    const first = await list({});
    const second = await list({ page: '2' });
    expect([first.total, first.pageCount, first.mails.length, second.mails.length]).toEqual([
      30, 2, 25, 5,
    ]);
    const subjects = [...first.mails, ...second.mails].map((mail) => mail.subject);
    expect(subjects).toEqual(
      Array.from({ length: 30 }, (_, i) => `Mail ${String(29 - i).padStart(2, '0')}`),
    );
    // A page past the end shows the last; a page that is no number shows the first and says so.
    expect((await list({ page: '9' })).page).toBe(2);
    const bad = await list({ page: 'two' });
    expect([bad.page, bad.notes]).toEqual([1, ['settings:outbox.badPage']]);
  });

  it('finds mail by recipient or subject, case-insensitively, and never by a removed link', async () => {
    const token = 'k'.repeat(43);
    await keepInOutbox({
      to: 'Ana@Example.com',
      subject: 'Reset',
      text: 'x',
      kind: 'password-reset',
    });
    await keepInOutbox({
      to: 'ola@example.com',
      subject: `Action (overdue) ${appUrl}/a/${token}`,
      text: 'x',
      kind: 'reminder',
    });
    const subjectsFor = async (q: string) => (await list({ q })).mails.map((mail) => mail.subject);
    expect(await subjectsFor('ana@example')).toEqual(['Reset']);
    expect(await subjectsFor('  RESET ')).toEqual(['Reset']);
    expect(await subjectsFor('(OVERDUE)')).toEqual([`Action (overdue) ${personalLinkPlaceholder}`]);
    expect(await subjectsFor('.*')).toEqual([]);
    expect(await subjectsFor('kkkk')).toEqual([]);
    expect((await list({ q: 'example.com' })).total).toBe(2);
    expect(outboxFiltersSchema.safeParse({ q: 'x'.repeat(201) }).error?.issues[0]?.message).toBe(
      message('settings:errors.searchTooLong', { maximum: 200 }),
    );
  });
});
