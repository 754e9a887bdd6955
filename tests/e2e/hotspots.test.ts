import type { Browser, Page } from 'playwright-core';
import { describe } from 'vitest';

import { localDate } from '../../app/surveys/local-time';
import { ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// The hotspot page on the demo organisation (seeded into the e2e app): where Finance lets the
// Kitchen down on reliability and IT the Service floor on tools. HR follows one to its trend and
// raises an action on another; a leader sees only their departments' hotspots; the page and
// raising an action from it work on a 360 px phone without JavaScript.

const day = 24 * 60 * 60 * 1000;

const fitsThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );

const cardTitles = (page: Page) => page.locator('.hotspot-title').allTextContents();

/** Raises an action from the card `subject`; the raise page names it as the action keeps it. */
async function raiseFromCard(
  page: Page,
  hotspot: { subject: string; label: string },
  title: string,
  owner: string,
) {
  await page.getByRole('link', { name: `Raise an action on ${hotspot.subject}` }).click();
  await page.waitForURL(/\/actions\/new\?/);
  await page.getByText(hotspot.label).first().waitFor();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Owner').selectOption({ label: owner });
  await page.getByLabel('Due date').fill(localDate(new Date(Date.now() + 14 * day), 'Europe/Oslo'));
  await page.getByRole('button', { name: /Raise (the )?action/ }).click();
  await page.waitForURL(/\/actions\/[a-f\d]{24}$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

async function demoDepartment(name: string) {
  const department = await DepartmentModel.findOne({ name }, { _id: 1 }).lean();
  if (!department) throw new Error(`the demo has no ${name}`);
  return department._id;
}

const narrowWithoutJavaScript = (browser: Browser, baseUrl: string) =>
  browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, viewport: viewports.narrow });

describe('hotspots', () => {
  test('an HR admin finds the demo’s hotspots, follows one to its trend and raises an action on another', async ({
    page,
    signInAs,
  }) => {
    const hana = await signInAs('hr-admin');
    await page.goto('/insights');
    await page.getByRole('link', { name: 'Hotspots' }).click();
    await page.waitForURL(/\/insights\/hotspots/);
    await page.getByRole('heading', { level: 1, name: 'Hotspots' }).waitFor();
    const titles = await cardTitles(page);
    expect(titles.length).toBeGreaterThanOrEqual(5);
    // The demo's two sharpest hotspots lead the ranking.
    expect(titles.slice(0, 2).sort()).toEqual([
      'Finance · Reliability, as rated by Kitchen',
      'IT · Tools, as rated by Service floor',
    ]);
    await page
      .getByText(/Company level/)
      .first()
      .waitFor();
    await screenshot(page, 'hotspots-1-hr');

    // Its trend: the matrix cell of the Service floor rating IT, over the cycles.
    const it = page.locator('.hotspot', { hasText: 'IT · Tools, as rated by Service floor' });
    await it.getByRole('link', { name: 'Trend of IT as rated by Service floor' }).click();
    await page.waitForURL(/\/insights\/matrix\?.*row=.*column=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('row')).toBe(String(await demoDepartment('Service floor')));
    expect(url.searchParams.get('column')).toBe(String(await demoDepartment('IT')));
    await page.locator('svg.recharts-surface').first().waitFor();
    await screenshot(page, 'hotspots-2-trend');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Hotspots' }).waitFor();
    const title = `Payslips on time for the Kitchen ${Date.now()}`;
    await raiseFromCard(
      page,
      {
        subject: 'Finance · Reliability, as rated by Kitchen',
        label: 'Finance as rated by Kitchen · Reliability',
      },
      title,
      hana.name,
    );
    const action = await ActionModel.findOne({ title }).lean();
    try {
      expect(action?.source).toMatchObject({
        metric: 'driver',
        driver: 'Reliability',
        departmentId: await demoDepartment('Kitchen'),
        providerDepartmentId: await demoDepartment('Finance'),
        label: 'Finance as rated by Kitchen · Reliability',
      });
      // The baseline the page showed, with the sums its follow-up needs.
      expect(action?.baseline?.n).toBeGreaterThanOrEqual(5);
      expect(action?.baseline?.sum).toEqual(expect.any(Number));
      await page.getByRole('heading', { name: 'Follow-up' }).waitFor();
      await screenshot(page, 'hotspots-3-action');
    } finally {
      await ActionModel.deleteOne({ title });
    }
  });

  test('a leader sees only the hotspots of the departments they lead or serve, on a 360 px phone', async ({
    page,
    signInAs,
  }) => {
    const leo = await signInAs('leader');
    const kitchen = await demoDepartment('Kitchen');
    await PersonModel.updateOne({ email: leo.email }, { $set: { leaderOf: [kitchen] } });
    await page.setViewportSize(viewports.narrow);
    await page.goto('/insights/hotspots');
    await page.getByRole('heading', { level: 1, name: 'Hotspots' }).waitFor();
    const titles = await cardTitles(page);
    expect(titles.length).toBeGreaterThan(0);
    // The Kitchen as a customer (Finance's reliability) and as a service to others.
    expect(titles).toContain('Finance · Reliability, as rated by Kitchen');
    for (const title of titles) expect(title).toMatch(/^Kitchen · |as rated by Kitchen$/);
    expect(titles.some((title) => title.includes('IT · Tools'))).toBe(false);
    await fitsThePhone(page);
    await screenshot(page, 'hotspots-4-leader-360');
  });

  test('without JavaScript at 360 px: filter the cycles and raise an action from a hotspot', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const hana = await makeStaff('hr-admin');
    const context = await narrowWithoutJavaScript(browser, baseUrl);
    const title = `Tools training for the floor ${Date.now()}`;
    try {
      await context.addCookies([
        { ...(await hana.sessionCookie()), url: baseUrl, httpOnly: true, sameSite: 'Lax' },
      ]);
      const page = await context.newPage();
      await page.goto('/insights/hotspots');
      await page.getByRole('heading', { level: 1, name: 'Hotspots' }).waitFor();
      await fitsThePhone(page);
      // An earlier cycle through the filter form, sent as the page's address.
      await page.getByLabel('To cycle').fill('11');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/to=11/);
      await page.getByText(/in cycle 11,/).waitFor();
      await fitsThePhone(page);
      await screenshot(page, 'hotspots-5-no-js-360');

      await page.goto('/insights/hotspots');
      await raiseFromCard(
        page,
        {
          subject: 'IT · Tools, as rated by Service floor',
          label: 'IT as rated by Service floor · Tools',
        },
        title,
        hana.name,
      );
      await fitsThePhone(page);
      const action = await ActionModel.findOne({ title }).lean();
      expect(action?.source).toMatchObject({ metric: 'driver', driver: 'Tools' });
    } finally {
      await ActionModel.deleteOne({ title });
      await context.close();
    }
  });
});
