import { randomUUID } from 'node:crypto';

import type { BrowserContext, Page } from 'playwright-core';
import { describe } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { SurveyModel } from '../../models/survey.server';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// Staff pages that change a lot at once, used as a browser without JavaScript on the narrowest
// phone: the roster import with department kinds, and starting and ending a survey, each with
// its confirmation step. The demo organisation is seeded into the e2e app (DEMO=on).

/** An HR admin's context with JavaScript off at 360 px. */
async function noScriptPhone(
  browser: { newContext: (options: object) => Promise<BrowserContext> },
  baseUrl: string,
  cookie: { name: string; value: string },
) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    javaScriptEnabled: false,
    viewport: viewports.narrow,
  });
  await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );
}

describe('staff pages without JavaScript at 360 px', () => {
  test('a roster import gives new and known departments the kind its file names, and refuses a bad one by line', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const hr = await makeStaff('hr-admin');
    const tag = randomUUID().slice(0, 8);
    const helpdesk = `Helpdesk ${tag}`;
    const canteen = `Canteen ${tag}`;
    await DepartmentModel.create({
      name: canteen,
      nameKey: canteen.toLowerCase(),
      kind: 'support',
    });
    const context = await noScriptPhone(browser, baseUrl, await hr.sessionCookie());
    try {
      const page = await context.newPage();
      await page.goto('/people/import');
      await page.getByText('What goes in each column').click();
      await page
        .getByText(/department_kind: executive, operational, commercial or support/)
        .waitFor();
      await fitsThePhone(page);
      await page.getByLabel('Roster file (CSV)').setInputFiles({
        name: `kinds-${tag}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(
          [
            'name,email,department,language,department_kind',
            `Ada,ada.${tag}@nordlys.example,${helpdesk},en,Support`,
            `Bea,bea.${tag}@nordlys.example,${canteen},nb,operational`,
            `Cai,cai.${tag}@nordlys.example,${canteen},pl,kitchen`,
          ].join('\n'),
        ),
      });
      await page.getByLabel('Create missing departments').check();
      await page.getByRole('button', { name: 'Upload and preview' }).click();
      await page.waitForURL(/\/people\/import\/[a-f\d]{24}$/);
      await page.getByText('3 rows: 2 new, 0 to update, 0 unchanged, 1 with errors.').waitFor();
      await page.getByText(`${helpdesk} (support)`).waitFor();
      await page.getByText(`${canteen}: support → operational`).waitFor();
      await page
        .getByText('Line 4: unknown department kind “kitchen”; use one of', { exact: false })
        .waitFor();
      await fitsThePhone(page);
      await screenshot(page, 'staff-no-js-import-kinds-preview');

      await page.getByRole('button', { name: 'Import 2 people' }).click();
      await expect
        .poll(async () => {
          await page.reload();
          return page.getByText('Import done.').count();
        })
        .toBe(1);
      const kinds = await DepartmentModel.find({ name: { $in: [helpdesk, canteen] } })
        .sort({ name: 1 })
        .lean();
      expect(kinds.map(({ name, kind }) => [name, kind])).toEqual([
        [canteen, 'operational'],
        [helpdesk, 'support'],
      ]);
    } finally {
      await context.close();
      await PersonModel.deleteMany({ emailKey: new RegExp(`\\.${tag}@nordlys\\.example$`) });
      await DepartmentModel.deleteMany({ name: { $in: [helpdesk, canteen] } });
      await hr.remove();
    }
  });

  test('starting and ending a survey each ask first, with what they will do', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const hr = await makeStaff('hr-admin');
    const context = await noScriptPhone(browser, baseUrl, await hr.sessionCookie());
    let surveyId = '';
    try {
      const page = await context.newPage();
      await page.goto('/surveys/new');
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Internal service quality' }) })
        .getByRole('button', { name: 'Use this template' })
        .click();
      await page.waitForURL(/\/surveys\/[a-f\d]{24}$/);
      surveyId = /\/surveys\/([a-f\d]{24})$/.exec(page.url())?.[1] ?? '';

      await page.getByRole('button', { name: 'Start survey' }).click();
      await page.getByRole('heading', { name: 'Start this survey?' }).waitFor();
      const invited = /Starting invites ([\d,]+) people/.exec(
        (await page.locator('.confirmation').textContent()) ?? '',
      )?.[1];
      expect(Number(invited?.replace(/,/g, ''))).toBeGreaterThan(30);
      expect((await SurveyModel.findById(surveyId).lean())?.status).toBe('draft');
      await fitsThePhone(page);
      for (const choice of await page.locator('.confirmation .button').all()) {
        expect((await choice.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      }
      await screenshot(page, 'staff-no-js-start-confirmation');

      await page.getByRole('button', { name: `Start and invite ${invited ?? ''} people` }).click();
      await page.locator('.survey-header .status').filter({ hasText: 'Active' }).waitFor();
      expect((await SurveyModel.findById(surveyId).lean())?.status).toBe('active');

      await page.getByRole('button', { name: 'End survey' }).click();
      await page.getByText('This cannot be undone.').waitFor();
      await fitsThePhone(page);
      expect((await SurveyModel.findById(surveyId).lean())?.status).toBe('active');
      await page.getByRole('button', { name: 'End survey for good' }).click();
      await page.locator('.survey-header .status').filter({ hasText: 'Ended' }).waitFor();
    } finally {
      await context.close();
      if (surveyId) {
        await CycleModel.deleteMany({ surveyId });
        await SurveyModel.deleteOne({ _id: surveyId });
      }
      await hr.remove();
    }
  });
});
