import { randomUUID } from 'node:crypto';

import type { Browser, Page } from 'playwright-core';
import { describe } from 'vitest';

import { languageCookie } from '../../app/i18n.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { ThanksModel } from '../../models/thanks.server';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// Thanks across departments on the demo organisation: an employee thanks IT from the kitchen's
// board on a 360 px phone, with and without JavaScript; IT's leader reads the demo's thanks and
// publishes one; IT's board shows it in Ukrainian.

const fitsThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );

const narrowContext = (browser: Browser, baseUrl: string, javaScriptEnabled: boolean) =>
  browser.newContext({ baseURL: baseUrl, javaScriptEnabled, viewport: viewports.narrow });

async function boardKeyOf(name: string): Promise<string> {
  const department = await DepartmentModel.findOne({ name }, { boardKey: 1 }).lean();
  if (!department?.boardKey) throw new Error(`the demo has no ${name} board`);
  return department.boardKey;
}

describe('thanks', () => {
  test('an employee thanks IT from the kitchen’s board on a phone, with JavaScript', async ({
    browser,
    baseUrl,
    database,
  }) => {
    void database;
    const message = `The tills were ready before lunch ${randomUUID().slice(0, 8)}`;
    const context = await narrowContext(browser, baseUrl, true);
    try {
      const page = await context.newPage();
      await page.goto(`/board/${await boardKeyOf('Kitchen')}`);
      await page.getByRole('heading', { level: 2, name: 'Thanks received' }).waitFor();
      await page.getByRole('link', { name: 'Thank a department' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank a department' }).waitFor();
      await fitsThePhone(page);
      await page.getByLabel('Department to thank').selectOption({ label: 'IT' });
      await page.getByLabel('Your thanks').fill(message);
      await page.getByLabel('What it was about (optional)').selectOption('Tools');
      await screenshot(page, 'thanks-1-send-360');
      await page.getByRole('button', { name: 'Send thanks' }).click();
      await page.getByRole('heading', { name: 'Your thanks are on their way' }).waitFor();
      await fitsThePhone(page);
      const stored = await ThanksModel.findOne({ message }).lean();
      expect(stored).toMatchObject({ driver: 'Tools', senderName: null, fromDepartmentId: null });
    } finally {
      await context.close();
    }
  });

  test('without JavaScript, a refused thank-you keeps what was typed and a signed one is sent', async ({
    browser,
    baseUrl,
    database,
  }) => {
    void database;
    const message = `Thanks for the quick payroll fix ${randomUUID().slice(0, 8)}`;
    const context = await narrowContext(browser, baseUrl, false);
    try {
      const page = await context.newPage();
      await page.goto(`/board/${await boardKeyOf('Kitchen')}/thanks`);
      await page.getByLabel('Your thanks').fill(message);
      await page.getByLabel('With my name').check();
      const refused = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Send thanks' }).click();
      expect((await refused).status()).toBe(400);
      await page.getByText('Choose the department to thank.').waitFor();
      await page.getByText('Write your name, or choose to send anonymously.').waitFor();
      expect(await page.getByLabel('Your thanks').inputValue()).toBe(message);
      await fitsThePhone(page);
      await screenshot(page, 'thanks-2-refused-no-js-360');

      await page.getByLabel('Department to thank').selectOption({ label: 'HR' });
      await page.getByLabel('Your name').fill('Marta from the kitchen');
      await page.getByRole('button', { name: 'Send thanks' }).click();
      await page.getByRole('heading', { name: 'Your thanks are on their way' }).waitFor();
      const stored = await ThanksModel.findOne({ message }).lean();
      expect(stored?.senderName).toBe('Marta from the kitchen');
      expect(String(stored?.fromDepartmentId)).toBe(
        String((await DepartmentModel.findOne({ name: 'Kitchen' }).lean())?._id),
      );
    } finally {
      await context.close();
    }
  });

  test('IT’s leader reads and publishes a thank-you, and IT’s board shows it in Ukrainian', async ({
    page,
    context,
    baseUrl,
    signInAs,
  }) => {
    const leader = await signInAs('leader');
    const it = await DepartmentModel.findOne({ name: 'IT' }, { _id: 1 }).lean();
    await PersonModel.updateOne({ email: leader.email }, { $push: { leaderOf: it?._id } });

    await page.goto('/thanks');
    await page.getByRole('heading', { level: 1, name: 'Thanks' }).waitFor();
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'IT' }) });
    const card = section
      .locator('.thanks-card', { has: page.getByRole('button', { name: 'Publish to the board' }) })
      .first();
    const message = (await card.locator('blockquote').textContent()) ?? '';
    expect(message.length).toBeGreaterThan(0);
    await screenshot(page, 'thanks-3-staff');
    await card.getByRole('button', { name: 'Publish to the board' }).click();
    await section
      .locator('.thanks-card', { hasText: message })
      .getByRole('button', { name: 'Take off the board' })
      .first()
      .waitFor();

    await page.goto('/insights/thanks');
    await page
      .getByRole('heading', { level: 1, name: 'Thanks by department and driver' })
      .waitFor();
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(1);
    await screenshot(page, 'thanks-4-insights');

    await context.clearCookies();
    const [pair = ''] = (await languageCookie.serialize('uk')).split(';', 1);
    const [name = '', value = ''] = pair.split('=');
    await context.addCookies([{ name, value, url: baseUrl, sameSite: 'Lax' }]);
    await page.goto(`/board/${await boardKeyOf('IT')}`);
    await page.getByRole('heading', { level: 2, name: 'Отримані подяки' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    await page.locator('.board-thanks').getByText(message).first().waitFor();
    await page.setViewportSize(viewports.narrow);
    await fitsThePhone(page);
    await screenshot(page, 'thanks-5-board-uk-360');
  });
});
