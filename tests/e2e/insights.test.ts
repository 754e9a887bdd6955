import { readFile } from 'node:fs/promises';

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
import { expect, test } from './harness/fixtures';

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
    await page.getByRole('heading', { name: 'Satisfaction by department' }).waitFor();
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
});
