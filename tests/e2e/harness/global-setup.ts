import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { startEngine } from '../../../engine/src/index.js';
import { startMailCatcher } from '../../support/mail-catcher';
import { startApp } from './app';
import { assertChromiumInstalled } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The database the app uses, so fixtures can create staff and sessions directly. */
    databaseUri: string;
    /** The app's SESSION_SECRET, so fixtures can sign session cookies. */
    sessionSecret: string;
    /** Where the app's sent mail lands (readCaughtMail), for the links in people's inboxes. */
    mailDir: string;
  }
}

/**
 * Starts a database engine and the built app on it once for the whole e2e run; tests reach them
 * through inject(). The engine is the embedded one the app would start itself, run here so that
 * fixtures can write to the same database (the app still seeds its demo organisation).
 * The app sends its mail through SMTP to a catcher here, as it would to people's inboxes: the
 * outbox never keeps personal links, so tests take them from the mail people receive.
 * E2E_BASE_URL points the run at an app that is already running (`npm run dev`) instead; then
 * E2E_DATABASE_URI and E2E_SESSION_SECRET must name its database and secret for the fixtures,
 * and E2E_MAIL_DIR the folder of a catcher its SMTP_URL points at.
 */
export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    project.provide('databaseUri', process.env.E2E_DATABASE_URI ?? '');
    project.provide('sessionSecret', process.env.E2E_SESSION_SECRET ?? '');
    project.provide('mailDir', process.env.E2E_MAIL_DIR ?? '');
    return;
  }
  const engineDir = mkdtempSync(path.join(tmpdir(), 'innerloop-e2e-engine-'));
  // With authentication, as the app runs it: engine.uri carries the credential made for this run,
  // and the app (as MONGODB_URI) and the fixtures connect with it like any URI with a password.
  const engine = await startEngine({
    dataDir: engineDir,
    logger: { info: () => undefined, error: (message) => process.stderr.write(`${message}\n`) },
  });
  const sessionSecret = randomBytes(32).toString('base64url');
  const databaseUri = engine.uri.replace('/?', '/innerloop?');
  const mailDir = mkdtempSync(path.join(tmpdir(), 'innerloop-e2e-mail-'));
  const mail = await startMailCatcher({ dir: mailDir });
  let app;
  try {
    app = await startApp({
      env: {
        MONGODB_URI: databaseUri,
        SESSION_SECRET: sessionSecret,
        DEMO: 'on',
        SMTP_URL: mail.url,
      },
    });
  } catch (error) {
    await engine.stop();
    await mail.close();
    rmSync(engineDir, { recursive: true, force: true });
    rmSync(mailDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', app.url);
  project.provide('databaseUri', databaseUri);
  project.provide('sessionSecret', sessionSecret);
  project.provide('mailDir', mailDir);
  return async () => {
    const code = await app.stop();
    await engine.stop();
    await mail.close();
    rmSync(engineDir, { recursive: true, force: true });
    rmSync(mailDir, { recursive: true, force: true });
    if (code !== 0) {
      throw new Error(`The app exited with code ${code} on SIGTERM:\n${app.output()}`);
    }
  };
}
