import { describe } from 'vitest';

import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

describe('staff language', () => {
  test('a leader switches to Polish with JavaScript off on a 360px phone, and it sticks', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const leader = await makeStaff('leader');
    const context = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: viewports.narrow,
    });
    try {
      const cookie = await leader.sessionCookie();
      await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
      const page = await context.newPage();
      await page.goto('/actions');
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await page.getByRole('button', { name: 'Polski' }).click();
      await page.waitForURL('**/actions');
      // The shell is Polish, on the same page, and the page still fits the phone.
      const nav = page.getByRole('navigation', { name: 'Menu główne' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        'Wyniki',
        'Ankiety',
        'Działania',
        'Karty usług',
        'Podziękowania',
        'Pomysły',
      ]);
      expect(await page.locator('html').getAttribute('lang')).toBe('pl');
      expect(
        await page
          .getByRole('button', { name: 'Polski (bieżący język)' })
          .getAttribute('aria-pressed'),
      ).toBe('true');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewports.narrow.width,
      );
      await screenshot(page, 'staff-language-pl-360');

      // Saved as the person's preference: a fresh browser without the language cookie reads Polish.
      const other = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false });
      try {
        await other.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
        const again = await other.newPage();
        await again.goto('/surveys');
        await again.getByRole('navigation', { name: 'Menu główne' }).waitFor();
      } finally {
        await other.close();
      }
    } finally {
      await context.close();
    }
  });
});
