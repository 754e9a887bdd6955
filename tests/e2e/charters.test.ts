import type { Page } from 'playwright-core';
import { describe } from 'vitest';

import { languageCookie } from '../../app/i18n.server';
import { ActionModel } from '../../models/action.server';
import { CharterModel } from '../../models/charter.server';
import { DepartmentModel } from '../../models/department.server';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// The demo organisation's service charters: HR reads IT's standards against the results, edits
// and publishes the charter, and raises an action from an unmet standard; the Kitchen's board
// shows the charters of the departments that serve it, in Norwegian; and the charter page works
// on a 360 px phone with JavaScript off.

const fitsThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );

async function departmentId(name: string): Promise<string> {
  const department = await DepartmentModel.findOne({ name }, { _id: 1 }).lean();
  if (!department) throw new Error(`the demo has no ${name}`);
  return String(department._id);
}

/** Puts a charter back as the demo had it, so other files meet the demo unchanged. */
async function keepCharter(name: string) {
  const id = await departmentId(name);
  const before = await CharterModel.findOne({ departmentId: id }).lean();
  return async () => {
    if (before) await CharterModel.replaceOne({ _id: before._id }, before);
  };
}

describe('service charters', () => {
  test('an HR admin reads a charter against the results, edits and publishes it, and raises an action from an unmet standard', async ({
    page,
    signInAs,
    problems,
  }) => {
    const restore = await keepCharter('IT');
    try {
      await signInAs('hr-admin');
      await page.goto('/charters');
      await page.getByRole('heading', { level: 1, name: 'Service charters' }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Charters' }).waitFor();
      const it = page.getByRole('row', { name: /^IT/ });
      expect(await it.getByRole('cell', { name: 'Published' }).count()).toBe(1);
      await screenshot(page, 'charters-1-list');

      // The demo's three charters show each reading between them.
      const seen = new Set<string>();
      for (const name of ['Finance', 'HR', 'IT']) {
        await page.goto(`/charters/${await departmentId(name)}`);
        await page.getByRole('heading', { level: 1, name: `Charter of ${name}` }).waitFor();
        for (const state of ['met', 'not-met', 'not-measured']) {
          if ((await page.locator(`.charter-readings .charter-${state}`).count()) > 0) {
            seen.add(state);
          }
        }
      }
      expect([...seen].sort()).toEqual(['met', 'not-measured', 'not-met']);

      await page.goto(`/charters/${await departmentId('IT')}`);
      await page.getByRole('heading', { level: 1, name: 'Charter of IT' }).waitFor();
      expect(await page.getByText('Not measured').count()).toBeGreaterThan(0);
      await screenshot(page, 'charters-2-readings');

      // A target off the scale is refused beside its field, and nothing is stored.
      const added = page.getByRole('group', { name: 'Add a standard' });
      await added
        .getByLabel('What is promised (English)')
        .fill('New laptops are ready on day one.');
      await added.getByLabel('Measured by').selectOption('driver:Tools');
      await added.getByLabel('Target').fill('9');
      problems.allowStatus(400);
      const refused = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Save the standards' }).click();
      expect((await refused).status()).toBe(400);
      await page.getByText('A target on a 1–5 scale must be from 1 to 5.').waitFor();
      await page.getByRole('group', { name: 'Add a standard' }).getByLabel('Target').fill('4.2');
      await page.getByRole('button', { name: 'Save the standards' }).click();
      await page
        .getByRole('heading', { level: 3, name: 'New laptops are ready on day one.' })
        .waitFor();
      const stored = await CharterModel.findOne({ departmentId: await departmentId('IT') }).lean();
      expect(stored?.standards.at(-1)).toMatchObject({ target: 4.2, measure: { driver: 'Tools' } });

      await page.getByRole('button', { name: 'Take the charter back' }).click();
      await page.getByText('Not published: only staff see it.').waitFor();
      await page.getByRole('button', { name: 'Publish the charter' }).click();
      await page.getByText('Published: the departments it serves see it on their board.').waitFor();

      // An unmet standard raises an action that keeps the charter's cell as its baseline.
      const raise = page.locator('.charter-not-met').getByRole('link', { name: 'Raise an action' });
      await raise.first().click();
      await page.getByRole('heading', { level: 1, name: 'Raise an action' }).waitFor();
      await page.getByText(/IT charter · /).waitFor();
      await page.getByLabel('Title').fill('Faster first answers from IT');
      await page.getByLabel('Owner').selectOption({ index: 1 });
      await page.getByLabel('Due date').fill('2099-06-30');
      await screenshot(page, 'charters-3-raise');
      await page.getByRole('button', { name: 'Raise the action' }).click();
      await page.getByRole('heading', { level: 1, name: 'Faster first answers from IT' }).waitFor();
      const action = await ActionModel.findOne({ title: 'Faster first answers from IT' }).lean();
      expect(action?.source.charterStandardKey).toMatch(/^it-/);
      expect(action?.baseline?.value).toBeGreaterThan(0);
      await ActionModel.deleteOne({ _id: action?._id });
    } finally {
      await restore();
    }
  });

  test('the Kitchen’s board shows the charters of the departments that serve it, in Norwegian, on a phone', async ({
    page,
    context,
    baseUrl,
  }) => {
    const kitchen = await DepartmentModel.findOne({ name: 'Kitchen' }, { boardKey: 1 }).lean();
    const [pair = ''] = (await languageCookie.serialize('nb')).split(';', 1);
    const [name = '', value = ''] = pair.split('=');
    await context.addCookies([{ name, value, url: baseUrl, sameSite: 'Lax' }]);
    await page.setViewportSize(viewports.narrow);
    await page.goto(`/board/${kitchen?.boardKey ?? ''}`);
    await page
      .getByRole('heading', { level: 2, name: 'Dette lover avdelingene som betjener dere' })
      .waitFor();
    const charters = page.locator('.board-charters');
    for (const provider of ['Finance', 'HR', 'IT']) {
      await charters.getByRole('heading', { level: 3, name: provider }).waitFor();
    }
    expect(
      await charters.getByText('Vi svarer på alle henvendelser innen én arbeidsdag.').count(),
    ).toBeGreaterThan(0);
    await fitsThePhone(page);
    await screenshot(page, 'charters-4-board-nb-360');
  });

  test('an HR admin edits and publishes a charter on a 360 px phone without JavaScript', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const restore = await keepCharter('HR');
    const hr = await makeStaff('hr-admin');
    const context = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: viewports.narrow,
    });
    try {
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('Email').fill(hr.email);
      await page.getByLabel('Password').fill(hr.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.goto('/charters');
      await fitsThePhone(page);
      await page.goto(`/charters/${await departmentId('HR')}`);
      await page.getByRole('heading', { level: 1, name: 'Charter of HR' }).waitFor();
      await fitsThePhone(page);

      const added = page.getByRole('group', { name: 'Add a standard' });
      await added
        .getByLabel('What is promised (Norsk bokmål)')
        .fill('Lønnsspørsmål får svar samme uke.');
      await added.getByLabel('Measured by').selectOption('driver:Responsiveness');
      await added.getByLabel('Target').fill('3,9');
      await page.getByRole('button', { name: 'Save the standards' }).click();
      await page
        .getByRole('heading', { level: 3, name: 'Lønnsspørsmål får svar samme uke.' })
        .waitFor();
      await page.getByRole('button', { name: 'Take the charter back' }).click();
      await page.getByText('Not published: only staff see it.').waitFor();
      await page.getByRole('button', { name: 'Publish the charter' }).click();
      await page.getByText('Published: the departments it serves see it on their board.').waitFor();
      await fitsThePhone(page);
      await screenshot(page, 'charters-5-edit-360-no-js');
    } finally {
      await context.close();
      await restore();
    }
  });
});
