import { createHash } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { OutboxMailModel } from '../../models/outbox-mail.server';
import { PasswordResetModel } from '../../models/password-reset.server';
import { PersonModel } from '../../models/person.server';
import type { LanguageCode } from '../../models/vocabulary';
import { makeDepartment } from '../../tests/factories/organisation';
import { createPerson as makeStaffPerson } from '../../tests/factories/staff';
import { setupTestDatabase } from '../../tests/support/test-database';
import { createPerson, updatePerson } from '../people/people.server';
import type { PersonInput } from '../people/schemas';
import type { Mail } from '../utils/mail.server';
import { isResetLinkValid, resetPassword } from './password-reset.server';
import { signIn } from './sign-in.server';

// Giving someone a leader or HR role on the people pages invites them to choose a password, in
// their language, with a single-use link; nobody who has a password already is mailed.
vi.stubEnv('SESSION_SECRET', 'staff-invitation-test-secret-long-enough');
vi.stubEnv('SMTP_URL', '');
setupTestDatabase('staff-invitation');

const appUrl = 'https://innerloop.example.com';

async function form(overrides: Partial<PersonInput> = {}): Promise<PersonInput> {
  const department = await makeDepartment(`Department ${Math.random()}`);
  return {
    name: 'Oksana Melnyk',
    email: 'oksana@example.com',
    departmentId: String(department._id),
    language: 'uk',
    leaderOf: [],
    hrAdmin: false,
    active: true,
    ...overrides,
  };
}

function captured() {
  const mails: Mail[] = [];
  const send = (mail: Mail) => Promise.resolve(mails.push(mail));
  const token = () => {
    const found = /\/reset-password\/([\w-]{43})/.exec(mails.at(-1)?.text ?? '')?.[1];
    if (!found) throw new Error('No link was mailed');
    return found;
  };
  return { mails, send, token };
}

describe('inviting new staff', () => {
  it('mails someone newly made a leader, in their language, a single-use link stored hashed', async () => {
    const { mails, send, token } = captured();
    const added = await createPerson(await form(), { appUrl, send });
    if (!added.ok) throw new Error('not added');
    expect(added.invited).toBe(false);
    expect(mails).toHaveLength(0);

    const department = await makeDepartment('Kitchen');
    const input = await form({ leaderOf: [String(department._id)] });
    const saved = await updatePerson(added.personId, input, { appUrl, send });
    expect(saved).toMatchObject({ ok: true, invited: true });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: 'oksana@example.com',
      kind: 'staff-invitation',
      subject: 'Ваш службовий обліковий запис в Innerloop',
    });
    expect(mails[0]?.text).toMatch(/^Вітаємо, Oksana Melnyk!\n\nВам надано роль «Керівник»/);
    expect(mails[0]?.text).toContain(`${appUrl}/login`);

    const link = token();
    const stored = await PasswordResetModel.findOne().lean();
    expect(stored?.tokenHash).toBe(createHash('sha256').update(link).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(link);
    // A week to answer, not the hour of a reset.
    const lifetimeDays = ((stored?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(lifetimeDays).toBeGreaterThan(6.9);

    expect(await resetPassword(link, 'a new password of mine')).toMatchObject({ ok: true });
    expect(await isResetLinkValid(link)).toBe(false);
    expect(await resetPassword(link, 'someone else tries it')).toEqual({ ok: false });
    expect(
      await signIn({
        email: 'oksana@example.com',
        password: 'a new password of mine',
        address: '203.0.113.9',
      }),
    ).toMatchObject({ ok: true });

    // Saving again gives no new role: no new mail.
    await updatePerson(added.personId, { ...input, name: 'Oksana M.' }, { appUrl, send });
    expect(mails).toHaveLength(1);
  });

  it.each<[LanguageCode, string]>([
    ['en', 'You have been given the leader and HR admin roles in Innerloop'],
    ['uk', 'Вам надано ролі «Керівник» та «Адміністратор HR» в Innerloop'],
    ['nb', 'Du har fått rollene «leder» og «HR-administrator» i Innerloop'],
    ['pt', 'Foram-lhe atribuídas as funções «Liderança» e «Administração de RH» no Innerloop'],
    ['pl', 'W Innerloop przyznano Ci role „Lider” i „Administrator HR”.'],
    ['lv', 'Jums Innerloop ir piešķirtas lomas “Vadība” un “Personāla administrēšana”.'],
  ])(
    'keeps the mail in the outbox in the person’s language (%s), without its link',
    async (language, words) => {
      const department = await makeDepartment('Bakery');
      const added = await createPerson(
        await form({ language, hrAdmin: true, leaderOf: [String(department._id)] }),
        { appUrl },
      );
      expect(added).toMatchObject({ ok: true, invited: true });
      const kept = await OutboxMailModel.findOne({ kind: 'staff-invitation' }).lean();
      expect(kept?.to).toBe('oksana@example.com');
      expect(kept?.text).toContain(words);
      expect(kept?.text).not.toMatch(/reset-password/);
    },
  );

  it('writes the link in both parts in the person’s language, one role named alone', async () => {
    const { mails, send, token } = captured();
    const department = await makeDepartment('Kuchnia');
    const added = await createPerson(
      await form({ language: 'pl', leaderOf: [String(department._id)] }),
      { appUrl, send },
    );
    expect(added).toMatchObject({ ok: true, invited: true });
    const link = `${appUrl}/reset-password/${token()}`;
    expect(mails[0]?.subject).toBe('Twoje konto w Innerloop');
    expect(mails[0]?.text.split('\n')).toEqual([
      'Dzień dobry, Oksana Melnyk!',
      '',
      'W Innerloop przyznano Ci rolę „Lider”. W tym systemie Twoja organizacja prowadzi ankiety pulsowe wśród pracowników i przegląda ich wyniki.',
      '',
      'Aby się zalogować, najpierw ustaw hasło, korzystając z tego linku. Działa jeden raz, przez 7 dni:',
      '',
      link,
      '',
      `Następnie loguj się na ${appUrl}/login, podając ten adres e-mail.`,
      '',
      'Jeśli nie spodziewasz się tej wiadomości, zignoruj ją: nic się nie zmieni, dopóki nie ustawisz hasła.',
    ]);
    expect(mails[0]?.html).toContain(`<p><a href="${link}">Ustaw hasło</a></p>`);
  });

  it('mails nobody who has a password already, or who is inactive', async () => {
    const { mails, send } = captured();
    const department = await makeDepartment('Kitchen');
    const withPassword = await makeStaffPerson({
      email: 'lee@example.com',
      departmentId: department._id,
      password: 'an old password 123',
    });
    const base = await form({ email: 'lee@example.com' });
    const saved = await updatePerson(
      String(withPassword._id),
      { ...base, hrAdmin: true },
      {
        appUrl,
        send,
      },
    );
    expect(saved).toMatchObject({ ok: true, invited: false });

    const inactive = await createPerson(
      await form({ email: 'gone@example.com', hrAdmin: true, active: false }),
      { appUrl, send },
    );
    expect(inactive).toMatchObject({ ok: true, invited: false });
    expect(mails).toHaveLength(0);
    expect(await PasswordResetModel.countDocuments()).toBe(0);
    expect(await PersonModel.countDocuments({ hrAdmin: true })).toBe(2);
  });
});
