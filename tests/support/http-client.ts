import type { Types } from 'mongoose';

import { createSessionCookie, createSessionRecord } from '../../app/utils/session.server';
import { makeDepartment, makePerson } from '../factories/organisation';

/**
 * A browser stand-in for integration tests: keeps the session cookie, sends same-origin form
 * posts (Origin and Sec-Fetch-Site as a browser would), and leaves redirects to the test.
 */
export interface HttpClient {
  /** The `name=value` pair this client sends, or '' when it has none. */
  cookie: string;
  get(path: string): Promise<Response>;
  post(
    path: string,
    fields?: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

export function httpClient(base: string, cookie = ''): HttpClient {
  const client: HttpClient = {
    cookie,
    async get(path) {
      return keep(await fetch(`${base}${path}`, { headers: headers(), redirect: 'manual' }));
    },
    async post(path, fields = {}, extra = {}) {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          ...headers(),
          'content-type': 'application/x-www-form-urlencoded',
          origin: base,
          'sec-fetch-site': 'same-origin',
          ...extra,
        },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      });
      return keep(response);
    },
  };
  const headers = (): Record<string, string> => (client.cookie ? { cookie: client.cookie } : {});
  const keep = (response: Response) => {
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';', 1)[0] ?? '';
      client.cookie = /Max-Age=0/i.test(setCookie) || pair.endsWith('=') ? '' : pair;
    }
    return response;
  };
  return client;
}

/** A client signed in as this person, with a session made as sign-in makes it. */
export async function signedInClient(
  base: string,
  secret: string,
  personId: Types.ObjectId,
): Promise<HttpClient> {
  const cookie = createSessionCookie({ secrets: [secret], secure: false });
  const header = await cookie.serialize(await createSessionRecord(personId));
  return httpClient(base, header.split(';', 1)[0]);
}

/** The body of a page (HTML, a CSV) that must answer 200; any other status fails the test, naming the path. */
export async function pageText(client: HttpClient, path: string): Promise<string> {
  const response = await client.get(path);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}, not 200`);
  return response.text();
}

/**
 * A client signed in as a new HR admin ("hr", Ana Lima) or leader ("leader", Lee Ader, who leads
 * the department they are in), each in a support department of their own.
 */
export async function signedInStaff(
  base: string,
  secret: string,
  role: 'hr' | 'leader',
): Promise<HttpClient> {
  const department = await makeDepartment(`People ${role}`, { kind: 'support' });
  const person = await makePerson({
    name: role === 'hr' ? 'Ana Lima' : 'Lee Ader',
    email: `${role}@example.com`,
    departmentId: department._id,
    hrAdmin: role === 'hr',
    leaderOf: role === 'leader' ? [department._id] : [],
  });
  return signedInClient(base, secret, person._id);
}
