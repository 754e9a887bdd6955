import type { Browser, Page } from 'playwright-core';
import { describe } from 'vitest';

import { InviteModel } from '../../models/invite.server';
import { makeAnsweringCycle } from '../factories/answering';
import { makePerson } from '../factories/organisation';
import { expect, test, viewports } from './harness/fixtures';

// Our pages send Referrer-Policy: no-referrer, so a form the browser posts itself carries
// Origin: null. These forms must work before the page hydrates and with JavaScript off.

const fitsThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );

const narrowContextWithoutJavaScript = (browser: Browser, baseUrl: string) =>
  browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, viewport: viewports.narrow });

describe('without JavaScript', () => {
  test('a staff member signs in, is refused a wrong password, and signs out', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const hana = await makeStaff('hr-admin');
    const context = await narrowContextWithoutJavaScript(browser, baseUrl);
    try {
      const page = await context.newPage();
      await page.goto('/surveys');
      await page.waitForURL('**/login?redirectTo=%2Fsurveys');
      await fitsThePhone(page);

      await page.getByLabel('Email').fill(hana.email);
      await page.getByLabel('Password').fill('not the password');
      const refused = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect((await refused).status()).toBe(400);
      expect(await page.getByRole('alert').textContent()).toBe(
        'That email and password do not match a staff account.',
      );

      await page.getByLabel('Email').fill(hana.email);
      await page.getByLabel('Password').fill(hana.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/surveys');
      await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
      await fitsThePhone(page);

      await page.getByLabel(`Account menu for ${hana.name}`).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/surveys');
      await page.waitForURL('**/login?redirectTo=%2Fsurveys');
    } finally {
      await context.close();
    }
  });

  test('HR prints the QR sheet of an open cycle', async ({ browser, baseUrl, makeStaff }) => {
    const { survey, cycle, invites, departments } = await makeAnsweringCycle({ invites: 2 });
    // Printed cards carry each person's name, so the invites need real people.
    for (const [index, invite] of invites.entries()) {
      const person = await makePerson({
        name: `Printed Person ${index}`,
        departmentId: departments[0]?._id ?? invite.departmentId,
      });
      await InviteModel.updateOne({ _id: invite._id }, { $set: { personId: person._id } });
    }
    const context = await narrowContextWithoutJavaScript(browser, baseUrl);
    try {
      const page = await context.newPage();
      const hana = await makeStaff('hr-admin');
      const cookie = await hana.sessionCookie();
      await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);

      await page.goto(`/surveys/${String(survey._id)}/cycles/${String(cycle._id)}`);
      await page.getByLabel('Everyone invited').check();
      const sent = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Print QR codes' }).click();
      expect((await sent).status()).toBe(200);
      await page.getByText('2 new personal link(s).', { exact: false }).waitFor();
      expect(await page.locator('.qr-card').count()).toBe(2);
      expect(await page.locator('.qr-card-name').allTextContents()).toEqual(
        expect.arrayContaining(['Printed Person 0', 'Printed Person 1']),
      );
      expect(await page.locator('.qr-card svg').count()).toBe(2);
      await fitsThePhone(page);
    } finally {
      await context.close();
    }
  });
});
