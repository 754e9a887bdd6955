import { describe } from 'vitest';

import { languageCookie } from '../../app/i18n.server';
import { ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { screenshot } from './harness/browser';
import { expect, test } from './harness/fixtures';

// The demo organisation's actions, as HR and employees meet them: the list with overdue ones
// marked, a done action's follow-up, and a department's board in Norwegian.

describe('actions', () => {
  test('an HR admin reads the demo actions and a done one’s follow-up; the Kitchen’s board shows the published ones', async ({
    page,
    context,
    baseUrl,
    signInAs,
  }) => {
    await signInAs('hr-admin');
    await page.goto('/actions');
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    const rows = page.locator('.action-table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator('.action-table .action-overdue').count()).toBeGreaterThan(0);
    await screenshot(page, 'actions-1-list');

    const done = await ActionModel.findOne({
      status: 'done',
      published: true,
      baseline: { $ne: null },
    }).lean();
    if (!done) throw new Error('the demo has no done action with a baseline');
    await page.goto(`/actions/${String(done._id)}`);
    await page.getByRole('heading', { level: 1, name: done.title }).waitFor();
    await page.getByRole('heading', { name: 'Follow-up' }).waitFor();
    await page.locator('svg.recharts-surface').first().waitFor();
    expect(await page.getByText('Action done').count()).toBeGreaterThan(0);
    await screenshot(page, 'actions-2-follow-up');

    await context.clearCookies();
    const kitchen = await DepartmentModel.findOne({ name: 'Kitchen' }, { boardKey: 1 }).lean();
    // The language switcher's cookie, as the switcher would set it.
    const [pair = ''] = (await languageCookie.serialize('nb')).split(';', 1);
    const [name = '', value = ''] = pair.split('=');
    await context.addCookies([{ name, value, url: baseUrl, sameSite: 'Lax' }]);
    await page.goto(`/board/${kitchen?.boardKey ?? ''}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    const published = await ActionModel.find({
      published: true,
      'source.departmentId': kitchen?._id,
    }).lean();
    expect(published.length).toBeGreaterThan(0);
    for (const action of published) await page.getByText(action.title).first().waitFor();
    await screenshot(page, 'actions-3-board-nb');
  });
});
