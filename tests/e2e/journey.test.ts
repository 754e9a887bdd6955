import { randomUUID } from 'node:crypto';

import type { BrowserContext, Page } from 'playwright-core';
import { describe, inject } from 'vitest';

import { localDate } from '../../app/surveys/local-time';
import { ActionModel } from '../../models/action.server';
import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { PersonModel } from '../../models/person.server';
import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { SurveyModel } from '../../models/survey.server';
import { makePerson } from '../factories/organisation';
import { linkToken, readCaughtMail } from '../support/mail-catcher';
import { screenshot } from './harness/browser';
import { expect, test } from './harness/fixtures';
import type { StaffUser } from './harness/staff';

// The whole loop, as people meet it: HR builds a survey from a template and opens its first
// cycle; six employees answer through their links; their leader sees nothing of the cycle while
// it is open, its results once it has closed, raises an action from the chart, and marks it done
// with an update; an employee finds it on the board; in the next cycle only four answer, so the
// department is withheld there, and the trend carries the action's marker.

const languages = ['en', 'nb', 'pl', 'uk', 'pt', 'lv'] as const;
const day = 24 * 60 * 60 * 1000;

async function signIn(context: BrowserContext, baseUrl: string, user: StaffUser) {
  await context.clearCookies();
  const cookie = await user.sessionCookie();
  await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

/**
 * The answer links mailed to these people since `after`, in the order of `emails`: read from
 * their inboxes (the mail catcher the app sends to), since the outbox never keeps them.
 */
async function linksFor(emails: readonly string[], after: Date) {
  const links = new Map<string, string>();
  await expect
    .poll(
      () => {
        for (const mail of readCaughtMail(inject('mailDir'))) {
          const token = linkToken(mail, 'a');
          const to = mail.to.find((address) => emails.includes(address));
          if (token && to && mail.receivedAt >= after.getTime()) links.set(to, token);
        }
        return links.size;
      },
      { timeout: 20_000 },
    )
    .toBe(emails.length);
  return emails.map((email) => links.get(email) ?? '');
}

/** Answers every question on an answer page (the last option of each group) and sends it. */
async function answerEverything(page: Page) {
  const form = page.locator('main form').last();
  await form.waitFor();
  const names = await form
    .locator('input[type="radio"]')
    .evaluateAll((inputs) => [...new Set(inputs.map((input) => input.getAttribute('name') ?? ''))]);
  for (const name of names) {
    await form.locator(`input[type="radio"][name="${name}"]`).last().check();
  }
  await form.locator('button[type="submit"]').last().click();
  await page.locator('.thank-you, h1').first().waitFor();
}

async function answerAs(page: Page, token: string): Promise<string | null> {
  await page.goto(`/a/${token}`);
  await answerEverything(page);
  await page.waitForURL(/\/a\//);
  // The thank-you page links to the department's board.
  await page.locator('a[href^="/board"]').first().waitFor();
  return page.locator('a[href^="/board"]').first().getAttribute('href');
}

/** Closes a cycle as the scheduler does, long enough ago for its results to be shown. */
async function closeCycle(surveyId: string, number: number) {
  const closedAt = new Date(Date.now() - 5 * 60_000);
  await CycleModel.updateOne(
    { surveyId, number },
    { $set: { status: 'closed', closesAt: closedAt, closedAt } },
  );
}

async function departmentRow(page: Page, name: string): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Satisfaction by department' });
  const row = table.getByRole('row').filter({ hasText: name }).first();
  return (await row.locator('th, td').allTextContents()).map((cell) => cell.trim());
}

describe('the whole loop', () => {
  test('survey from a template, six answers shown once the cycle closes, an action done and published, the board, a withheld cycle and the marker', async ({
    page,
    context,
    baseUrl,
    makeStaff,
  }) => {
    const tag = randomUUID().slice(0, 8);
    const leader = await makeStaff('leader');
    const hr = await makeStaff('hr-admin');
    const leaderPerson = await PersonModel.findOne({ email: leader.email }).lean();
    const departmentId = leaderPerson?.departmentId;
    if (!departmentId) throw new Error('no department');
    const department = `E2E ${leader.name.split(' ')[1] ?? ''}`;
    const employees = await Promise.all(
      languages.map((language, index) =>
        makePerson({
          departmentId,
          language,
          name: `Journey ${index} ${tag}`,
          email: `journey-${index}-${tag}@example.com`,
        }),
      ),
    );
    const emails = employees.map((person) => person.email);
    const title = `Journey pulse ${tag}`;
    let surveyId = '';
    try {
      // HR: a survey from a template, for this department, its first cycle opening now.
      await signIn(context, baseUrl, hr);
      await page.goto('/surveys/new');
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Weekly engagement pulse' }) })
        .getByRole('button', { name: 'Use this template' })
        .click();
      await page.waitForURL(/\/surveys\/[a-f\d]{24}$/);
      surveyId = /\/surveys\/([a-f\d]{24})$/.exec(page.url())?.[1] ?? '';
      await page.getByLabel('Title (English)').fill(title);
      const audience = page.getByRole('group', { name: 'Departments that answer' });
      for (const box of await audience.getByRole('checkbox').all()) await box.uncheck();
      await audience.getByRole('checkbox', { name: department }).check();
      await page.getByLabel('How often').selectOption('weekly');
      await page.getByLabel('First cycle opens on').fill(localDate(new Date(), 'Europe/Oslo'));
      await page.getByLabel('Opening hour').fill('0');
      await page.getByLabel('Days open').fill('5');
      await page.getByRole('button', { name: 'Save survey' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await page.getByRole('button', { name: 'Start survey' }).click();
      await page.getByRole('button', { name: /^Start and invite/ }).click();
      await page.locator('.survey-header .status').filter({ hasText: 'Active' }).waitFor();
      const firstOpened = new Date();
      await page.goto('/surveys');
      await page.getByRole('button', { name: 'Open due cycles now' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /cycle\(s\) opened/ })
        .waitFor();
      const tokens = await linksFor(emails, new Date(firstOpened.getTime() - 60_000));

      // Four employees answer; while the cycle is open the leader sees no figure of it, only
      // that its results come when it closes.
      let boardLink: string | null = null;
      for (const token of tokens.slice(0, 4)) boardLink = await answerAs(page, token);
      await signIn(context, baseUrl, leader);
      await page.goto(`/insights?survey=${surveyId}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('Cycle 1 is still open').waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(/n = \d/);
      await screenshot(page, 'journey-1-open');

      // Two more answer, and the cycle closes: now the department is shown, with its n.
      for (const token of tokens.slice(4)) boardLink = await answerAs(page, token);
      await closeCycle(surveyId, 1);
      await signIn(context, baseUrl, leader);
      await page.goto(`/insights?survey=${surveyId}`);
      const shown = await departmentRow(page, department);
      expect(shown[1]).toMatch(/^\d(\.\d+)?$/);
      expect(shown[2]).toBe('6');
      await screenshot(page, 'journey-2-closed');

      // The leader raises an action from that row (in the chart's table view), starts it, and
      // marks it done with an update.
      await page
        .getByRole('group', { name: 'Show Satisfaction by department as' })
        .getByRole('button', { name: 'Table' })
        .click();
      await page
        .getByRole('link', { name: `Raise an action on ${department}` })
        .first()
        .click();
      await page.waitForURL(/\/actions\/new\?/);
      const actionTitle = `Fewer meetings on Mondays ${tag}`;
      await page.getByLabel('Title').fill(actionTitle);
      await page.getByLabel('Description').fill('Monday stand-ups move to Tuesday for a month.');
      await page.getByLabel('Owner').selectOption({ label: leader.name });
      await page
        .getByLabel('Due date')
        .fill(localDate(new Date(Date.now() + 14 * day), 'Europe/Oslo'));
      await page.getByLabel(/Publish/).check();
      await page.getByRole('button', { name: /Raise (the )?action/ }).click();
      await page.waitForURL(/\/actions\/[a-f\d]{24}$/);
      await page.getByRole('heading', { level: 1, name: actionTitle }).waitFor();
      await page.getByRole('button', { name: /Start work/ }).click();
      await page.getByRole('button', { name: /Mark done/ }).waitFor();
      const note = 'Stand-ups moved; the team chose Tuesday 10:00.';
      await page.getByLabel('Update', { exact: true }).fill(note);
      await page.getByRole('button', { name: 'Post update' }).click();
      await page.getByText(note).first().waitFor();
      await page.getByRole('button', { name: /Mark done/ }).click();
      await expect
        .poll(async () => (await ActionModel.findOne({ title: actionTitle }).lean())?.status)
        .toBe('done');
      await screenshot(page, 'journey-3-action-done');

      // An employee opens the board from the thank-you page's link and finds it.
      await context.clearCookies();
      await page.goto(boardLink ?? '/board');
      await page.getByText(actionTitle).waitFor();
      await screenshot(page, 'journey-4-board');

      // The next cycle: a week on (the survey's clock is moved back a week), HR opens it and
      // four employees answer it; once it has closed the department is withheld there, and the
      // trend shows the action's marker at cycle 1.
      const cycle1 = await CycleModel.findOne({ surveyId, number: 1 }).lean();
      if (!cycle1) throw new Error('no cycle 1');
      const survey = await SurveyModel.findById(surveyId).lean();
      const startDate = survey?.schedule.startDate ?? '';
      const weekEarlier = new Date(Date.parse(`${startDate}T12:00:00Z`) - 7 * day)
        .toISOString()
        .slice(0, 10);
      await SurveyModel.updateOne(
        { _id: surveyId },
        { $set: { 'schedule.startDate': weekEarlier } },
      );
      await CycleModel.updateOne(
        { _id: cycle1._id },
        {
          $set: {
            opensAt: new Date(cycle1.opensAt.getTime() - 7 * day),
            closesAt: new Date(Date.now() - 60_000),
          },
        },
      );
      await signIn(context, baseUrl, hr);
      const secondOpened = new Date();
      await page.goto('/surveys');
      await page.getByRole('button', { name: 'Open due cycles now' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /cycle\(s\) opened/ })
        .waitFor();
      const next = await linksFor(emails, new Date(secondOpened.getTime() - 1000));
      for (const token of next.slice(0, 4)) await answerAs(page, token);
      await closeCycle(surveyId, 2);

      await signIn(context, baseUrl, leader);
      await page.goto(`/insights?survey=${surveyId}`);
      expect((await departmentRow(page, department))[1]).toBe('withheld');
      await screenshot(page, 'journey-5-withheld');
      const trend = page.getByRole('table', { name: 'Trend over cycles' });
      const cycleRows = () =>
        trend
          .locator('tbody tr')
          .evaluateAll((rows) =>
            rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')),
          );
      await expect.poll(async () => (await cycleRows()).length, { timeout: 10_000 }).toBe(2);
      // The marker sits at cycle 1, where the action was done; cycle 2 has none.
      const [first, second] = await cycleRows();
      expect(first?.[0]).toBe('1');
      expect(first?.join(' ')).toContain(actionTitle);
      expect(second?.join(' ')).not.toContain(actionTitle);
      await page.locator('.chart-card svg').first().waitFor();
      await screenshot(page, 'journey-6-trend-marker');
    } finally {
      if (surveyId) {
        await ActionModel.deleteMany({ 'source.surveyId': surveyId });
        await ResponseModel.deleteMany({ surveyId });
        await RollupModel.deleteMany({ surveyId });
        await InviteModel.deleteMany({ surveyId });
        await CycleModel.deleteMany({ surveyId });
        await SurveyModel.deleteOne({ _id: surveyId });
      }
      await PersonModel.deleteMany({ email: { $in: emails } });
    }
  });
});
