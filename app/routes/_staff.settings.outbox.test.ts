import { describe, expect, it, vi } from 'vitest';

import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { keepInOutbox } from '../settings/outbox.server';
import { createSessionCookie, createSessionRecord } from '../utils/session.server';
import { loader } from './_staff.settings.outbox';

// The route's own work: the search and page read from the address, refusals answered with a
// status and their words, never a 500. Who may open the page: tests/integration/route-permissions.

const secret = 'outbox-route-test-secret-long-enough-to-use';
vi.stubEnv('SESSION_SECRET', secret);
vi.stubEnv('SMTP_URL', '');
setupTestDatabase('outbox-route');

async function hrCookie() {
  const home = await makeDepartment('People team', { kind: 'support' });
  const hr = await makePerson({ departmentId: home._id, hrAdmin: true });
  const cookie = createSessionCookie({ secrets: [secret], secure: false });
  const header = await cookie.serialize(await createSessionRecord(String(hr._id)));
  return header.split(';', 1)[0] ?? '';
}

async function load(cookie: string, search: string) {
  return loader({
    request: new Request(`http://localhost/settings/outbox${search}`, { headers: { cookie } }),
    params: {},
    context: { cspNonce: '', clientAddress: '127.0.0.1' },
  });
}

describe('the outbox page', () => {
  it('searches by recipient or subject and pages what it finds', async () => {
    const cookie = await hrCookie();
    for (let i = 0; i < 27; i++) {
      await keepInOutbox({
        to: `p${i}@example.com`,
        subject: 'Weekly pulse',
        text: 'x',
        kind: 'invite',
      });
    }
    await keepInOutbox({
      to: 'ana@example.com',
      subject: 'Reset your password',
      text: 'x',
      kind: 'password-reset',
    });
    const found = (await (await load(cookie, '?q=PASSWORD')).json()) as {
      mails: { to: string }[];
      total: number;
    };
    expect([found.total, found.mails.map((mail) => mail.to)]).toEqual([1, ['ana@example.com']]);
    const second = (await (await load(cookie, '?q=pulse&page=2')).json()) as {
      mails: unknown[];
      page: number;
      pageCount: number;
    };
    expect([second.mails.length, second.page, second.pageCount]).toEqual([2, 2, 2]);
  });

  it('refuses a search that is too long with a 400 that says so, never a 500', async () => {
    const cookie = await hrCookie();
    try {
      await load(cookie, `?q=${'x'.repeat(201)}`);
      expect.unreachable('a search of 201 characters was accepted');
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      expect([thrown.status, await thrown.text()]).toEqual([
        400,
        'settings:errors.searchTooLong {"maximum":200}',
      ]);
    }
    expect((await load(cookie, '?page=%00')).status).toBe(200);
  });
});
