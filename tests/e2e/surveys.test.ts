import { randomUUID } from 'node:crypto';

import { describe, inject } from 'vitest';

import { localDate } from '../../app/surveys/local-time';
import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { SurveyModel } from '../../models/survey.server';
import { type CaughtMail, readCaughtMail } from '../support/mail-catcher';
import { screenshot } from './harness/browser';
import { expect, test } from './harness/fixtures';

// The demo organisation is seeded into the e2e app (DEMO=on): its Kitchen answers this survey.

describe('surveys', () => {
  test('an HR admin builds a survey from a template, previews it, starts it and the invitations reach people in their language', async ({
    page,
    signInAs,
  }) => {
    await signInAs('hr-admin');
    const tag = randomUUID().slice(0, 8);
    let surveyId = '';
    try {
      await page.goto('/surveys');
      await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
      await screenshot(page, 'surveys-1-list');

      // From a template.
      await page.getByRole('link', { name: 'New survey' }).click();
      await page.getByRole('heading', { level: 1, name: 'New survey' }).waitFor();
      expect(await page.locator('.template-card h2').allTextContents()).toHaveLength(7);
      await screenshot(page, 'surveys-2-templates');
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Internal service quality' }) })
        .getByRole('button', { name: 'Use this template' })
        .click();
      await page.waitForURL(/\/surveys\/[a-f\d]{24}$/);
      surveyId = /\/surveys\/([a-f\d]{24})$/.exec(page.url())?.[1] ?? '';
      await page.getByRole('heading', { level: 2, name: 'Questions' }).waitFor();

      // Name it, send it to the Kitchen only, and schedule its first cycle for today.
      await page.getByLabel('Title (English)').fill(`Service pulse ${tag}`);
      await page.getByLabel('Title (Norwegian Bokmål)').fill(`Tjenestepuls ${tag}`);
      const audience = page.getByRole('group', { name: 'Departments that answer' });
      for (const box of await audience.getByRole('checkbox').all()) await box.uncheck();
      await audience.getByRole('checkbox', { name: 'Kitchen' }).check();
      await page.getByLabel('How often').selectOption('weekly');
      await page.getByLabel('First cycle opens on').fill(localDate(new Date(), 'Europe/Oslo'));
      await page.getByLabel('Opening hour').fill('0');
      await page.getByLabel('Days open').fill('5');
      await page.getByLabel('Reminder, days before closing').fill('1');

      // Reorder once, and see the move keep the question's text.
      const second = page.getByRole('group', { name: 'Question 2' });
      const secondText = await second.getByLabel('Question (English)').inputValue();
      await page.getByRole('button', { name: 'Move question 2 up' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('group', { name: 'Question 1' })
            .getByLabel('Question (English)')
            .inputValue(),
        )
        .toBe(secondText);
      await screenshot(page, 'surveys-3-designer');

      await page.getByRole('button', { name: 'Save survey' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        `Service pulse ${tag}`,
      );

      // Preview, switching language.
      await page.getByRole('link', { name: 'Preview' }).click();
      await page.getByRole('heading', { level: 2, name: `Service pulse ${tag}` }).waitFor();
      expect(
        await page
          .getByRole('group', { name: 'IT' })
          .getByRole('checkbox')
          .first()
          .getAttribute('name'),
      ).toMatch(/^skip\./);
      await screenshot(page, 'surveys-4-preview-english');
      await page.getByRole('link', { name: 'Norwegian Bokmål' }).click();
      await page.getByRole('heading', { level: 2, name: `Tjenestepuls ${tag}` }).waitFor();
      expect(
        await page.getByRole('checkbox', { name: 'Jeg har ikke brukt denne tjenesten' }).count(),
      ).toBeGreaterThan(0);
      expect(await page.locator('article.survey-view').getAttribute('lang')).toBe('nb');
      await screenshot(page, 'surveys-5-preview-norwegian');

      // Start it, and open the cycle that is now due.
      await page.getByRole('link', { name: 'Design' }).click();
      await page.getByRole('button', { name: 'Start survey' }).click();
      await page.getByRole('button', { name: /^Start and invite/ }).click();
      await page.locator('.survey-header .status').filter({ hasText: 'Active' }).waitFor();
      await page.getByRole('link', { name: '← Surveys' }).click();
      await page.getByRole('button', { name: 'Open due cycles now' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /cycle\(s\) opened/ })
        .waitFor();
      const row = page.getByRole('row').filter({ hasText: `Service pulse ${tag}` });
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Cycle 1, until/);
      await screenshot(page, 'surveys-6-cycle-open');

      const kitchen = await InviteModel.countDocuments({ surveyId });
      expect(kitchen).toBeGreaterThan(30);
      expect(await CycleModel.countDocuments({ surveyId, status: 'open' })).toBe(1);

      await page.goto(`/surveys/${surveyId}/cycles`);
      await page.getByRole('link', { name: 'Cycle 1' }).click();
      await page.getByRole('heading', { level: 2, name: 'Cycle 1' }).waitFor();
      expect(await page.getByRole('row', { name: /Kitchen/ }).textContent()).toContain(
        String(kitchen),
      );
      await screenshot(page, 'surveys-7-cycle-participation');

      // The invitations, each in its reader's language, as they arrive in people's inboxes (the
      // app sends through SMTP to the e2e mail catcher). Other surveys may be mailing at the
      // same moment, so each mail is found by its subject.
      const received = async (subject: string): Promise<CaughtMail> => {
        let found: CaughtMail | undefined;
        await expect
          .poll(
            () => (found = readCaughtMail(inject('mailDir')).find((m) => m.subject === subject)),
          )
          .toBeDefined();
        if (!found) throw new Error(`No mail "${subject}"`);
        return found;
      };
      const english = await received(`Service pulse ${tag}: your pulse survey`);
      const norwegian = await received(`Tjenestepuls ${tag}: pulsundersøkelsen din`);
      expect(english.text).toMatch(/^Hello /);
      expect(norwegian.text).toMatch(/^Hei, /);
      // Sent, so not kept in the outbox (which never shows a personal link anyway).
      await page.goto('/settings/outbox');
      await page.getByRole('heading', { level: 2, name: 'Outbox' }).waitFor();
      expect(await page.locator('main').textContent()).not.toContain(`Tjenestepuls ${tag}`);
      await screenshot(page, 'surveys-8-outbox');
      // The Norwegian invitation as its reader opens it.
      await page.goto('about:blank');
      await page.setContent(norwegian.html);
      expect(await page.locator('p').first().textContent()).toMatch(/^Hei, /);
      const links = await page
        .getByRole('link')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      // The personal answer link, then the department's "You said, we did" board.
      expect(links[0]).toMatch(/\/a\/[\w-]{43}$/);
      expect(links[1]).toMatch(/\/board\/[\w-]+$/);
      await screenshot(page, 'surveys-9-invitation');
      await page.waitForLoadState('networkidle');
    } finally {
      if (surveyId) {
        await InviteModel.deleteMany({ surveyId });
        await CycleModel.deleteMany({ surveyId });
        await SurveyModel.deleteOne({ _id: surveyId });
      }
    }
  });

  test('refuses a bad draft beside each field and keeps what was typed', async ({
    page,
    signInAs,
    problems,
  }) => {
    problems.allowStatus(400);
    await signInAs('hr-admin');
    await page.goto('/surveys/new');
    await page.getByRole('button', { name: 'Start blank' }).click();
    await page.waitForURL(/\/surveys\/[a-f\d]{24}$/);
    const surveyId = /\/surveys\/([a-f\d]{24})$/.exec(page.url())?.[1] ?? '';
    try {
      await page.getByLabel('Title (English)').fill('Half-finished survey');
      await page.getByLabel('Anonymity threshold').fill('2');
      // Saved questions are folded: unfold the first to reach its text.
      const first = page.getByRole('group', { name: 'Question 1' });
      await first.locator('summary').click();
      await first.getByLabel('Question (English)').fill('');
      await page.getByRole('button', { name: 'Save survey' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'The survey was not saved' });
      await summary.waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual([
        'Anonymity threshold: The anonymity threshold is at least 3',
        'Question 1, text (English): Write the question in the default language',
      ]);
      expect(await page.getByLabel('Title (English)').inputValue()).toBe('Half-finished survey');
      // Beside the Save button too, and the question with the error stands unfolded.
      await page
        .getByRole('status')
        .filter({ hasText: 'Not saved: 2 things need fixing' })
        .waitFor();
      expect(await first.getByLabel('Question (English)').isVisible()).toBe(true);
      expect(await page.getByLabel('Anonymity threshold').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await screenshot(page, 'surveys-refused-draft');
      expect((await SurveyModel.findById(surveyId).lean())?.title).toEqual({
        en: 'Untitled survey',
      });
    } finally {
      await SurveyModel.deleteOne({ _id: surveyId });
    }
  });
});
