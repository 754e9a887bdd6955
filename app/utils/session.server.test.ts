import { describe, expect, it, vi } from 'vitest';

import { StaffSessionModel } from '../../models/staff-session.server';
import { createPerson } from '../../tests/factories/staff';
import { setupTestDatabase } from '../../tests/support/test-database';
import {
  createSessionRecord,
  endSessionsOf,
  endStaffSession,
  getStaffSession,
  startStaffSession,
} from './session.server';

vi.stubEnv('SESSION_SECRET', 'session-test-secret-that-is-long-enough');
setupTestDatabase('session');

/** A request carrying the cookie from a Set-Cookie value, as a browser would send it back. */
function requestWith(setCookie?: string): Request {
  const cookie = setCookie?.split(';', 1)[0];
  return new Request('http://localhost/insights', cookie ? { headers: { Cookie: cookie } } : {});
}

describe('staff sessions', () => {
  it('signs in with an httpOnly, SameSite=Lax cookie that names the person', async () => {
    const person = await createPerson({ hrAdmin: true });
    const setCookie = await startStaffSession(requestWith(), person._id);
    expect(setCookie).toMatch(
      /^innerloop_session=[^;]+; Max-Age=43200; Path=\/;.* HttpOnly; SameSite=Lax/,
    );
    expect(await getStaffSession(requestWith(setCookie))).toEqual({ personId: String(person._id) });
  });

  it('stores only a hash of the session id', async () => {
    const person = await createPerson({ hrAdmin: true });
    const sessionId = await createSessionRecord(person._id);
    const stored = await StaffSessionModel.find().lean();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(sessionId);
    expect(stored[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 60 * 60 * 1000);
  });

  it('issues a new id at sign-in and ends the old one', async () => {
    const person = await createPerson({ hrAdmin: true });
    const before = await startStaffSession(requestWith(), person._id);
    const after = await startStaffSession(requestWith(before), person._id);
    expect(after.split(';')[0]).not.toBe(before.split(';')[0]);
    expect(await getStaffSession(requestWith(before))).toBeNull();
    expect(await getStaffSession(requestWith(after))).toEqual({ personId: String(person._id) });
    expect(await StaffSessionModel.countDocuments()).toBe(1);
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    const person = await createPerson({ hrAdmin: true });
    const setCookie = await startStaffSession(requestWith(), person._id);
    const cleared = await endStaffSession(requestWith(setCookie));
    expect(cleared).toMatch(/^innerloop_session=[^;]*; Max-Age=0;/);
    expect(await getStaffSession(requestWith(setCookie))).toBeNull();
    expect(await StaffSessionModel.countDocuments()).toBe(0);
  });

  it('refuses a cookie whose signature does not match, and an expired session', async () => {
    const person = await createPerson({ hrAdmin: true });
    const setCookie = await startStaffSession(requestWith(), person._id);
    const [name, value] = (setCookie.split(';')[0] ?? '').split('=');
    const forged = `${name}=${value?.slice(0, -2)}xx`;
    expect(await getStaffSession(requestWith(forged))).toBeNull();

    await StaffSessionModel.updateMany({}, { expiresAt: new Date(Date.now() - 1000) });
    expect(await getStaffSession(requestWith(setCookie))).toBeNull();
  });

  it('ends every session of a person at once', async () => {
    const person = await createPerson({ hrAdmin: true });
    const other = await createPerson({ hrAdmin: true });
    const first = await startStaffSession(requestWith(), person._id);
    const second = await startStaffSession(requestWith(), person._id);
    const kept = await startStaffSession(requestWith(), other._id);
    await endSessionsOf(person._id);
    expect(await getStaffSession(requestWith(first))).toBeNull();
    expect(await getStaffSession(requestWith(second))).toBeNull();
    expect(await getStaffSession(requestWith(kept))).not.toBeNull();
  });
});
