import { describe } from 'vitest';

import { newActionPath } from '../../app/actions/action-rules';
import { ActionModel } from '../../models/action.server';
import { PersonModel } from '../../models/person.server';
import type { LanguageCode } from '../../models/vocabulary';
import { expect, test, viewports } from './harness/fixtures';

// Words run longer in some languages than in English: the action pages must still fit a 360px
// phone for a reader of Ukrainian, Polish or Latvian, with the demo's actions on them.

describe('actions in other languages', () => {
  test('the list, an action page and the raise form fit a 360px phone in uk, pl and lv', async ({
    page,
    signInAs,
  }) => {
    const hr = await signInAs('hr-admin');
    await page.setViewportSize(viewports.narrow);
    const open = await ActionModel.findOne({ status: 'open' }).lean();
    if (!open) throw new Error('the demo has no open action');
    const source = {
      surveyId: String(open.source.surveyId),
      cycleId: String(open.source.cycleId),
      metric: open.source.metric,
      questionId: open.source.questionId ?? null,
      driver: open.source.driver ?? null,
      departmentId: open.source.departmentId ? String(open.source.departmentId) : null,
      providerDepartmentId: open.source.providerDepartmentId
        ? String(open.source.providerDepartmentId)
        : null,
    };
    const pages = ['/actions', `/actions/${String(open._id)}`, newActionPath(source)];
    const headings: Record<LanguageCode, string> = {
      en: 'Actions',
      uk: 'Дії',
      nb: 'Tiltak',
      pt: 'Ações',
      pl: 'Działania',
      lv: 'Darbības',
    };
    const tooWide: string[] = [];
    for (const language of ['uk', 'pl', 'lv'] as const) {
      await PersonModel.updateOne({ email: hr.email }, { $set: { language } });
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > viewports.narrow.width) tooWide.push(`${language} ${path}: ${width}px`);
      }
      await page.goto('/actions');
      await page.getByRole('heading', { level: 1, name: headings[language] }).waitFor();
    }
    expect(tooWide).toEqual([]);
  });
});
