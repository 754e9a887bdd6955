import type { Types } from 'mongoose';
import { afterAll, beforeAll, vi } from 'vitest';

import { type AppUnderTest, startAppUnderTest } from './app-under-test';
import { httpClient, signedInClient, signedInStaff } from './http-client';
import { setupTestDatabase } from './test-database';

/**
 * The app under test for one test file, as every route test file sets it up: a session secret of
 * its own, a database of its own (emptied after each test), the app compiled and started before
 * the file's tests and stopped after them. Call it at the top of the file; what it returns is
 * usable inside tests, once the app has started.
 */
export function startAppForFile(label: string) {
  const secret = `${label}-test-secret-long-enough!!`;
  vi.stubEnv('SESSION_SECRET', secret);
  setupTestDatabase(label);
  let app: AppUnderTest | undefined;
  beforeAll(async () => {
    app = await startAppUnderTest(label);
  }, 120_000);
  afterAll(() => app?.close());

  const running = (): AppUnderTest => {
    if (!app) throw new Error('The app under test starts in beforeAll; use it inside a test');
    return app;
  };
  return {
    secret,
    get url() {
      return running().url;
    },
    get build() {
      return running().build;
    },
    /** A client with no session, or with the cookie header given. */
    client: (cookie?: string) => httpClient(running().url, cookie),
    /** A client signed in as this person. */
    signedInAs: (personId: Types.ObjectId) => signedInClient(running().url, secret, personId),
    /** A client signed in as a new HR admin or leader (see signedInStaff). */
    signedIn: (role: 'hr' | 'leader') => signedInStaff(running().url, secret, role),
  };
}
