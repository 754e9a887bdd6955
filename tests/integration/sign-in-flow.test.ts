import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { OutboxMailModel } from '../../models/outbox-mail.server';
import { PersonModel } from '../../models/person.server';
import { StaffSessionModel } from '../../models/staff-session.server';
import { createDepartment, createPerson } from '../factories/staff';
import { type AppUnderTest, startAppUnderTest } from '../support/app-under-test';
import { httpClient } from '../support/http-client';
import { linkToken, type MailCatcher, startMailCatcher } from '../support/mail-catcher';
import { setupTestDatabase } from '../support/test-database';

// Sign-in, sign-out, password reset and first-run setup through the real app over HTTP. Mail
// goes out through SMTP to a catcher, as it would to the staff member's inbox.
vi.stubEnv('SESSION_SECRET', 'sign-in-flow-test-secret-long-enough!!');
setupTestDatabase('sign-in-flow');

let app: AppUnderTest;
let inbox: MailCatcher;
beforeAll(async () => {
  inbox = await startMailCatcher();
  vi.stubEnv('SMTP_URL', inbox.url);
  app = await startAppUnderTest('sign-in-flow');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await inbox?.close();
});

const password = 'a long staff password';

async function hrAdmin(email = 'ana@example.com') {
  const department = await createDepartment({ name: 'People & Culture', kind: 'support' });
  return createPerson({
    name: 'Ana Lima',
    email,
    hrAdmin: true,
    departmentId: department._id,
    password,
  });
}

async function signedIn(email = 'ana@example.com') {
  const client = httpClient(app.url);
  const response = await client.post('/login', { email, password });
  expect(response.status).toBe(302);
  return client;
}

describe('signing in', () => {
  it('sends a signed-out visitor to sign in and back to the page they wanted', async () => {
    await hrAdmin();
    const client = httpClient(app.url);
    const refused = await client.get('/surveys?tab=all');
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/login?redirectTo=%2Fsurveys%3Ftab%3Dall');

    const response = await client.post('/login', {
      email: 'ANA@example.com',
      password,
      redirectTo: '/surveys?tab=all',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/surveys?tab=all');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^innerloop_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const page = await client.get('/surveys');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Account menu for Ana Lima');
    expect(html).toContain('ana@example.com');
  });

  it('never sends a signed-in person off the site', async () => {
    await hrAdmin();
    const client = httpClient(app.url);
    const response = await client.post('/login', {
      email: 'ana@example.com',
      password,
      redirectTo: '//evil.example/phish',
    });
    expect(response.headers.get('location')).toBe('/insights');
  });

  it('refuses a wrong password with the generic message, keeping the email but not the password', async () => {
    await hrAdmin();
    const response = await httpClient(app.url).post('/login', {
      email: 'ana@example.com',
      password: 'not the password',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).toContain('That email and password do not match a staff account.');
    expect(html).toContain('value="ana@example.com"');
    expect(html).not.toContain('not the password');
  });

  it('refuses an employee without a staff role with the same message', async () => {
    await createPerson({ email: 'emil@example.com', password });
    const response = await httpClient(app.url).post('/login', {
      email: 'emil@example.com',
      password,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      'That email and password do not match a staff account.',
    );
  });

  it('answers bad input with 400 and a message beside each field, never 500', async () => {
    const client = httpClient(app.url);
    const empty = await client.post('/login', {});
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('Enter your email address.');
    expect(html).toContain('Enter your password.');
    expect(html).toMatch(/aria-describedby="[^"]+-error"/);

    const notAForm = await fetch(`${app.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: '{"email":',
    });
    expect(notAForm.status).toBe(400);
  });

  it('refuses a sign-in posted from another site', async () => {
    await hrAdmin();
    const response = await httpClient(app.url).post(
      '/login',
      { email: 'ana@example.com', password },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(response.status).toBe(403);
    expect(await StaffSessionModel.countDocuments()).toBe(0);
  });

  it('gives a new session id at sign-in and ends the old one', async () => {
    await hrAdmin();
    const client = await signedIn();
    const before = client.cookie;
    await client.post('/login', { email: 'ana@example.com', password });
    expect(client.cookie).not.toBe(before);
    expect((await client.get('/insights')).status).toBe(200);
    expect((await httpClient(app.url, before).get('/insights')).status).toBe(302);
    expect(await StaffSessionModel.countDocuments()).toBe(1);
  });

  it('refuses further tries for a while after repeated failures, with the lockout message', async () => {
    await hrAdmin();
    const client = httpClient(app.url);
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.post('/login', { email: 'ana@example.com', password: `guess ${attempt}` });
    }
    const locked = await client.post('/login', { email: 'ana@example.com', password });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Too many failed sign-ins.');
  }, 30_000);
});

describe('signing out', () => {
  it('ends the session on the server and clears the cookie', async () => {
    await hrAdmin();
    const client = await signedIn();
    const cookie = client.cookie;
    const response = await client.post('/logout');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toMatch(/^innerloop_session=; Max-Age=0/);
    expect((await httpClient(app.url, cookie).get('/insights')).status).toBe(302);
    expect(await StaffSessionModel.countDocuments()).toBe(0);
  });

  it('does not sign out on a GET', async () => {
    await hrAdmin();
    const client = await signedIn();
    expect((await client.get('/logout')).status).toBe(302);
    expect((await client.get('/insights')).status).toBe(200);
  });
});

describe('losing access', () => {
  it.each([
    ['deactivated', { active: false }],
    ['no longer staff', { hrAdmin: false, leaderOf: [] }],
  ])('ends at the next request once the person is %s', async (_case, change) => {
    const ana = await hrAdmin();
    const client = await signedIn();
    expect((await client.get('/insights')).status).toBe(200);
    await PersonModel.updateOne({ _id: ana._id }, change);
    const response = await client.get('/insights');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/login/);
  });
});

describe('password reset', () => {
  async function mailedToken(): Promise<string> {
    // The mail leaves in the background, after the page has answered.
    const mail = await inbox.waitFor(
      (caught) => caught.to.includes('ana@example.com') && !!linkToken(caught, 'reset-password'),
    );
    return linkToken(mail, 'reset-password') ?? '';
  }

  it('mails a single-use link that sets a new password and signs the person in', async () => {
    await hrAdmin();
    const visitor = httpClient(app.url);
    // A mail server is set, so the page promises the link without a caveat.
    expect(await (await visitor.get('/forgot-password')).text()).not.toContain('no mail server');
    const asked = await visitor.post('/forgot-password', { email: 'ana@example.com' });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('If ana@example.com belongs to a staff account');
    const token = await mailedToken();

    const form = await visitor.get(`/reset-password/${token}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('New password again');

    const mismatch = await visitor.post(`/reset-password/${token}`, {
      password: 'my new password',
      confirmPassword: 'my new passwort',
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('The two passwords differ.');

    const done = await visitor.post(`/reset-password/${token}`, {
      password: 'my new password',
      confirmPassword: 'my new password',
    });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/insights');
    expect((await visitor.get('/insights')).status).toBe(200);

    const reused = await httpClient(app.url).post(`/reset-password/${token}`, {
      password: 'someone elses password',
      confirmPassword: 'someone elses password',
    });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('This link has expired or was already used.');
    expect(await (await httpClient(app.url).get(`/reset-password/${token}`)).text()).toContain(
      'This link has expired or was already used.',
    );

    const signIn = await httpClient(app.url).post('/login', {
      email: 'ana@example.com',
      password: 'my new password',
    });
    expect(signIn.status).toBe(302);
  });

  it('answers an unknown address exactly like a known one and mails nothing', async () => {
    const response = await httpClient(app.url).post('/forgot-password', {
      email: 'nobody@example.com',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('If nobody@example.com belongs to a staff account');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inbox.mails.filter((mail) => mail.to.includes('nobody@example.com'))).toEqual([]);
    expect(await OutboxMailModel.countDocuments()).toBe(0);
  });
});

describe('first-run setup', () => {
  it('creates the first HR admin, signs them in, then closes for good', async () => {
    const visitor = httpClient(app.url);
    for (const page of ['/', '/login']) {
      expect(await (await visitor.get(page)).text()).toContain('href="/setup"');
    }
    expect((await visitor.get('/setup')).status).toBe(200);

    const bad = await visitor.post('/setup', { name: '', email: 'ana', password: 'short' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Enter your name.');
    expect(html).toContain('Use at least 10 characters.');
    expect(html).toContain('value="ana"');
    expect(await PersonModel.countDocuments()).toBe(0);

    const done = await visitor.post('/setup', {
      name: 'Ana Lima',
      email: 'ana@example.com',
      password,
      confirmPassword: password,
    });
    expect(done.status).toBe(302);
    // The first-run checklist is on the surveys page.
    expect(done.headers.get('location')).toBe('/surveys');
    expect(await (await visitor.get('/settings')).text()).toContain('Account menu for Ana Lima');

    expect((await httpClient(app.url).get('/setup')).status).toBe(404);
    for (const page of ['/', '/login']) {
      expect(await (await httpClient(app.url).get(page)).text()).not.toContain('/setup');
    }
    const again = await httpClient(app.url).post('/setup', {
      name: 'Mallory',
      email: 'mallory@example.com',
      password,
      confirmPassword: password,
    });
    expect(again.status).toBe(404);
    expect(await PersonModel.countDocuments()).toBe(1);
  });
});

describe('settings and the outbox', () => {
  it('lets an HR admin read a mail in the outbox, and refuses a leader with 403', async () => {
    const ana = await hrAdmin();
    await createPerson({ email: 'lee@example.com', leaderOf: [ana.departmentId], password });
    const mail = await OutboxMailModel.create({
      to: 'someone@example.com',
      subject: 'Your pulse is open',
      text: 'See what changed at http://localhost/board',
      kind: 'invite',
    });
    const hr = await signedIn();
    const list = await hr.get('/settings/outbox');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Your pulse is open');
    const one = await hr.get(`/settings/outbox/${String(mail._id)}`);
    expect(one.status).toBe(200);
    expect(await one.text()).toContain('<a href="http://localhost/board">');
    expect((await hr.get('/settings/outbox/not-an-id')).status).toBe(404);
    expect((await hr.get('/settings/outbox/65f000000000000000000000')).status).toBe(404);

    const leader = await signedIn('lee@example.com');
    const refused = await leader.get('/settings/outbox');
    expect(refused.status).toBe(403);
    const page = await refused.text();
    expect(page).toContain('You do not have access to this page');
    expect(page).not.toContain('Your pulse is open');
    expect(page).not.toContain('href="/settings"');
  });
});
