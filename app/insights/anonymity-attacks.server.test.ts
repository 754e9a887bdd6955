import { Types } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { RollupModel } from '../../models/rollup.server';
import { makeActionOrganisation } from '../../tests/factories/actions';
import { addResponses, makeCommentSurvey, makeCycle } from '../../tests/factories/comments';
import {
  makeInsightResults,
  makeInsightSurvey,
  respondentsOf,
  rollupOf,
  seedRollups,
  staffUser,
} from '../../tests/factories/insights';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadActionPage } from '../actions/action-page.server';
import { raiseAction, raiseView } from '../actions/raise.server';
import { respondentsQuestionId } from '../answering/rollups.server';
import { companyBoard, departmentBoard } from '../board/board.server';
import { loadStaffUser, type StaffUser } from '../utils/permissions.server';
import { commentFiltersSchema } from './comment-filters';
import { listComments } from './comments.server';
import { loadDepartment } from './department.server';
import { loadDrivers } from './drivers.server';
import { departmentExports, driversExports, matrixExports, overviewExports } from './exports';
import { loadMatrix } from './matrix.server';
import { loadOverview } from './overview.server';
import { type Table, toCsv } from './tables';

// The attacks of issue 15 on what staff and the board see, each performed as the attacker would.

vi.stubEnv('SESSION_SECRET', 'anonymity-attacks-test-secret-long-enough');
setupTestDatabase('anonymity-attacks');

const hr = staffUser({ hrAdmin: true });
/** A JSON number with more than two decimals (not a time of day inside a string). */
const unrounded = /[:,[]-?\d+\.\d{3,}(?=[,\]}])/;
const none = () => new URLSearchParams();
const csvOf = <V>(exports: Record<string, (view: V) => Table | null>, view: V) =>
  Object.values(exports)
    .map((build) => build(view))
    .filter((table): table is Table => table !== null)
    .map(toCsv)
    .join('\n');

/** Every view a user has of a survey's latest cycle, and every CSV of them. */
async function everything(user: StaffUser, departmentIds: readonly string[]) {
  const overview = await loadOverview(user, none());
  const matrix = await loadMatrix(user, none());
  const drivers = await loadDrivers(user, new URLSearchParams({ driver: 'Tools' }));
  const departments = await Promise.all(
    departmentIds.map((id) => loadDepartment(user, id, none())),
  );
  const csv = [
    csvOf(overviewExports, overview),
    csvOf(matrixExports, matrix),
    csvOf(driversExports, drivers),
    ...departments.map((view) => csvOf(departmentExports, view)),
  ].join('\n');
  return { overview, matrix, drivers, departments, csv };
}

describe('attack 3: a narrow viewer combined with wider ones and the board', () => {
  it('never shows a leader, an action baseline or the board a group the organisation withholds as a complement', async () => {
    // Cycle 2: Team 0 has 10 people, Team 1 has 8, Team 2 has 2. The organisation withholds
    // Team 2 and, as its complement, Team 1: HR's total less Team 0 would otherwise be Team 2.
    const organisation = await makeActionOrganisation();
    const { survey, cycles, departments, otherLeader } = organisation;
    const teamOne = String(departments[1]?._id);
    const cycleTwo = String(cycles[1]?._id);

    const seen = await everything(otherLeader, [teamOne]);
    const bar = seen.overview.byDepartment.find((entry) => entry.department.id === teamOne);
    expect(bar?.figure).toEqual({ state: 'withheld' });
    expect(seen.overview.participation.rows[0]?.cells[1]?.answered).toEqual({
      state: 'withheld',
    });
    expect(seen.departments[0]?.answering.score).toEqual({ state: 'withheld' });
    expect(seen.departments[0]?.answering.drivers.every((d) => d.figure.state !== 'shown')).toBe(
      true,
    );
    // Team 1 alone: 7 fours and a 5 on q-tools, 8 fours on q-growth, i.e. 4.06 with n = 8.
    expect(JSON.stringify(seen)).not.toMatch(/"n":8\b/);
    expect(seen.csv).not.toMatch(/,4\.06,|,8\r?\n|,8,/);

    // Raising an action on it keeps no figure, and publishing it shows none on the board.
    const source = {
      surveyId: String(survey._id),
      cycleId: cycleTwo,
      metric: 'score' as const,
      questionId: null,
      driver: null,
      departmentId: teamOne,
      providerDepartmentId: null,
    };
    expect((await raiseView(otherLeader, source)).baseline).toEqual({ state: 'withheld' });
    const raised = await raiseAction(
      otherLeader,
      {
        title: 'Better tools for Team 1',
        description: '',
        ownerId: otherLeader.id,
        dueOn: '2099-01-01',
        published: 'on',
        source,
      },
      new Date(),
    );
    expect(raised.ok).toBe(true);
    const stored = await ActionModel.findOne().lean();
    expect(stored?.baseline ?? null).toBeNull();
    const department = await DepartmentModel.findById(teamOne, { boardKey: 1 }).lean();
    const board = await departmentBoard(department?.boardKey ?? '', 'en');
    expect(board?.departmentActions.map((card) => card.baseline)).toEqual([null]);
  });

  it('keeps the baseline of an action stored before off the board and the follow-up', async () => {
    // Stored by an older version, which kept what Team 1's leader saw alone.
    const organisation = await makeActionOrganisation();
    const { survey, cycles, departments, otherLeader } = organisation;
    await ActionModel.create({
      title: 'Stored before',
      description: '',
      source: {
        surveyId: survey._id,
        cycleId: cycles[1]?._id,
        metric: 'score',
        departmentId: departments[1]?._id,
        providerDepartmentId: null,
        label: 'Score · Team 1',
      },
      baseline: { value: 4.0625, n: 16, people: 8, sum: 65, sumSquares: 265 },
      ownerId: new Types.ObjectId(otherLeader.id),
      dueOn: '2099-01-01',
      status: 'open',
      published: true,
      timeline: [
        {
          at: new Date(),
          byId: new Types.ObjectId(otherLeader.id),
          byName: 'Olga',
          kind: 'created',
          to: 'open',
        },
      ],
      createdById: new Types.ObjectId(otherLeader.id),
    });
    const department = await DepartmentModel.findById(departments[1]?._id, {
      boardKey: 1,
    }).lean();
    const board = await departmentBoard(department?.boardKey ?? '', 'en');
    expect(board?.departmentActions[0]?.baseline).toBeNull();
    const stored = await ActionModel.findOne().lean();
    const page = await loadActionPage(otherLeader, String(stored?._id));
    expect(page.followUp.baseline).toEqual({ state: 'withheld' });
    expect(JSON.stringify(page)).not.toMatch(/4\.06|"sum/);
  });

  it('gives a provider’s leader no matrix total made of one withheld cell', async () => {
    // A leader of the first service sees its column: every team's rating of it. The organisation
    // withholds Team 2's rating (2 people) and Team 1's as its complement; a row total over the
    // leader's one column would be Team 1's rating itself.
    const { departments, providers } = await makeInsightResults();
    const leader = staffUser({ scope: [providers[0]?._id ?? ''] });
    const view = await loadMatrix(leader, none());
    const row = view.heatmap.rows.findIndex((entry) => entry.id === String(departments[1]?._id));
    expect(view.heatmap.cells[row]?.[0]).toEqual({ state: 'withheld' });
    expect(view.heatmap.rowTotals[row]).toBeNull();
    // The column total is the organisation's, as HR sees it.
    const all = await loadMatrix(hr, none());
    const column = all.heatmap.columns.findIndex((entry) => entry.id === String(providers[0]?._id));
    expect(view.heatmap.columnTotals[0]).toEqual(all.heatmap.columnTotals[column]);
    expect(toCsv(matrixExports.matrix(view))).not.toMatch(/,4,8\b/);
  });
});

describe('attack 2: watching an open cycle', () => {
  /** Cycle 3, open: Team 0 has 6 respondents so far. */
  async function withOpenCycle() {
    const organisation = await makeInsightResults();
    const { survey, departments, providers } = organisation;
    const open = await CycleModel.create({
      surveyId: survey._id,
      number: 3,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      status: 'open',
      kioskId: `attacks-open-${String(survey._id)}`,
    });
    const at = { surveyId: survey._id, cycleId: open._id, departmentId: departments[0]?._id ?? '' };
    await seedRollups([
      respondentsOf(at, 6),
      rollupOf(at, 'q-tools', [4, 4, 4, 4, 4, 4]),
      rollupOf(at, 'q-growth', [3, 3, 3, 3, 3, 3]),
      rollupOf(at, 'q-enps', [9, 9, 9, 9, 9, 9]),
      rollupOf(at, 'q-service', [4, 4, 4, 4, 4, 4], providers[0]?._id),
    ]);
    /** One more response: a 1 on q-tools, 1 on q-growth, 0 on eNPS, 1 for the service. */
    const answer = async () => {
      const bump = (
        questionId: string,
        providerDepartmentId: Types.ObjectId | null,
        value: number,
      ) =>
        RollupModel.updateOne(
          { cycleId: open._id, departmentId: at.departmentId, questionId, providerDepartmentId },
          {
            $inc: {
              count: 1,
              sum: value,
              sumSquares: value * value,
              [`histogram.${value}`]: questionId === respondentsQuestionId ? 0 : 1,
            },
          },
        );
      await bump(respondentsQuestionId, null, 0);
      await bump('q-tools', null, 1);
      await bump('q-growth', null, 1);
      await bump('q-enps', null, 0);
      await bump('q-service', providers[0]?._id ?? null, 1);
    };
    return { ...organisation, open, answer };
  }

  it('shows an open cycle no figure, so two views a response apart are the same', async () => {
    const { departments, open, answer } = await withOpenCycle();
    const team = String(departments[0]?._id);
    const leader = staffUser({ scope: [team] });
    const before = [await everything(hr, [team]), await everything(leader, [team])];
    // Opened on the newest closed cycle with answers, saying that cycle 3 is still open.
    expect(before[0]?.overview.latest?.number).toBe(2);
    expect(before[0]?.overview.pending?.number).toBe(3);
    expect(before[0]?.overview.cycles.map((cycle) => cycle.id)).not.toContain(String(open._id));

    await answer();
    expect([await everything(hr, [team]), await everything(leader, [team])]).toEqual(before);

    // Asking for the open cycle by number shows nothing of it either.
    const asked = await loadOverview(hr, new URLSearchParams({ from: '3', to: '3' }));
    expect(asked.cycles).toEqual([]);
    expect(asked.score).toEqual({ state: 'empty' });
    expect(asked.pending?.number).toBe(3);
    expect(csvOf(overviewExports, asked)).not.toMatch(/\n3,/);

    // Closed a moment ago, answers may still be arriving: still nothing.
    await CycleModel.updateOne(
      { _id: open._id },
      { $set: { status: 'closed', closedAt: new Date() } },
    );
    expect((await loadOverview(hr, none())).latest?.number).toBe(2);
    // Settled: its results appear.
    await CycleModel.updateOne(
      { _id: open._id },
      { $set: { closedAt: new Date(Date.now() - 3_600_000) } },
    );
    const settled = await loadOverview(hr, none());
    expect(settled.latest?.number).toBe(3);
    expect(settled.pending).toBeNull();
  });

  it('refuses to raise an action on an open cycle', async () => {
    const { survey, open } = await withOpenCycle();
    const source = {
      surveyId: String(survey._id),
      cycleId: String(open._id),
      metric: 'score' as const,
      questionId: null,
      driver: null,
      departmentId: null,
      providerDepartmentId: null,
    };
    await expect(raiseView(hr, source)).rejects.toMatchObject({ status: 400 });
  });

  it('sends every value rounded as the page shows it, and no sums, to the browser', async () => {
    const { survey, departments, providers, cycles } = await makeInsightSurvey({
      departments: 1,
      providers: 1,
      cycles: 1,
      threshold: 3,
    });
    const at = {
      surveyId: survey._id,
      cycleId: cycles[0]?._id ?? '',
      departmentId: departments[0]?._id ?? '',
    };
    await seedRollups([
      respondentsOf(at, 3),
      rollupOf(at, 'q-tools', [4, 4, 5]),
      rollupOf(at, 'q-growth', [3, 3, 4]),
      rollupOf(at, 'q-enps', [10, 9, 3]),
      rollupOf(at, 'q-service', [4, 5, 5], providers[0]?._id),
    ]);
    const team = String(departments[0]?._id);
    const views = await everything(hr, [team]);
    const json = JSON.stringify(views);
    // (13 + 10) / 6 = 3.8333…, eNPS (2 − 1) / 3 = 33.33…, q-growth 66.66…% neutral.
    expect(views.overview.score).toMatchObject({ state: 'shown', value: 3.83 });
    expect(views.overview.enps).toMatchObject({ state: 'shown', value: 33.3 });
    expect(views.overview.questions[1]?.split).toMatchObject({ favourable: 33.3, neutral: 66.7 });
    expect(json).not.toMatch(unrounded);

    const source = {
      surveyId: String(survey._id),
      cycleId: String(cycles[0]?._id),
      metric: 'service' as const,
      questionId: null,
      driver: null,
      departmentId: team,
      providerDepartmentId: String(providers[0]?._id),
    };
    const raise = await raiseView(hr, source);
    expect(raise.baseline).toEqual({ state: 'shown', n: 3, value: 4.67 });
    const owner = await makePerson({ departmentId: departments[0]?._id, hrAdmin: true });
    const staff = await loadStaffUser(String(owner._id));
    if (!staff) throw new Error('no staff');
    const raised = await raiseAction(
      staff,
      { title: 'Faster service', ownerId: staff.id, dueOn: '2099-01-01', source },
      new Date(),
    );
    if (!raised.ok) throw new Error('not raised');
    const page = await loadActionPage(staff, raised.id);
    const pageJson = JSON.stringify([raise, page, await companyBoard('en')]);
    expect(pageJson).not.toMatch(unrounded);
    expect(pageJson).not.toMatch(/"sum|sumSquares/);
  });
});

describe('attack 1: padding a group through the open (kiosk) link', () => {
  it('withholds one invited respondent and four kiosk answers on every page, CSV and comment list', async () => {
    const { survey, departments, providers, cycles } = await makeInsightSurvey({
      departments: 3,
      providers: 1,
      cycles: 1,
    });
    const [padded, small, large] = departments.map((department) => department._id);
    const at = (departmentId: Types.ObjectId | undefined) => ({
      surveyId: survey._id,
      cycleId: cycles[0]?._id ?? '',
      departmentId: departmentId ?? '',
    });
    const group = (departmentId: Types.ObjectId | undefined, people: number, kiosk: number) => {
      const values = (value: number) => Array.from({ length: people }, () => value);
      return [
        respondentsOf(at(departmentId), people, kiosk),
        rollupOf(at(departmentId), 'q-tools', values(4), null, kiosk),
        rollupOf(at(departmentId), 'q-growth', values(4), null, kiosk),
        rollupOf(at(departmentId), 'q-enps', values(9), null, kiosk),
        rollupOf(at(departmentId), 'q-service', values(4), providers[0]?._id, kiosk),
      ];
    };
    // One invited person and four posts through the kiosk link in the first team.
    await seedRollups([...group(padded, 5, 4), ...group(small, 6, 0), ...group(large, 9, 0)]);
    const id = String(padded);
    const leader = staffUser({ scope: [id] });
    for (const user of [hr, leader]) {
      const seen = await everything(user, [id]);
      const bar = seen.overview.byDepartment.find((entry) => entry.department.id === id);
      expect(bar?.figure).toEqual({ state: 'withheld' });
      const page = seen.departments[0];
      expect(page?.answering.score).toEqual({ state: 'withheld' });
      expect(page?.answering.questions.every((question) => question.split.state !== 'shown')).toBe(
        true,
      );
      expect(page?.answering.participation.rows[0]?.cells[0]?.answered).toEqual({
        state: 'withheld',
      });
      const row = seen.matrix.heatmap.rows.findIndex((entry) => entry.id === id);
      expect(seen.matrix.heatmap.cells[row]?.[0]).toEqual({ state: 'withheld' });
      const driverRow = seen.drivers.heatmap.rows.findIndex((entry) => entry.id === id);
      expect(seen.drivers.heatmap.cells[driverRow]?.every((cell) => cell?.state !== 'shown')).toBe(
        true,
      );
      // Its name appears in the CSVs only beside "withheld".
      for (const line of seen.csv.split('\n').filter((text) => text.includes('Team'))) {
        if (!line.startsWith(seen.overview.departments.find((d) => d.id === id)?.name ?? '-'))
          continue;
        expect(line).not.toMatch(/,4,|,5\b/);
      }
    }
    // The kiosk answers are no cover for anyone else either: with the padded team withheld,
    // its complement (the smallest other team) is withheld too.
    const overview = await loadOverview(hr, none());
    const state = (key: Types.ObjectId | undefined) =>
      overview.byDepartment.find((entry) => entry.department.id === String(key))?.figure.state;
    expect([state(padded), state(small), state(large)]).toEqual(['withheld', 'withheld', 'shown']);
  });

  it('keeps the comments of a group padded through the kiosk link withheld', async () => {
    const padded = await makeDepartment('Kitchen');
    const small = await makeDepartment('Floor');
    const large = await makeDepartment('Bakery');
    const hrPerson = await makePerson({ departmentId: large._id, hrAdmin: true });
    const reader = await loadStaffUser(String(hrPerson._id));
    if (!reader) throw new Error('no staff');
    const survey = await makeCommentSurvey([padded._id, small._id, large._id]);
    const cycle = await makeCycle(survey._id, 1);
    await addResponses(cycle, padded._id, 5, { comment: (i) => `Kitchen ${i}` });
    await addResponses(cycle, small._id, 6, { comment: (i) => `Floor ${i}` });
    await addResponses(cycle, large._id, 9, { comment: (i) => `Bakery ${i}` });
    // Four of the kitchen's five came through the kiosk link.
    await RollupModel.updateOne(
      { cycleId: cycle._id, departmentId: padded._id, questionId: respondentsQuestionId },
      { $set: { kioskCount: 4 } },
    );
    const outcome = await listComments(
      reader,
      commentFiltersSchema.parse({ survey: String(survey._id) }),
    );
    if (!outcome.ok) throw new Error('refused');
    const texts = outcome.view.comments.map((comment) => comment.text);
    expect(texts.some((text) => text.startsWith('Kitchen'))).toBe(false);
    // The floor goes as its complement; the bakery is shown.
    expect(texts.some((text) => text.startsWith('Floor'))).toBe(false);
    expect(texts.filter((text) => text.startsWith('Bakery'))).toHaveLength(9);
  });
});
