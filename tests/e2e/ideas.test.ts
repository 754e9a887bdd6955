import type { BrowserContext, Page } from 'playwright-core';
import { describe } from 'vitest';

import { sendIdea } from '../../app/ideas/send.server';
import { ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { IdeaModel } from '../../models/idea.server';
import { PersonModel } from '../../models/person.server';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// Ideas at any time, as employees and leaders meet them: an employee sends an idea from a
// department's board (with and without JavaScript, on a 360px phone) and gets a receipt code; a
// leader reads a released batch, replies, marks an idea planned and turns it into an action; the
// employee reads the reply with the code; the board shows what came of it.

const dayMs = 24 * 60 * 60 * 1000;
const receiptCode = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

const fitsThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewports.narrow.width,
  );

async function sendFromBoard(page: Page, boardKey: string, text: string): Promise<string> {
  await page.goto(`/board/${boardKey}`);
  await page.getByRole('link', { name: 'Send an idea or concern' }).click();
  await page.getByRole('heading', { level: 1, name: /^Send an idea or concern to / }).waitFor();
  await fitsThePhone(page);
  await page.getByLabel('What is it?').selectOption('concern');
  await page.getByLabel('Your idea or concern').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you, it is sent' }).waitFor();
  await fitsThePhone(page);
  return ((await page.locator('.receipt-code code').textContent()) ?? '').trim();
}

describe('ideas', () => {
  test('an employee sends an idea from a board on a 360px phone, with and without JavaScript, and gets a receipt code', async ({
    browser,
    baseUrl,
    database,
  }) => {
    void database;
    const department = await DepartmentModel.create({
      name: `Ideas desk ${Date.now()}`,
      nameKey: `ideas desk ${Date.now()}`,
      kind: 'support',
    });
    const boardKey = department.boardKey ?? '';
    const contexts: BrowserContext[] = [];
    try {
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({
          baseURL: baseUrl,
          javaScriptEnabled,
          viewport: viewports.narrow,
        });
        contexts.push(context);
        const page = await context.newPage();
        if (!javaScriptEnabled) {
          // A text too short is refused beside its field, and nothing is stored.
          await page.goto(`/board/${boardKey}/idea`);
          await page.getByLabel('Your idea or concern').fill('Too short');
          const refused = page.waitForResponse(
            (response) => response.request().method() === 'POST',
          );
          await page.getByRole('button', { name: 'Send' }).click();
          expect((await refused).status()).toBe(400);
          await page.getByText('Write at least 10 characters.').waitFor();
          expect(await IdeaModel.countDocuments({ departmentId: department._id })).toBe(1);
        }
        const code = await sendFromBoard(
          page,
          boardKey,
          `The printer on the second floor has been jammed for a week (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`,
        );
        expect(code).toMatch(receiptCode);
        await screenshot(page, `ideas-1-sent-${javaScriptEnabled ? 'js' : 'no-js'}-360`);

        // Until its batch is released, the receipt says it waits, and nothing more.
        await page.goto('/receipt');
        await page.getByLabel('Receipt code').fill(code);
        await page.getByRole('button', { name: 'Show replies' }).click();
        await page
          .getByText(
            "It is waiting to reach the department's leaders with the next batch of ideas.",
          )
          .waitFor();
        await fitsThePhone(page);
      }
      expect(await IdeaModel.countDocuments({ departmentId: department._id })).toBe(2);
    } finally {
      for (const context of contexts) await context.close();
      await IdeaModel.deleteMany({ departmentId: department._id });
      await DepartmentModel.deleteOne({ _id: department._id });
    }
  });

  test('a leader reads a released batch, replies, plans an idea and raises an action; the sender reads the reply and the board shows what came of it', async ({
    page,
    browser,
    baseUrl,
    signInAs,
  }) => {
    const leader = await signInAs('leader');
    const person = await PersonModel.findOne({ email: leader.email }).lean();
    const department = await DepartmentModel.findById(person?.departmentId).lean();
    if (!department) throw new Error('no department');
    const departmentId = String(department._id);
    // Five ideas sent two weeks ago: a whole batch, released at the end of their week.
    const twoWeeksAgo = new Date(Date.now() - 14 * dayMs);
    const texts = [
      'Move the team meeting to Tuesday mornings, Mondays are too busy.',
      'A second coffee machine on the ground floor would save a lot of queueing.',
      'Share the rota a month ahead instead of a week.',
      'Quiet room for phone calls with customers.',
      'Label the shelves in the stock room by supplier.',
    ];
    const codes: string[] = [];
    for (const text of texts) {
      const sent = await sendIdea(departmentId, { kind: 'idea', text }, twoWeeksAgo);
      if (!sent.ok) throw new Error('not sent');
      codes.push(sent.code);
    }
    try {
      await page.goto('/ideas');
      await page.getByRole('heading', { level: 1, name: 'Ideas' }).waitFor();
      for (const text of texts) await page.getByText(text).waitFor();
      await screenshot(page, 'ideas-2-list');

      await page.getByRole('link', { name: texts[0] }).click();
      await page.getByRole('heading', { level: 1, name: `Idea for ${department.name}` }).waitFor();
      await page.getByLabel('Your reply').fill('Good point: we try Tuesdays from next month.');
      await page.getByRole('button', { name: 'Reply', exact: true }).click();
      await page.getByText('Good point: we try Tuesdays from next month.').waitFor();
      await page.locator('select[name="status"]').selectOption('planned');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('.action-summary').getByText('Planned').waitFor();
      await screenshot(page, 'ideas-3-idea');
      // The staff pages fit a 360px phone too.
      await page.setViewportSize(viewports.narrow);
      await fitsThePhone(page);
      await page.goto('/ideas');
      await page.getByRole('heading', { level: 1, name: 'Ideas' }).waitFor();
      await fitsThePhone(page);
      await screenshot(page, 'ideas-2-list-360');
      await page.goBack();
      await page.setViewportSize(viewports.desk);
      await page.getByRole('heading', { level: 1, name: `Idea for ${department.name}` }).waitFor();

      await page.getByLabel('Title').fill('Team meeting on Tuesdays');
      await page.getByLabel('Owner').selectOption({ label: leader.name });
      await page.getByLabel('Due date').fill('2099-01-31');
      await page.getByLabel('Publish to employees on the “You said, we did” board').check();
      await page.getByRole('button', { name: 'Raise the action' }).click();
      await page.getByRole('heading', { level: 1, name: 'Team meeting on Tuesdays' }).waitFor();
      await page.getByRole('heading', { name: 'Where this came from' }).waitFor();
      await screenshot(page, 'ideas-4-action');
      const action = await ActionModel.findOne({ title: 'Team meeting on Tuesdays' }).lean();
      expect(action?.source.metric).toBe('idea');

      const employee = await browser.newContext({ baseURL: baseUrl, viewport: viewports.narrow });
      try {
        const phone = await employee.newPage();
        await phone.goto('/receipt');
        await phone.getByLabel('Receipt code').fill(codes[0] ?? '');
        await phone.getByRole('button', { name: 'Show replies' }).click();
        await phone.getByText('Good point: we try Tuesdays from next month.').waitFor();
        await phone.getByText(/What came of it: Planned\./).waitFor();
        await fitsThePhone(phone);
        await screenshot(phone, 'ideas-5-receipt-360');

        await phone.goto(`/board/${department.boardKey ?? ''}`);
        await phone.getByRole('heading', { name: 'What came of ideas' }).waitFor();
        const section = phone.locator('.board-ideas');
        await section.getByText(texts[0] ?? '').waitFor();
        await section.getByText('Team meeting on Tuesdays').waitFor();
        // Ideas nobody decided on stay off the board.
        expect(await section.getByText(texts[1] ?? '').count()).toBe(0);
        await fitsThePhone(phone);
        await screenshot(phone, 'ideas-6-board-360');
        await phone.setViewportSize(viewports.desk);
        await screenshot(phone, 'ideas-6-board');
      } finally {
        await employee.close();
      }
    } finally {
      await ActionModel.deleteMany({ 'source.departmentId': department._id });
      await IdeaModel.deleteMany({ departmentId: department._id });
    }
  });
});
