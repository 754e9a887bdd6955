import type { Page } from 'playwright-core';
import { describe } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { CommentReplyModel } from '../../models/comment-reply.server';
import { SurveyModel } from '../../models/survey.server';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// Without JavaScript, on a 360px phone, as a leader or HR admin meets them: a reply through the
// folded reply box, a keyword search over the comments, and an action closed as "won't do" with
// the reason it needs. The demo organisation's data is put back as it was afterwards.

const fitsThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );

describe('comments and actions without JavaScript at 360px', () => {
  test('an HR admin replies through the folded box, searches, and closes an action as won’t do', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const hr = await makeStaff('hr-admin');
    const context = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: viewports.narrow,
    });
    const cookie = await hr.sessionCookie();
    await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    const reply = `Thank you, we are on it (${Date.now()})`;
    const action = await ActionModel.findOne({ status: 'open' }).lean();
    // The demo's weekly service survey, named: other test files add surveys with newer cycles,
    // on which the page would otherwise open.
    const demoSurvey = await SurveyModel.findOne({ templateId: 'internal-service-quality' })
      .sort({ _id: 1 })
      .lean();
    if (!demoSurvey) throw new Error('the demo has no service survey');
    if (!action) throw new Error('the demo has no open action');
    try {
      const page = await context.newPage();
      await page.goto(`/insights/comments?survey=${String(demoSurvey._id)}`);
      await page.getByRole('heading', { level: 1, name: 'Comments' }).waitFor();
      const first = page.locator('.comment').first();
      const text = (await first.locator('.comment-text').textContent()) ?? '';
      expect(text.length).toBeGreaterThan(0);
      // Folded: the box is there but not shown until "Reply" is opened.
      const box = first.getByRole('textbox', { name: 'Reply to comment 1' });
      expect(await box.isVisible()).toBe(false);
      await fitsThePhone(page);
      await first.locator('summary', { hasText: 'Reply' }).click();
      await box.fill(reply);
      await fitsThePhone(page);
      await screenshot(page, 'comments-actions-1-reply-open-360');
      await first.getByRole('button', { name: 'Post reply' }).click();
      await page.getByText(reply).waitFor();
      expect(await page.locator('.comment').first().locator('details').getAttribute('open')).toBe(
        null,
      );

      // Search for a word of that comment, typed in other capitals.
      const word = text.split(/\s+/).find((part) => /^\p{L}{4,}$/u.test(part)) ?? text;
      await page.getByRole('searchbox', { name: 'Search the comments' }).fill(word.toUpperCase());
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByText(/comments? matching/).waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe(word.toUpperCase());
      const found = await page.locator('.comment-text').allTextContents();
      expect(found.length).toBeGreaterThan(0);
      for (const comment of found) expect(comment.toLowerCase()).toContain(word.toLowerCase());
      await fitsThePhone(page);
      await screenshot(page, 'comments-actions-2-search-360');

      await page.goto(`/actions/${String(action._id)}`);
      await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
      await fitsThePhone(page);
      await page.getByRole('button', { name: 'Mark won’t do' }).click();
      await page.getByText('Give the reason it will not be done').waitFor();
      expect((await ActionModel.findById(action._id).lean())?.status).toBe('open');
      await page
        .getByRole('textbox', { name: 'Reason it won’t be done' })
        .fill('The supplier stopped making them.');
      await page.getByRole('button', { name: 'Mark won’t do' }).click();
      await page.getByText('Why it won’t be done').waitFor();
      await page.getByText('moved it from open to won’t do').waitFor();
      expect(await page.locator('.action-summary .action-status-wont-do').textContent()).toBe(
        'Won’t do',
      );
      await fitsThePhone(page);
      await screenshot(page, 'comments-actions-3-wont-do-360');
      expect(await ActionModel.findById(action._id).lean()).toMatchObject({
        status: 'wont-do',
        wontDoReason: 'The supplier stopped making them.',
      });
    } finally {
      await context.close();
      await CommentReplyModel.deleteMany({ text: reply });
      await ActionModel.replaceOne({ _id: action._id }, action);
    }
  });
});
