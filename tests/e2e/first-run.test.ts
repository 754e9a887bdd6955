import type { Page } from 'playwright-core';
import { describe } from 'vitest';

import { startApp } from './harness/app';
import { screenshot, watchForProblems } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// A new installation, as its first HR admin meets it on a phone with JavaScript off: the app of
// its own (no demo, an empty database), from the home page to saved settings.

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );
}

/** The start-up log is written just after the server listens; wait for the line, not a time. */
async function logLine(output: () => string, pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const match = pattern.exec(output());
    if (match) return match[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The log never matched ${String(pattern)}:\n${output()}`);
}

describe('first run', () => {
  test('an empty install leads through /setup to the checklist and saved settings, at 360px without JavaScript', async ({
    browser,
  }) => {
    const app = await startApp({ env: { DEMO: 'off' } });
    const context = await browser.newContext({
      baseURL: app.url,
      javaScriptEnabled: false,
      viewport: viewports.narrow,
    });
    try {
      expect(await logLine(() => app.output(), /No HR admin yet: open \S+\/setup/)).toBe(
        `No HR admin yet: open ${app.url}/setup`,
      );
      const page = await context.newPage();
      const problems = watchForProblems(page);
      problems.allowStatus(400);

      await page.goto('/');
      const invitation = page.getByRole('complementary', { name: 'New installation' });
      expect(await invitation.textContent()).toContain('/setup');
      await fitsThePhone(page);
      await screenshot(page, 'first-run-1-home');
      await invitation.getByRole('link', { name: 'Set up Innerloop' }).click();

      await page.getByRole('heading', { level: 1, name: 'Set up Innerloop' }).waitFor();
      await page.getByLabel('Your name').fill('Ana Lima');
      await page.getByLabel('Email').fill('ana@example.com');
      await page.getByLabel('Password', { exact: true }).fill('a long first password');
      await page.getByLabel('Password again').fill('a long first password');
      await page.getByRole('button', { name: 'Create HR admin and sign in' }).click();

      await page.waitForURL('**/surveys');
      const checklist = page.getByRole('region', { name: 'Getting started' });
      expect(await checklist.getByText('0 of 5 done.').count()).toBe(1);
      expect(
        await checklist.getByRole('link', { name: 'Import your people' }).getAttribute('href'),
      ).toBe('/people/import');
      await fitsThePhone(page);
      await screenshot(page, 'first-run-2-checklist');

      await page.goto('/settings');
      await page.getByLabel('Default anonymity threshold').fill('2');
      await page.getByLabel('Time zone').fill('Europe/Atlantis');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page
        .getByText(
          'The anonymity threshold is at least 3: smaller groups could single out one person',
        )
        .waitFor();
      expect(
        await page.getByText('"Europe/Atlantis" is not a time zone', { exact: false }).count(),
      ).toBe(1);
      await fitsThePhone(page);

      await page.getByLabel('Organisation name').fill('Nordlys Hotels');
      await page.getByLabel('Default anonymity threshold').fill('4');
      await page.getByLabel('Time zone').fill('Europe/Riga');
      await page.getByLabel('Portuguese').uncheck();
      await page.getByLabel('Default reminder, days before closing').fill('1');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('status').getByText('Settings saved.').waitFor();
      expect(await page.getByRole('banner').getByText('Nordlys Hotels').count()).toBe(1);
      expect(await page.getByLabel('Default anonymity threshold').inputValue()).toBe('4');
      expect(await page.getByLabel('Portuguese').isChecked()).toBe(false);
      await fitsThePhone(page);
      const checkbox = await page.getByLabel('Latvian').evaluate((input) => {
        const label = input.closest('label')?.getBoundingClientRect();
        return label ? Math.round(label.height) : 0;
      });
      expect(checkbox).toBeGreaterThanOrEqual(44);
      await screenshot(page, 'first-run-3-settings-saved');

      // Setup has closed, and the public pages stop offering it.
      await page.goto('/');
      expect(await page.getByRole('link', { name: 'Set up Innerloop' }).count()).toBe(0);
      // With JavaScript off, Chromium refuses the page's scripts and reports it as "(csp)".
      expect(problems.list.filter((problem) => !problem.endsWith('(csp)'))).toEqual([]);
    } finally {
      await context.close();
      await app.stop();
    }
  });
});
