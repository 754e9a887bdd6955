import { describe, expect, it, vi } from 'vitest';

import { PersonModel } from '../../models/person.server';
import { createDepartment, createPerson } from '../../tests/factories/staff';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loader as publicLoader } from '../routes/_public';
import { loader as staffLoader } from '../routes/_staff';
import { action as chooseLanguage } from '../routes/language';
import { startStaffSession } from './session.server';

vi.stubEnv('SESSION_SECRET', 'staff-language-test-secret-long-enough!');
setupTestDatabase('staff-language');

const context = { cspNonce: '', clientAddress: '127.0.0.1' };

async function sessionCookie(personId: unknown): Promise<string> {
  const setCookie = await startStaffSession(
    new Request('http://localhost/login'),
    String(personId),
  );
  return setCookie.split(';', 1)[0] ?? '';
}

async function localeOf(response: Response): Promise<unknown> {
  const data = (await response.json()) as { locale?: unknown };
  return data.locale;
}

describe('staff page language', () => {
  it('follows the signed-in person, and the switcher saves their choice as their preference', async () => {
    const admin = await createPerson({ hrAdmin: true });
    const cookie = await sessionCookie(admin._id);
    const page = () => new Request('http://localhost/surveys', { headers: { Cookie: cookie } });
    expect(await localeOf(await staffLoader({ request: page(), params: {}, context }))).toBe('en');

    const switched = await chooseLanguage({
      request: new Request('http://localhost/language', {
        method: 'POST',
        headers: { Cookie: cookie },
        body: new URLSearchParams({ lng: 'lv', returnTo: '/surveys' }),
      }),
      params: {},
      context,
    });
    expect(switched.headers.get('Location')).toBe('/surveys');
    expect((await PersonModel.findById(admin._id).lean())?.language).toBe('lv');
    // The preference, not the cookie, decides: the same person on another device reads Latvian.
    expect(await localeOf(await staffLoader({ request: page(), params: {}, context }))).toBe('lv');
  });

  it('changes nobody when no one is signed in', async () => {
    const admin = await createPerson({ hrAdmin: true });
    await chooseLanguage({
      request: new Request('http://localhost/language', {
        method: 'POST',
        body: new URLSearchParams({ lng: 'pt', returnTo: '/login' }),
      }),
      params: {},
      context,
    });
    expect((await PersonModel.findById(admin._id).lean())?.language).toBe('en');
  });

  it('on sign-in and other public pages: the preference, else the switcher cookie, else the browser', async () => {
    const leader = await createPerson({ leaderOf: [(await createDepartment())._id] });
    await PersonModel.updateOne({ _id: leader._id }, { $set: { language: 'uk' } });
    const signedIn = new Request('http://localhost/login', {
      headers: { Cookie: await sessionCookie(leader._id), 'Accept-Language': 'pl' },
    });
    expect(await localeOf(await publicLoader({ request: signedIn, params: {}, context }))).toBe(
      'uk',
    );
    const stranger = new Request('http://localhost/login', {
      headers: { 'Accept-Language': 'nb-NO, en;q=0.5' },
    });
    expect(await localeOf(await publicLoader({ request: stranger, params: {}, context }))).toBe(
      'nb',
    );
  });
});
