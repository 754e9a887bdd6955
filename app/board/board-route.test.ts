import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { DepartmentModel, newBoardKey } from '../../models/department.server';
import { SurveyModel } from '../../models/survey.server';
import { makeAnsweringCycle } from '../../tests/factories/answering';
import { makeBoardAction, makeBoardSurvey } from '../../tests/factories/board';
import { makeDepartment } from '../../tests/factories/organisation';
import { type AppUnderTest, startAppUnderTest } from '../../tests/support/app-under-test';
import { setupTestDatabase } from '../../tests/support/test-database';
import { languageCookie } from '../i18n.server';

// The board over HTTP, as employees open it from a link: in their language, and one answer for
// every key that leads nowhere.
vi.stubEnv('SESSION_SECRET', 'board-route-test-secret-long-enough!!!!');
setupTestDatabase('board-route');

let app: AppUnderTest;
beforeAll(async () => {
  app = await startAppUnderTest('board-route');
}, 120_000);
afterAll(() => app?.close());

async function keyOf(departmentId: unknown) {
  const department = await DepartmentModel.findById(departmentId, { boardKey: 1 }).lean();
  if (!department?.boardKey) throw new Error('no board key');
  return department.boardKey;
}

const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const htmlLang = (html: string) => /<html lang="([a-z]+)"/.exec(html)?.[1];

describe('the board page', () => {
  it('shows a department’s published actions and the company’s, in the reader’s language', async () => {
    const survey = await makeBoardSurvey();
    const kitchen = await makeDepartment('Kitchen');
    await makeBoardAction({
      surveyId: survey._id,
      title: 'New knives for the kitchen',
      departmentId: kitchen._id,
      status: 'in-progress',
      dueOn: '2026-03-02',
    });
    await makeBoardAction({ surveyId: survey._id, title: 'Quieter open office' });
    await makeBoardAction({ surveyId: survey._id, title: 'Nye kniver', language: 'nb' });
    await makeBoardAction({ surveyId: survey._id, title: 'Not yet public', published: false });
    const path = `/board/${await keyOf(kitchen._id)}`;

    const english = await fetch(`${app.url}${path}`, { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(200);
    const englishHtml = await english.text();
    expect(htmlLang(englishHtml)).toBe('en');
    expect(heading(englishHtml)).toBe('You said, we did');
    expect(englishHtml).toContain('New knives for the kitchen');
    expect(englishHtml).toContain('Quieter open office');
    expect(englishHtml).not.toContain('Not yet public');
    expect(englishHtml).toContain('Due: March 2, 2026');
    expect(english.headers.get('referrer-policy')).toBe('no-referrer');

    const cookie = (await languageCookie.serialize('pl')).split(';', 1)[0] ?? '';
    const polish = await fetch(`${app.url}${path}`, {
      headers: { cookie, 'accept-language': 'en' },
    });
    expect(polish.status).toBe(200);
    const polishHtml = await polish.text();
    expect(htmlLang(polishHtml)).toBe('pl');
    expect(heading(polishHtml)).toBe('Mówicie, działamy');
    expect(polishHtml).toContain('W toku');
    expect(polishHtml).toContain('Termin: 2 marca 2026');
    // Titles stay as staff wrote them, marked with the language of whoever raised it.
    expect(polishHtml).toMatch(/<h3[^>]*lang="en"[^>]*>New knives for the kitchen<\/h3>/);
    expect(polishHtml).toMatch(/<h3[^>]*lang="nb"[^>]*>Nye kniver<\/h3>/);
  });

  it('words what was heard in the reader’s language: driver, question and the whole company', async () => {
    const survey = await makeBoardSurvey();
    await SurveyModel.updateOne(
      { _id: survey._id },
      {
        $set: {
          languages: ['en', 'uk'],
          questions: [
            {
              id: 'q-desk',
              type: 'scale',
              text: { en: 'My desk suits my work.', uk: 'Моє робоче місце підходить для роботи.' },
              scale: { min: 1, max: 5 },
              required: true,
            },
          ],
        },
      },
      { strict: false },
    );
    await makeBoardAction({ surveyId: survey._id, title: 'Better laptops', driver: 'Tools' });
    await makeBoardAction({
      surveyId: survey._id,
      title: 'New desks',
      metric: 'question',
      driver: null,
      questionId: 'q-desk',
    });

    const cookie = (await languageCookie.serialize('uk')).split(';', 1)[0] ?? '';
    const html = await (await fetch(`${app.url}/board`, { headers: { cookie } })).text();
    expect(html).toContain('Інструменти · Уся компанія');
    expect(html).toContain('Моє робоче місце підходить для роботи. · Уся компанія');
    expect(html).not.toContain('Whole company');
  });

  it('shows the company board at /board, in the browser’s language', async () => {
    const survey = await makeBoardSurvey();
    const kitchen = await makeDepartment('Kitchen');
    await makeBoardAction({ surveyId: survey._id, title: 'Quieter open office' });
    await makeBoardAction({
      surveyId: survey._id,
      title: 'New knives',
      departmentId: kitchen._id,
    });
    const page = await fetch(`${app.url}/board`, {
      headers: { 'accept-language': 'uk, en;q=0.5' },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(htmlLang(html)).toBe('uk');
    expect(heading(html)).toBe('Ви сказали — ми зробили');
    expect(html).toContain('Quieter open office');
    expect(html).not.toContain('New knives');
  });

  it('says when nothing has been published', async () => {
    const page = await fetch(`${app.url}/board`, { headers: { 'accept-language': 'nb' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ingenting er publisert ennå.');
  });

  it('answers every bad key with the same page and 404, in the reader’s language', async () => {
    await makeDepartment('Kitchen');
    const pages = await Promise.all(
      [newBoardKey(), 'x', '%E2%9C%93not-a-key'].map((key) =>
        fetch(`${app.url}/board/${key}`, { headers: { 'accept-language': 'lv' } }),
      ),
    );
    const bodies = await Promise.all(pages.map((page) => page.text()));
    expect(pages.map((page) => page.status)).toEqual([404, 404, 404]);
    expect(bodies.map(heading)).toEqual(Array(3).fill('Šo dēli neizdevās atrast'));
    const main = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
    expect(new Set(bodies.map(main)).size).toBe(1);
  });
});

describe('the thank-you page', () => {
  it('links to the board of the department the person answered for', async () => {
    const { invites, departments } = await makeAnsweringCycle();
    const sent = await fetch(`${app.url}/a/${invites[0]?.token ?? ''}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: app.url,
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams([
        ['language', 'en'],
        ['q.q-scale', '4'],
      ]),
      redirect: 'manual',
    });
    const html = await sent.text();
    expect(heading(html)).toBe('Thank you, your answers are in');
    expect(html).toContain(`href="/board/${await keyOf(departments[0]?._id)}"`);
  });
});
