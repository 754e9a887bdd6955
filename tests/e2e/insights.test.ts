import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type axe from 'axe-core';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { RollupModel } from '../../models/rollup.server';
import { SurveyModel } from '../../models/survey.server';
import { insightQuestions, respondentsOf, rollupOf, seedRollups } from '../factories/insights';
import { makeDepartment } from '../factories/organisation';
import { makeSurvey } from '../factories/survey';
import { screenshot } from './harness/browser';
import { expect, test, viewports } from './harness/fixtures';

declare global {
  interface Window {
    axe: typeof axe;
  }
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Serious and critical WCAG 2.1 AA violations axe finds in the insight page's own content (the
 * staff shell around it is checked where it is built).
 */
async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run('.insights', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(({ id, impact, nodes }) => ({
      id,
      impact,
      nodes: nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/**
 * A leader's own corner of the organisation: four teams and a service desk under their
 * department, two closed cycles of results. In the latest cycle the Bakery has 2 respondents (under
 * the threshold of 5) and the Pastry 7: the Bakery is withheld, and the Pastry with it, since the
 * total minus the other teams would otherwise give the Bakery away.
 */
async function seedLeaderResults(leaderEmail: string, tag: string) {
  const leader = await PersonModel.findOne({ email: leaderEmail }).lean();
  if (!leader) throw new Error('no leader');
  const root = leader.departmentId;
  const teams = await Promise.all(
    ['Kitchen', 'Floor', 'Pastry', 'Bakery'].map((name) =>
      makeDepartment(`${name} ${tag}`, { parentId: root }),
    ),
  );
  const desk = await makeDepartment(`Service desk ${tag}`, { kind: 'support', parentId: root });
  const survey = await makeSurvey({
    audienceIds: teams.map((team) => team._id),
    providerDepartmentIds: [String(desk._id)],
    questions: insightQuestions,
    anonymityThreshold: 5,
  });
  await SurveyModel.updateOne({ _id: survey._id }, { $set: { title: { en: `Pulse ${tag}` } } });
  const cycles = await CycleModel.insertMany(
    [1, 2].map((number) => ({
      surveyId: survey._id,
      number,
      opensAt: new Date(Date.UTC(2026, 9, 5 + 7 * number, 8)),
      closesAt: new Date(Date.UTC(2026, 9, 10 + 7 * number, 8)),
      closedAt: new Date(Date.UTC(2026, 9, 10 + 7 * number, 8)),
      status: 'closed',
      questionIds: insightQuestions.map((question) => question.id),
      providerDepartmentIds: [desk._id],
      kioskId: `insights-${tag}-${number}`,
    })),
  );
  const sizes = [
    [9, 8, 6, 5],
    [12, 10, 7, 2],
  ];
  const rows = cycles.flatMap((cycle, index) =>
    teams.flatMap((team, teamIndex) => {
      const people = sizes[index]?.[teamIndex] ?? 0;
      const at = { surveyId: survey._id, cycleId: cycle._id, departmentId: team._id };
      const mood = Array.from(
        { length: people },
        (_, person) => ((person + teamIndex + index) % 5) + 1,
      );
      return [
        respondentsOf(at, people),
        rollupOf(at, 'q-tools', mood),
        rollupOf(
          at,
          'q-growth',
          mood.map((value) => Math.min(5, value + 1)),
        ),
        rollupOf(
          at,
          'q-enps',
          mood.map((value) => value * 2),
        ),
        rollupOf(at, 'q-service', mood, desk._id),
      ];
    }),
  );
  await seedRollups(rows);
  const cleanUp = async () => {
    await RollupModel.deleteMany({ surveyId: survey._id });
    await CycleModel.deleteMany({ surveyId: survey._id });
    await SurveyModel.deleteOne({ _id: survey._id });
    await DepartmentModel.deleteMany({ _id: { $in: [...teams, desk].map((team) => team._id) } });
  };
  return { survey, teams, desk, cleanUp };
}

/** The rows of the table a chart card holds (its table is in the page in either view). */
async function tableRows(page: Page, title: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: title });
  const rows = await table.locator('tr').all();
  return Promise.all(rows.map((row) => row.locator('th, td').allTextContents())).then((all) =>
    all.map((cells) => cells.map((cell) => cell.trim())),
  );
}

describe('insights', () => {
  test('a leader reads the overview, the matrix and a department page, sees a small group withheld and downloads a CSV that matches the table', async ({
    page,
    signInAs,
  }) => {
    const leader = await signInAs('leader');
    const tag = leader.name.split(' ')[1] ?? 'x';
    const { survey, teams, desk, cleanUp } = await seedLeaderResults(leader.email, tag);
    try {
      await page.goto(`/insights?survey=${String(survey._id)}`);
      await page.getByRole('heading', { level: 1, name: `Pulse ${tag}` }).waitFor();
      const byDepartment = 'Satisfaction by department';
      await page
        .getByRole('group', { name: `Show ${byDepartment} as` })
        .getByRole('button', {
          name: 'Table',
        })
        .click();
      const rows = await tableRows(page, byDepartment);
      const rowOf = (name: string) => rows.find((row) => row[0] === name) ?? [];
      // Withheld: the Bakery (2 people) and its complement, the Pastry; the others shown with n.
      expect(rowOf(`Bakery ${tag}`)[1]).toBe('withheld');
      expect(rowOf(`Pastry ${tag}`)[1]).toBe('withheld');
      expect(rowOf(`Kitchen ${tag}`)[2]).toBe('12');
      expect(rowOf(`Floor ${tag}`)[2]).toBe('10');
      await expect
        .poll(() => page.getByText('Not enough responses to protect anonymity').count())
        .toBeGreaterThan(0);
      await screenshot(page, 'insights-1-leader-overview');

      // The CSV of that chart holds the same cells as its table.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: `Download CSV of ${byDepartment}` }).click(),
      ]);
      const file = await download.path();
      const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
      const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
      // The same cells, less the page's own column of "Raise an action" controls.
      const controls = rows[0]?.indexOf('Actions') ?? -1;
      const numbers = rows.map((row) => row.filter((_, index) => index !== controls));
      expect(parsed).toEqual(numbers);

      // The internal-customer matrix: the service desk as rated by each team.
      await page.getByRole('link', { name: 'Internal-customer matrix' }).click();
      await page.getByRole('heading', { level: 1, name: 'Internal-customer matrix' }).waitFor();
      const matrix = await tableRows(page, 'Answering department × rated department');
      const matrixRow = (name: string) => matrix.find((row) => row[0] === name) ?? [];
      // Each cell also carries its "Raise an action" control; a withheld one, no number.
      expect(matrixRow(`Bakery ${tag}`)[1]).toMatch(/^withheld(Raise an action on .*)?$/);
      expect(matrixRow(`Bakery ${tag}`)[1]).not.toMatch(/\d\.\d|n = /);
      expect(matrixRow(`Kitchen ${tag}`)[1]).toContain('n = 12');
      await screenshot(page, 'insights-2-leader-matrix');
      await page
        .getByRole('row', { name: new RegExp(`^Kitchen ${tag}`) })
        .getByRole('link')
        .first()
        .click();
      await page
        .getByRole('heading', { name: `Kitchen ${tag} rating Service desk ${tag}, over cycles` })
        .waitFor();

      // A department page, opened from the overview's list.
      await page.getByRole('link', { name: 'Overview' }).click();
      await page.getByRole('link', { name: `Kitchen ${tag}`, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Kitchen ${tag}` }).waitFor();
      await page.getByRole('heading', { name: 'As the answering department' }).waitFor();
      await screenshot(page, 'insights-3-leader-department');

      // The withheld team's own page says so rather than showing its numbers.
      await page.goto(
        `/insights/departments/${String(teams[3]?._id)}?survey=${String(survey._id)}`,
      );
      await page.getByRole('heading', { level: 1, name: `Bakery ${tag}` }).waitFor();
      const headline = await page.locator('.score-headline').first().textContent();
      expect(headline).toMatch(/withheld/i);
      expect(headline).not.toMatch(/n = 2\b/);
      await page.goto(`/insights/departments/${String(desk._id)}?survey=${String(survey._id)}`);
      await page
        .getByRole('heading', { name: `Service desk ${tag} as rated by each internal customer` })
        .waitFor();
    } finally {
      await cleanUp();
    }
  });

  test('a leader sees the organisation’s decision for their team, and nothing of a cycle still open', async ({
    page,
    signInAs,
  }) => {
    const leader = await signInAs('leader');
    const tag = `${leader.name.split(' ')[1] ?? 'x'}o`;
    const person = await PersonModel.findOne({ email: leader.email }).lean();
    if (!person) throw new Error('no leader');
    // Two teams of the leader's, and one elsewhere in the organisation with 2 respondents.
    const kitchen = await makeDepartment(`Kitchen ${tag}`, { parentId: person.departmentId });
    const floor = await makeDepartment(`Floor ${tag}`, { parentId: person.departmentId });
    const elsewhere = await makeDepartment(`Elsewhere ${tag}`);
    const teams = [kitchen, floor, elsewhere];
    const survey = await makeSurvey({
      audienceIds: teams.map((team) => team._id),
      questions: insightQuestions.filter((question) => !question.internalService),
      anonymityThreshold: 5,
    });
    await SurveyModel.updateOne({ _id: survey._id }, { $set: { title: { en: `Pulse ${tag}` } } });
    const closed = await CycleModel.create({
      surveyId: survey._id,
      number: 1,
      opensAt: new Date(Date.UTC(2026, 9, 5, 8)),
      closesAt: new Date(Date.UTC(2026, 9, 10, 8)),
      closedAt: new Date(Date.UTC(2026, 9, 10, 8)),
      status: 'closed',
      kioskId: `insights-${tag}-1`,
    });
    const open = await CycleModel.create({
      surveyId: survey._id,
      number: 2,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      status: 'open',
      kioskId: `insights-${tag}-2`,
    });
    const results = (cycle: { _id: unknown }, team: { _id: unknown }, people: number) => {
      const at = {
        surveyId: survey._id,
        cycleId: String(cycle._id),
        departmentId: String(team._id),
      };
      const mood = Array.from({ length: people }, (_, index) => (index % 5) + 1);
      return [
        respondentsOf(at, people),
        rollupOf(at, 'q-tools', mood),
        rollupOf(at, 'q-growth', mood),
      ];
    };
    await seedRollups([
      ...results(closed, kitchen, 12),
      ...results(closed, floor, 6),
      ...results(closed, elsewhere, 2),
      ...results(open, kitchen, 9),
    ]);
    try {
      await page.goto(`/insights?survey=${String(survey._id)}`);
      await page.getByRole('heading', { level: 1, name: `Pulse ${tag}` }).waitFor();
      // The open cycle is named, never measured.
      await page.getByText('Cycle 2 is still open').waitFor();
      const byDepartment = 'Satisfaction by department';
      await page
        .getByRole('group', { name: `Show ${byDepartment} as` })
        .getByRole('button', { name: 'Table' })
        .click();
      const rows = await tableRows(page, byDepartment);
      const rowOf = (name: string) => rows.find((row) => row[0] === name) ?? [];
      // On their own the Floor's 6 would show; the organisation withholds it as the complement
      // of the 2 elsewhere, and so does every view of it.
      expect(rowOf(`Floor ${tag}`)[1]).toBe('withheld');
      expect(rowOf(`Kitchen ${tag}`)[2]).toBe('12');
      expect(rows.some((row) => row[0] === `Elsewhere ${tag}`)).toBe(false);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: `Download CSV of ${byDepartment}` }).click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv).toMatch(new RegExp(`Floor ${tag},withheld,`));
      expect(csv).not.toMatch(/,6\r?\n|,6,/);
    } finally {
      await RollupModel.deleteMany({ surveyId: survey._id });
      await CycleModel.deleteMany({ surveyId: survey._id });
      await SurveyModel.deleteOne({ _id: survey._id });
      await DepartmentModel.deleteMany({ _id: { $in: teams.map((team) => team._id) } });
    }
  });

  test('an HR admin reads the demo organisation: overview, matrix, drivers and comments', async ({
    page,
    signInAs,
  }) => {
    await signInAs('hr-admin');
    await page.goto('/insights');
    // It opens on the survey with the newest results: the demo's weekly internal-service survey.
    await page.getByRole('heading', { name: 'Trend over cycles' }).waitFor();
    // Charts draw in the browser once it has measured the page.
    await page.locator('.chart-card svg').first().waitFor();
    await screenshot(page, 'insights-overview');

    const surveys = page.getByLabel('Survey', { exact: true });
    const options = await surveys.locator('option').allTextContents();
    const service = options.find((title) => /service/i.test(title));
    if (service) {
      await surveys.selectOption({ label: service });
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/survey=/);
    }
    await page.getByRole('link', { name: 'Internal-customer matrix' }).click();
    await page.getByRole('heading', { level: 1, name: 'Internal-customer matrix' }).waitFor();
    expect(await page.locator('.heatmap td').count()).toBeGreaterThan(0);
    await screenshot(page, 'insights-matrix');

    await page.getByRole('link', { name: 'Drivers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Drivers' }).waitFor();
    await screenshot(page, 'insights-drivers');

    await page.getByRole('link', { name: 'Comments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comments' }).waitFor();
    await screenshot(page, 'insights-comments');
  });

  test('an HR admin reads the internal-service survey on a 360px phone: its headline, a survey picker on every tab, the matrix by default, and colours axe finds readable', async ({
    browser,
    baseUrl,
    makeStaff,
  }) => {
    const admin = await makeStaff('hr-admin');
    // axe is injected as an inline script, which the app's content security policy rightly
    // refuses; this context alone lets it in.
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: viewports.narrow,
      bypassCSP: true,
    });
    const cookie = await admin.sessionCookie();
    await context.addCookies([{ ...cookie, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    // No sideways scroll of the page; a failure names what reaches past the edge (outside a
    // wide table's own scroller, where that is its job).
    const fits = async () => {
      const { scrollWidth, wide } = await page.evaluate((width) => {
        const scrolled = (element: Element) => {
          for (let up = element.parentElement; up; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
          }
          return false;
        };
        return {
          scrollWidth: document.documentElement.scrollWidth,
          wide: [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > width + 0.5)
            .filter((element) => !scrolled(element))
            .slice(0, 8)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
        };
      }, viewports.narrow.width);
      expect(scrollWidth, `past the edge: ${wide.join(', ')}`).toBeLessThanOrEqual(
        viewports.narrow.width,
      );
    };
    const page = await context.newPage();
    try {
      // The matrix opens on the survey that has one, with the survey picker.
      await page.goto('/insights/matrix');
      await page.getByRole('heading', { level: 1, name: 'Internal-customer matrix' }).waitFor();
      const picker = page.getByLabel('Survey', { exact: true });
      const chosen = await picker.locator('option:checked').textContent();
      expect(chosen).toBe('How do you rate our internal services?');
      expect(await page.locator('.heatmap td.heat-cell').count()).toBeGreaterThan(0);
      // No "Raise an action" on a withheld cell.
      expect(await page.locator('.heatmap td.heat-withheld .raise-action').count()).toBe(0);
      await fits();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'insights-4-matrix-narrow');

      // Its overview leads with the rated departments, never "No answers yet" for them.
      const survey = new URL(page.url()).searchParams.get('survey');
      const search = survey ? `?survey=${survey}` : `?survey=${await picker.inputValue()}`;
      await page.goto(`/insights${search}`);
      await page
        .getByRole('heading', { level: 1, name: 'How do you rate our internal services?' })
        .waitFor();
      await page.getByRole('heading', { name: 'Rated departments' }).waitFor();
      await page.getByRole('heading', { name: 'Services as rated by each department' }).waitFor();
      const rated = await tableRows(page, 'Rated departments');
      expect(rated[0]?.[0]).toBe('Rated department');
      expect(rated.slice(1).some((row) => /^\d/.test(row[1] ?? ''))).toBe(true);
      expect(await page.getByText('No answers yet').count()).toBe(0);
      expect(await page.content()).not.toContain('{department}');
      await fits();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'insights-5-service-overview-narrow');

      // The drivers and a department page have the picker too, and fit.
      await page.goto(`/insights/drivers${search}`);
      await page.getByRole('heading', { level: 1, name: 'Drivers' }).waitFor();
      expect(await page.getByLabel('Survey', { exact: true }).count()).toBe(1);
      await fits();
      expect(await axeViolations(page)).toEqual([]);
      const department = await page.locator('.heatmap tbody th[scope=row]').first().textContent();
      await page.goto(`/insights${search}`);
      await page
        .getByRole('link', { name: department ?? '', exact: true })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: department ?? '' }).waitFor();
      expect(await page.getByLabel('Survey', { exact: true }).count()).toBe(1);
      await fits();
    } finally {
      await context.close();
    }
  });
});
