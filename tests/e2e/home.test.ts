import { describe } from 'vitest';

import { expect, test, viewports } from './harness/fixtures';

describe('home page', () => {
  test('explains Innerloop and leads to staff sign-in', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toMatch(/Innerloop/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Listen to your internal customers',
    );
    expect(await page.locator('main .lead').textContent()).toMatch(/anonymous pulse surveys/);

    // Once hydrated, the link navigates in the page rather than reloading it.
    await page.waitForFunction(() => '__remixRouter' in window);
    await page.evaluate(() => Object.assign(window, { stayedOnPage: true }));
    await page.getByRole('link', { name: 'Staff sign in' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
    expect(await page.evaluate(() => 'stayedOnPage' in window)).toBe(true);
    expect(await page.getByLabel('Email').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Innerloop' }).getAttribute('href')).toBe('/');
  });

  test('fits a phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize(viewports.phone);
    await page.goto('/');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    expect(await page.getByRole('link', { name: 'Staff sign in' }).isVisible()).toBe(true);
  });

  test('shows a visible focus ring, starting with the skip link', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement)) return null;
      const style = getComputedStyle(element);
      return { text: element.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused).toEqual({ text: 'Skip to content', outline: 'solid', width: '3px' });
  });

  test('says an unknown address is not found, with status 404', async ({ page, problems }) => {
    problems.allowStatus(404);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe(
      '/',
    );
  });
});

describe('staff shell', () => {
  test('navigates between the product areas', async ({ page, signInAs }) => {
    await signInAs('hr-admin');
    await page.goto('/insights');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Insights',
      'Surveys',
      'Actions',
      'Charters',
      'Thanks',
      'Ideas',
      'People',
      'Settings',
    ]);
    await nav.getByRole('link', { name: 'Surveys' }).click();
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Surveys' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(0);
  });

  test('keeps every area reachable on a phone', async ({ page, signInAs }) => {
    await signInAs('hr-admin');
    await page.setViewportSize(viewports.phone);
    await page.goto('/people');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    const settings = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' });
    await settings.click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });
});

describe('/healthz', () => {
  test('reports the database as up and names the engine', async ({ page }) => {
    const response = await page.goto('/healthz');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^application\/json/);
    const body: unknown = await response?.json();
    expect(body).toMatchObject({ ok: true, database: 'up' });
    // The harness runs the app on a database engine of its own (see harness/global-setup.ts).
    expect(body).toHaveProperty('engine', expect.stringMatching(/^(embedded|mongod|external)$/));
  });
});
