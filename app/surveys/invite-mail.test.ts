import { describe, expect, it } from 'vitest';

import { languageCodes } from '../../models/vocabulary';
import { inviteMail } from './invite-mail';

const base = {
  name: 'Ola',
  title: { en: 'Weekly pulse', nb: 'Ukentlig puls' },
  defaultLanguage: 'en' as const,
  link: 'https://pulse.example/a/token-123',
  closesAt: new Date('2026-01-10T08:00:00Z'),
  timeZone: 'Europe/Oslo',
  length: { minutes: 5, questions: 28 },
};

describe('inviteMail', () => {
  it.each(languageCodes)(
    'writes the invitation and the reminder in %s, with the link and closing time',
    (language) => {
      const invite = inviteMail({ ...base, kind: 'invite', language });
      const reminder = inviteMail({ ...base, kind: 'reminder', language });
      for (const mail of [invite, reminder]) {
        expect(mail.text).toContain(base.link);
        expect(mail.html).toContain(`href="${base.link}"`);
        expect(mail.text).toContain('Ola');
        // 09:00 in Oslo, written the way the language writes it.
        expect(mail.text).toMatch(/\b0?9[.:]00/);
      }
      expect(invite.subject).not.toBe(reminder.subject);
      expect(invite.subject).toContain(language === 'nb' ? 'Ukentlig puls' : 'Weekly pulse');
    },
  );

  it('writes each language in its own words', () => {
    const subjects = languageCodes.map(
      (language) => inviteMail({ ...base, kind: 'invite', language }).text,
    );
    expect(new Set(subjects).size).toBe(languageCodes.length);
    expect(inviteMail({ ...base, kind: 'invite', language: 'nb' }).text).toMatch(
      /lørdag 10\. januar 2026/,
    );
    expect(inviteMail({ ...base, kind: 'invite', language: 'uk' }).text).toMatch(/10 січня 2026/);
  });

  it.each(languageCodes)(
    'links to the department’s board in %s, after the personal link',
    (language) => {
      const boardLink = 'https://pulse.example/board/Vb3kq0Zt7xYw2LmN4pQrSg';
      for (const kind of ['invite', 'reminder'] as const) {
        const mail = inviteMail({ ...base, kind, language, boardLink });
        expect(mail.text).toContain(boardLink);
        expect(mail.text.indexOf(boardLink)).toBeGreaterThan(mail.text.indexOf(base.link));
        expect(mail.html).toContain(`href="${boardLink}"`);
        expect(mail.html.match(/<a href=/g)).toHaveLength(2);
      }
      const without = inviteMail({ ...base, kind: 'invite', language });
      expect(without.text).not.toContain('/board');
      expect(without.html.match(/<a href=/g)).toHaveLength(1);
    },
  );

  it.each(languageCodes)('states the real length in %s, not "about a minute"', (language) => {
    const { text, html } = inviteMail({ ...base, kind: 'invite', language });
    expect(text).toMatch(/ 5 (min|хв)[ )]/);
    expect(text).toContain('28');
    expect(html).toMatch(/ 5 (min|хв)[ )]/);
  });

  it('writes the board line in each language’s own words', () => {
    const boardLink = 'https://pulse.example/board/key';
    const lines = languageCodes.map((language) => {
      const { text } = inviteMail({ ...base, kind: 'invite', language, boardLink });
      return text.split('\n').find((line) => line.includes(boardLink));
    });
    expect(new Set(lines).size).toBe(languageCodes.length);
  });

  it('escapes names and titles in the HTML part', () => {
    const mail = inviteMail({
      ...base,
      kind: 'invite',
      language: 'en',
      name: '<b>Eve</b>',
      title: { en: 'A & B' },
    });
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(mail.html).toContain('A &amp; B');
  });
});
