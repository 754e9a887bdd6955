import { createHash, randomBytes } from 'node:crypto';

import { type Cookie, createCookie } from '@remix-run/node';
import type { Types } from 'mongoose';

import { StaffSessionModel } from '../../models/staff-session.server';
import { type Env, getEnv, loadSessionSecrets } from './env.server';

/** A working day: a computer left signed in somewhere does not stay so for long. */
const sessionMaxAgeSeconds = 12 * 60 * 60;

const sessionCookieName = 'innerloop_session';

/**
 * The signed, httpOnly, SameSite=Lax cookie that carries the session id. The id is random and
 * the server keeps only its hash (models/staff-session.server.ts).
 */
export function createSessionCookie(options: { secrets: string[]; secure: boolean }): Cookie {
  return createCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: sessionMaxAgeSeconds,
    secrets: options.secrets,
  });
}

/** Secure cookies whenever the site is served over HTTPS; small LAN installs may use HTTP. */
export function secureCookies(env: Pick<Env, 'APP_URL' | 'NODE_ENV'>): boolean {
  return env.APP_URL ? env.APP_URL.startsWith('https://') : env.NODE_ENV === 'production';
}

let cookie: Cookie | undefined;

function sessionCookie(): Cookie {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createSessionCookie({ secrets: loadSessionSecrets(env), secure: secureCookies(env) });
  return cookie;
}

function hashOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** Stores a new session for the person and returns its id, which only the cookie will hold. */
export async function createSessionRecord(personId: Types.ObjectId | string): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url');
  await StaffSessionModel.create({
    idHash: hashOf(sessionId),
    personId,
    expiresAt: new Date(Date.now() + sessionMaxAgeSeconds * 1000),
  });
  return sessionId;
}

async function sessionIdOf(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The person whose live session the request carries, or null. */
export async function getStaffSession(request: Request): Promise<{ personId: string } | null> {
  const sessionId = await sessionIdOf(request);
  if (!sessionId) return null;
  const session = await StaffSessionModel.findOne(
    { idHash: hashOf(sessionId), expiresAt: { $gt: new Date() } },
    { personId: 1 },
  ).lean();
  return session ? { personId: String(session.personId) } : null;
}

/**
 * Signs a person in: the session the request came with (anyone's) ends, and a new id is issued,
 * so an id planted before sign-in is worth nothing after it. Returns the Set-Cookie value.
 */
export async function startStaffSession(
  request: Request,
  personId: Types.ObjectId | string,
): Promise<string> {
  await endSession(request);
  return sessionCookie().serialize(await createSessionRecord(personId));
}

/** Signs out: the session ends on the server and the cookie is cleared. Returns Set-Cookie. */
export async function endStaffSession(request: Request): Promise<string> {
  await endSession(request);
  return clearSessionCookie();
}

/** A Set-Cookie value that removes the session cookie from the browser. */
function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { maxAge: 0 });
}

/** Ends every session of a person, e.g. once their password has been reset. */
export async function endSessionsOf(personId: Types.ObjectId | string): Promise<void> {
  await StaffSessionModel.deleteMany({ personId });
}

async function endSession(request: Request): Promise<void> {
  const sessionId = await sessionIdOf(request);
  if (sessionId) await StaffSessionModel.deleteOne({ idHash: hashOf(sessionId) });
}
