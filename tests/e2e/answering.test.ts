import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type axe from 'axe-core';
import type { Types } from 'mongoose';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';

import type { Question } from '../../app/surveys/survey-schema';
import { newToken } from '../../app/surveys/tokens.server';
import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { InviteModel } from '../../models/invite.server';
import { PersonModel } from '../../models/person.server';
import { ResponseModel } from '../../models/response.server';
import { SurveyModel } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import { makeAnsweringCycle } from '../factories/answering';
import { makeDepartment, makePerson } from '../factories/organisation';
import { makeSurvey } from '../factories/survey';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

// Employees answer through their own links, each in their own language; the stored documents
// are then read straight from the database to check what anonymity promises.

declare global {
  interface Window {
    axe: typeof axe;
  }
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const questions: Question[] = [
  {
    id: 'q-tools',
    type: 'scale',
    text: {
      en: 'I have the tools I need.',
      uk: 'У мене є потрібні інструменти.',
      nb: 'Jeg har verktøyene jeg trenger.',
      pl: 'Mam narzędzia, których potrzebuję.',
    },
    driver: 'Tools',
    required: true,
    core: true,
    internalService: false,
    archived: false,
  },
  {
    id: 'q-recommend',
    type: 'nps',
    text: {
      en: 'How likely are you to recommend working here?',
      uk: 'Наскільки ймовірно, що ви порадите роботу тут?',
      nb: 'Hvor sannsynlig er det at du anbefaler å jobbe her?',
    },
    required: false,
    core: true,
    internalService: false,
    archived: false,
  },
  {
    id: 'q-comment',
    type: 'text',
    text: {
      en: 'Anything else?',
      uk: 'Щось іще?',
      nb: 'Noe annet?',
      pl: 'Coś jeszcze?',
    },
    required: false,
    core: true,
    internalService: false,
    archived: false,
    maxLength: 500,
  },
];

interface Employee {
  language: LanguageCode;
  token: string;
  inviteId: Types.ObjectId;
}

async function openCycleWithEmployees(languages: LanguageCode[]) {
  const tag = randomUUID().slice(0, 8);
  const department = await makeDepartment(`Answering ${tag}`);
  const survey = await makeSurvey({
    audienceIds: [department._id],
    title: { en: `Pulse ${tag}`, uk: `Пульс ${tag}`, nb: `Puls ${tag}`, pl: `Puls ${tag}` },
    intro: { en: 'Three questions, anonymous.' },
    languages: ['en', 'uk', 'nb', 'pl'],
    questions,
  });
  const now = Date.now();
  const cycle = await CycleModel.create({
    surveyId: survey._id,
    number: 1,
    opensAt: new Date(now - 60 * 60 * 1000),
    closesAt: new Date(now + 3 * 24 * 60 * 60 * 1000),
    status: 'open',
    questionIds: questions.map((question) => question.id),
    kioskId: `e2e-${tag}`,
    openedAt: new Date(now - 60 * 60 * 1000),
  });
  const employees: Employee[] = [];
  for (const language of languages) {
    const person = await makePerson({
      departmentId: department._id,
      language,
      email: `answer-${language}-${tag}@example.com`,
    });
    const { token, hash } = newToken();
    const invite = await InviteModel.create({
      cycleId: cycle._id,
      surveyId: survey._id,
      personId: person._id,
      departmentId: department._id,
      language,
      tokenHash: hash,
      deliveryClaimedAt: new Date(now),
      deliveredAt: new Date(now),
    });
    employees.push({ language, token, inviteId: invite._id });
  }
  const cleanUp = async () => {
    await ResponseModel.deleteMany({ cycleId: cycle._id });
    await InviteModel.deleteMany({ cycleId: cycle._id });
    await CycleModel.deleteMany({ _id: cycle._id });
    await SurveyModel.deleteMany({ _id: survey._id });
    await PersonModel.deleteMany({ departmentId: department._id });
    await DepartmentModel.deleteMany({ _id: department._id });
  };
  return { survey, cycle, department, employees, cleanUp };
}

/** Answers every question on the page: the first option of each group, and a comment. */
async function answerEverything(page: Page, comment: string | null) {
  const form = page.locator('main form').last();
  const names = await form
    .locator('input[type="radio"]')
    .evaluateAll((inputs) => [...new Set(inputs.map((input) => input.getAttribute('name') ?? ''))]);
  for (const name of names) {
    await form.locator(`input[type="radio"][name="${name}"]`).last().check();
  }
  if (comment) await form.locator('textarea').first().fill(comment);
  await form.locator('button[type="submit"]').last().click();
}

const thanks: Record<string, string> = {
  en: 'Thank you, your answers are in',
  uk: 'Дякуємо, ваші відповіді отримано',
  nb: 'Takk, svarene dine er mottatt',
  pl: 'Dziękujemy, odpowiedzi zostały zapisane',
};

describe('answering', () => {
  test('employees answer through their links in their languages; a used link tells only its owner, tampered links are refused', async ({
    page,
    problems,
    database,
    browser,
    baseUrl,
  }) => {
    void database;
    const setup = await openCycleWithEmployees(['en', 'uk', 'nb', 'pl']);
    try {
      let receiptCode = '';
      for (const [index, employee] of setup.employees.entries()) {
        if (index === 1) await page.setViewportSize(viewports.phone);
        await page.goto(`/a/${employee.token}`);
        await page.locator('main form').last().waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(employee.language);
        await screenshot(page, `answering-1-${employee.language}-form`);
        // What the browser asks of the server once the page is there (bench:answer makes the
        // same requests): the post, and no revalidation of what the page already shows.
        const dataRequests: string[] = [];
        const onRequest = (request: { url: () => string; method: () => string }) => {
          if (request.url().includes('_data=')) dataRequests.push(request.method());
        };
        page.on('request', onRequest);
        // The Ukrainian employee leaves a comment and keeps the receipt code.
        await answerEverything(
          page,
          employee.language === 'uk' ? 'Більше кави, будь ласка.' : null,
        );
        await page
          .getByRole('heading', { level: 1, name: thanks[employee.language] ?? '' })
          .waitFor();
        await page.waitForLoadState('networkidle');
        page.off('request', onRequest);
        expect(dataRequests).toEqual(['POST']);
        if (employee.language === 'uk') {
          receiptCode = (await page.locator('.receipt-code code').textContent()) ?? '';
          expect(receiptCode).toMatch(/^[\dA-Z]{4}(-[\dA-Z]{4})+$/);
        }
        await screenshot(page, `answering-2-${employee.language}-thanks`);
      }
      await page.setViewportSize(viewports.desk);

      // The Norwegian employee opens the used link again, in the browser that answered.
      const norwegian = setup.employees.find((employee) => employee.language === 'nb');
      await page.goto(`/a/${norwegian?.token ?? ''}`);
      await page
        .getByRole('heading', { level: 1, name: 'Du har allerede svart på denne pulsen' })
        .waitFor();
      await screenshot(page, 'answering-3-already-answered-nb');

      // Anyone else holding the link (HR with a printed sheet) learns nothing from it: the
      // questions as before, thanks for answers sent, and nothing stored.
      const other = await browser.newContext({ baseURL: baseUrl });
      try {
        const stranger = await other.newPage();
        await stranger.goto(`/a/${norwegian?.token ?? ''}`);
        await stranger.locator('main form').last().waitFor();
        expect(await stranger.getByText('Du har allerede svart').count()).toBe(0);
        await answerEverything(stranger, 'Prøver å se om lenken er brukt.');
        await stranger.getByRole('heading', { level: 1, name: thanks.nb ?? '' }).waitFor();
        const standIn = (await stranger.locator('.receipt-code code').textContent()) ?? '';
        expect(standIn).toMatch(/^[\dA-Z]{4}(-[\dA-Z]{4})+$/);
        await screenshot(stranger, 'answering-3b-stranger-thanked-nb');
        expect(await ResponseModel.countDocuments({ cycleId: setup.cycle._id })).toBe(4);
      } finally {
        await other.close();
      }

      // A tampered link: one character changed. An unknown and a malformed link look alike.
      problems.allowStatus(404);
      const english = setup.employees.find((employee) => employee.language === 'en');
      const token = english?.token ?? '';
      const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const link of [`/a/${tampered}`, '/a/not-a-token']) {
        await page.goto(link);
        await page
          .getByRole('heading', { level: 1, name: 'We could not find this link' })
          .waitFor();
      }
      await screenshot(page, 'answering-4-link-not-found');

      // The receipt code shows the comment, and no replies yet; a wrong code finds nothing.
      await page.goto('/receipt');
      await page.getByLabel('Receipt code').fill(receiptCode.toLowerCase());
      await page.getByRole('button', { name: 'Show replies' }).click();
      await page.getByText('Більше кави, будь ласка.').waitFor();
      await page.getByText(/No replies yet/).waitFor();
      await screenshot(page, 'answering-5-receipt');
      await page.getByLabel('Receipt code').fill('AAAA-BBBB-CCCC-DDDD');
      await page.getByRole('button', { name: 'Show replies' }).click();
      await page.getByText('We could not find that code. Check it and try again.').waitFor();

      // What is stored: nothing that could identify anyone.
      const responses = await ResponseModel.collection.find({ cycleId: setup.cycle._id }).toArray();
      expect(responses).toHaveLength(4);
      const allowed = [
        '_id',
        'cycleId',
        'surveyId',
        'departmentId',
        'answers',
        'receiptHash',
        'rolledUp',
      ];
      for (const response of responses) {
        expect(Object.keys(response).filter((key) => !allowed.includes(key))).toEqual([]);
        expect(typeof response._id).toBe('string');
        expect(String(response._id)).toMatch(/^[\da-f-]{36}$/);
        const text = JSON.stringify(response);
        for (const employee of setup.employees) {
          expect(text).not.toContain(employee.token);
          expect(text).not.toContain(String(employee.inviteId));
        }
        expect(text).not.toMatch(/127\.0\.0\.1|Chrome|HeadlessChrome/);
      }
      expect(responses.filter((response) => response.receiptHash)).toHaveLength(1);
      // Nothing on an invite says it was used, or when.
      const invites = await InviteModel.find({ cycleId: setup.cycle._id }).lean();
      for (const invite of invites) {
        expect(Object.keys(invite).filter((key) => /used|answer/i.test(key))).toEqual([]);
      }
    } finally {
      await setup.cleanUp();
    }
  });

  test('a shared kiosk keeps nothing of one person’s unsent answers for the next', async ({
    page,
    database,
  }) => {
    void database;
    const setup = await openCycleWithEmployees(['en', 'nb']);
    try {
      await SurveyModel.updateOne({ _id: setup.survey._id }, { $set: { kiosk: true } });
      await page.goto(`/k/${setup.cycle.kioskId}`);
      const form = page.locator('main form').last();
      await form.waitFor();
      // The first person starts, writes a comment, and walks away without sending.
      await page.getByLabel('Your department').selectOption(String(setup.department._id));
      await form.locator('input[type="radio"]').first().check();
      await form.locator('textarea').first().fill('Something I did not mean to leave behind');
      // The next person opens the same page on the same tablet.
      await page.reload();
      await form.waitFor();
      expect(await form.locator('input[type="radio"]:checked').count()).toBe(0);
      expect(await form.locator('textarea').first().inputValue()).toBe('');
      const kept = await page.evaluate(() =>
        Object.keys(window.localStorage).filter((key) => key.startsWith('innerloop-draft')),
      );
      expect(kept).toEqual([]);
      await screenshot(page, 'answering-7-kiosk-next-person');
    } finally {
      await setup.cleanUp();
    }
  });

  test('without JavaScript, on a 360px phone, people answer through their link and at the kiosk', async ({
    browser,
    baseUrl,
    database,
  }) => {
    void database;
    const { survey, cycle, invites, departments, providers } = await makeAnsweringCycle({
      invites: 1,
    });
    await SurveyModel.updateOne({ _id: survey._id }, { $set: { kiosk: true } });
    await makePerson({ departmentId: departments[0]?._id });
    const context = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: viewports.narrow,
    });
    const fitsThePhone = async (page: Page) =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewports.narrow.width,
      );
    try {
      const page = await context.newPage();
      // The rated departments' questions included: their blocks must fit too.
      await page.goto(`/a/${invites[0]?.token ?? ''}`);
      await page.getByText(`Would you recommend ${providers[0]?.name ?? ''}?`).waitFor();
      await fitsThePhone(page);
      await screenshot(page, 'answering-8-no-js-360');
      await answerEverything(page, 'Sent by a plain form.');
      await page.getByRole('heading', { level: 1, name: thanks.en ?? '' }).waitFor();
      await fitsThePhone(page);

      await page.goto(`/k/${cycle.kioskId}`);
      await page.getByLabel('Your department').selectOption(String(departments[0]?._id));
      await fitsThePhone(page);
      await answerEverything(page, null);
      await page.getByRole('heading', { level: 1, name: thanks.en ?? '' }).waitFor();
      expect(await ResponseModel.countDocuments({ cycleId: cycle._id })).toBe(2);
    } finally {
      await context.close();
      await ResponseModel.deleteMany({ cycleId: cycle._id });
      await InviteModel.deleteMany({ cycleId: cycle._id });
      await CycleModel.deleteMany({ _id: cycle._id });
      await SurveyModel.deleteMany({ _id: survey._id });
      await PersonModel.deleteMany({ departmentId: departments[0]?._id });
      await DepartmentModel.deleteMany({
        _id: { $in: [...departments, ...providers].map((department) => department._id) },
      });
    }
  });

  test('at 360px, a pulse rating three departments is answered one department at a time with JavaScript, and as open cards without', async ({
    browser,
    baseUrl,
    database,
  }) => {
    void database;
    const { survey, cycle, invites, departments, providers } = await makeAnsweringCycle({
      invites: 2,
      providers: 3,
    });
    // The service question required, so an unanswered step blocks sending.
    await SurveyModel.updateOne(
      { _id: survey._id, 'questions.id': 'q-nps' },
      { $set: { 'questions.$.required': true } },
    );
    const names = providers.map((provider) => provider.name);
    const fitsThePhone = async (page: Page) =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewports.narrow.width,
      );
    const withScript = await browser.newContext({ baseURL: baseUrl, viewport: viewports.narrow });
    const withoutScript = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: viewports.narrow,
    });
    try {
      const page = await withScript.newPage();
      await page.goto(`/a/${invites[0]?.token ?? ''}`);
      // Seven slots: scale, three NPS, single, multi, comment; the real length is stated.
      await page.getByText('About 2 min · Questions: 7').waitFor();
      const next = page.getByRole('button', { name: 'Next department' });
      const previous = page.getByRole('button', { name: 'Previous department' });
      await next.waitFor();
      const card = (name: string) => page.getByRole('group', { name, exact: true });
      expect(await card(names[1] ?? '').count()).toBe(0);
      await page.getByText('1 of 3').waitFor();
      await fitsThePhone(page);
      await page.locator('input[name="q.q-scale"]').last().check();
      await card(names[0] ?? '')
        .getByRole('radio')
        .nth(9)
        .check();
      await next.click();
      await page.getByText('2 of 3').waitFor();
      await card(names[1] ?? '')
        .getByRole('checkbox', { name: 'I did not use this service' })
        .check();
      await fitsThePhone(page);
      await next.click();
      await page.getByText('3 of 3').waitFor();
      expect(await next.count()).toBe(0);
      // Back through the steps: nothing answered is lost.
      await previous.click();
      expect(
        await card(names[1] ?? '')
          .getByRole('checkbox', { name: 'I did not use this service' })
          .isChecked(),
      ).toBe(true);
      await previous.click();
      expect(
        await card(names[0] ?? '')
          .getByRole('radio')
          .nth(9)
          .isChecked(),
      ).toBe(true);
      await screenshot(page, 'answering-9-steps-360');
      // Sending with the third department unanswered opens its step instead of sending.
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByText('3 of 3').waitFor();
      expect(await ResponseModel.countDocuments({ cycleId: cycle._id })).toBe(0);
      await card(names[2] ?? '')
        .getByRole('radio')
        .nth(3)
        .check();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { level: 1, name: thanks.en ?? '' }).waitFor();
      await fitsThePhone(page);
      const [stored] = await ResponseModel.find({ cycleId: cycle._id }).lean();
      const rated = (stored?.answers ?? []).filter((answer) => answer.questionId === 'q-nps');
      expect(
        rated.map((answer): [string, unknown] => [
          String(answer.providerDepartmentId),
          answer.skipped ? 'skipped' : answer.value,
        ]),
      ).toEqual([
        [String(providers[0]?._id), 9],
        [String(providers[1]?._id), 'skipped'],
        [String(providers[2]?._id), 3],
      ]);

      // Without JavaScript: every card on the page, open, each with its place.
      const plain = await withoutScript.newPage();
      await plain.goto(`/a/${invites[1]?.token ?? ''}`);
      for (const [index, name] of names.entries()) {
        await plain.getByRole('group', { name, exact: true }).waitFor();
        await plain.getByText(`${index + 1} of 3`).waitFor();
      }
      expect(await plain.getByRole('button', { name: 'Next department' }).count()).toBe(0);
      await fitsThePhone(plain);
      await answerEverything(plain, null);
      await plain.getByRole('heading', { level: 1, name: thanks.en ?? '' }).waitFor();
      expect(await ResponseModel.countDocuments({ cycleId: cycle._id })).toBe(2);
    } finally {
      await withScript.close();
      await withoutScript.close();
      await ResponseModel.deleteMany({ cycleId: cycle._id });
      await InviteModel.deleteMany({ cycleId: cycle._id });
      await CycleModel.deleteMany({ _id: cycle._id });
      await SurveyModel.deleteMany({ _id: survey._id });
      await DepartmentModel.deleteMany({
        _id: { $in: [...departments, ...providers].map((department) => department._id) },
      });
    }
  });

  test('the language switcher changes the page and remembers the choice', async ({ page }) => {
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'pl-PL,pl;q=0.9,en;q=0.5' });
    await page.goto('/receipt');
    await page.getByRole('heading', { level: 1, name: 'Odpowiedzi na Twój komentarz' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    await page.getByRole('button', { name: 'Norsk bokmål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Svar på kommentaren din' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(new URL(page.url()).pathname).toBe('/receipt');
    await page
      .getByRole('contentinfo')
      .getByText(/Svarene dine er anonyme/)
      .waitFor();
    await screenshot(page, 'answering-6-switched-to-nb');
    // Remembered on the next page, over the browser's Polish.
    await page.goto('/board');
    await page.getByRole('heading', { level: 1, name: 'Dere sa, vi gjorde' }).waitFor();
  });

  test('the answer page has no serious or critical accessibility problems', async ({
    browser,
    baseUrl,
    database,
  }) => {
    void database;
    const setup = await openCycleWithEmployees(['uk']);
    // axe is injected as an inline script, which the app's content security policy rightly
    // refuses; this context alone lets it in.
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: viewports.phone,
      bypassCSP: true,
    });
    try {
      const page = await context.newPage();
      await page.goto(`/a/${setup.employees[0]?.token ?? ''}`);
      await page.locator('main form').last().waitFor();
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map(({ id, impact, nodes }) => ({
          id,
          impact,
          nodes: nodes.map((node) => node.target.join(' ')),
        }));
      });
      await screenshot(page, 'answering-7-axe-checked');
      expect(
        violations.filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        ),
      ).toEqual([]);
    } finally {
      await context.close();
      await setup.cleanUp();
    }
  });
});
