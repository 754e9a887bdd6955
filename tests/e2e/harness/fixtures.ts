import path from 'node:path';

import mongoose from 'mongoose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject, test as base } from 'vitest';

import { launchChromium, type PageProblems, screenshot, watchForProblems } from './browser';
import { connectToAppDatabase, createStaffUser, type StaffRole, type StaffUser } from './staff';

export const viewports = {
  desk: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
  /** The narrowest phone every page must fit without scrolling sideways. */
  narrow: { width: 360, height: 740 },
} as const;

interface Fixtures {
  /** Base URL of the app the global setup started. */
  baseUrl: string;
  /** One Chromium per test file. */
  browser: Browser;
  /** A fresh browser context (no cookies, no storage) per test. */
  context: BrowserContext;
  /**
   * A page that fails its test on page errors, console errors and failed requests, and is
   * saved as tests/e2e/screenshots/<file>-<test>.png when the test ends.
   */
  page: Page;
  /** What the page reported so far; allowStatus() accepts an expected 4xx. */
  problems: PageProblems;
  /** This test file's connection to the app's database. */
  database: void;
  /** Makes a staff member with a known password in the app's database; removed after the test. */
  makeStaff: (role: StaffRole) => Promise<StaffUser>;
  /** Makes a staff member and signs this test's browser in as them, without the login form. */
  signInAs: (role: StaffRole) => Promise<StaffUser>;
}

const pageProblems = new WeakMap<Page, PageProblems>();

// Vitest reads each fixture's dependencies from its destructured first parameter, so fixtures
// without dependencies need the empty pattern. The second parameter hands the value to the test.
/* eslint-disable no-empty-pattern */
export const test = base.extend<Fixtures>({
  baseUrl: async ({}, provide) => {
    await provide(inject('baseUrl'));
  },
  browser: [
    async ({}, provide) => {
      const browser = await launchChromium();
      await provide(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  context: async ({ browser, baseUrl }, provide) => {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: viewports.desk });
    await provide(context);
    await context.close();
  },
  page: async ({ context, task }, provide) => {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    pageProblems.set(page, problems);
    await provide(page);
    const file = path.basename(task.file.name).replace(/\.test\.ts$/, '');
    await screenshot(page, `${file}-${task.name}`);
    expect(problems.list, 'the browser reported problems').toEqual([]);
  },
  problems: async ({ page }, provide) => {
    await provide(pageProblems.get(page) ?? watchForProblems(page));
  },
  database: [
    async ({}, provide) => {
      await connectToAppDatabase(inject('databaseUri'));
      await provide();
      await mongoose.disconnect();
    },
    { scope: 'file' },
  ],
  makeStaff: async ({ database }, provide) => {
    void database;
    const made: StaffUser[] = [];
    await provide(async (role) => {
      const user = await createStaffUser(role, inject('sessionSecret'));
      made.push(user);
      return user;
    });
    for (const user of made) await user.remove();
  },
  signInAs: async ({ makeStaff, context, baseUrl }, provide) => {
    await provide(async (role) => {
      const user = await makeStaff(role);
      const cookie = await user.sessionCookie();
      await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
      return user;
    });
  },
});
/* eslint-enable no-empty-pattern */

export { expect };
