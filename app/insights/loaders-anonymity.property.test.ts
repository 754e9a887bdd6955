import fc from 'fast-check';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { RollupModel } from '../../models/rollup.server';
import { insightQuestions, makeInsightSurvey } from '../../tests/factories/insights';
import { makePerson } from '../../tests/factories/organisation';
import { derivedSets } from '../../tests/support/derived-sets';
import { linearReader, smallGroups } from '../../tests/support/linear-reader';
import { rollupRows } from '../../tests/support/rollup-rows';
import { seededRandom } from '../../tests/support/seeded-random';
import { emptyDatabase, setupTestDatabase } from '../../tests/support/test-database';
import { loadActionPage } from '../actions/action-page.server';
import { raiseAction, raiseView } from '../actions/raise.server';
import { respondentsQuestionId } from '../answering/rollups.server';
import { companyBoard, departmentBoard } from '../board/board.server';
import { participation } from '../surveys/participation.server';
import { loadStaffUser, type StaffUser } from '../utils/permissions.server';
import { loadDepartment } from './department.server';
import { loadDrivers } from './drivers.server';
import { departmentExports, driversExports, matrixExports, overviewExports } from './exports';
import { loadMatrix } from './matrix.server';
import { type MetricSource, metricSourceOf } from './metric.server';
import { loadOverview } from './overview.server';
import { type Table, toCsv } from './tables';
import type {
  Count,
  DepartmentView,
  DriversView,
  Figure,
  HeatFigure,
  MatrixView,
  OverviewView,
  Split,
  Trend,
} from './types';

// Random organisations, several viewers — HR, a leader of a random scope, the leader of the
// smallest department, the leader of a service — and a cycle that gets responses (invited and
// through the kiosk link) between views, then closes. Everything they see is collected: the
// insight loaders and their CSVs, "raise an action" baselines, actions raised and followed up,
// the board. Then two properties:
//  - every figure anyone sees is one of HR's, with the same value (no per-viewer figures);
//  - no group of fewer invited people than the threshold can be recovered by subtraction:
//    each shown figure is a set of atoms — (cycle, department, batch of responses), or
//    (cycle, department → service, batch) for ratings — within a family of figures of one
//    measure; the family is closed under unions of disjoint shown sets within one shown set
//    and under differences of nested sets, and every derived set must have an invited size of
//    0 or at least the threshold.

setupTestDatabase('insight-anonymity');

interface Person {
  cycle: string;
  department: string;
  /** 0 for the settled cycle; 1… for the live cycle, in the order responses arrived. */
  batch: number;
  kiosk: boolean;
  tools: number;
  growth: number;
  enps: number;
  ratings: Map<string, number>;
}

interface Settings {
  threshold: number;
  departments: number;
  providers: number;
  batches: number;
  seed: number;
}

async function seedWorld(settings: Settings) {
  const next = seededRandom(settings.seed);
  const organisation = await makeInsightSurvey({ ...settings, cycles: 1 });
  const { survey, providers } = organisation;
  const departments = organisation.departments.map((department) => String(department._id));
  const providerIds = providers.map((provider) => String(provider._id));
  const history = String(organisation.cycles[0]?._id);
  const live = await CycleModel.create({
    surveyId: survey._id,
    number: 2,
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 86_400_000),
    status: 'open',
    questionIds: insightQuestions.map((question) => question.id),
    providerDepartmentIds: providers.map((provider) => provider._id),
    kioskId: `property-${String(survey._id)}`,
  });
  const people: Person[] = [];
  const add = (cycle: string, department: string, batch: number, count: number, kiosk: boolean) => {
    for (let index = 0; index < count; index++) {
      const ratings = new Map<string, number>();
      for (const provider of providerIds) if (next(3) !== 0) ratings.set(provider, 1 + next(5));
      people.push({
        cycle,
        department,
        batch,
        kiosk,
        tools: 1 + next(5),
        growth: 1 + next(5),
        enps: next(11),
        ratings,
      });
    }
  };
  for (const department of departments) {
    add(history, department, 0, next(2) === 0 ? next(5) : next(12), false);
    if (next(3) === 0) add(history, department, 0, 1 + next(4), true);
    for (let batch = 1; batch <= settings.batches; batch++) {
      add(String(live._id), department, batch, next(3) + (batch === 1 ? next(6) : 0), false);
      if (next(4) === 0) add(String(live._id), department, batch, 1 + next(3), true);
    }
  }
  // Staff: an HR admin, a leader of a random scope, of the smallest department, of a service.
  const home = organisation.departments[0]?._id ?? new Types.ObjectId();
  const everyone = [...departments, ...providerIds];
  const randomScope = everyone.filter(() => next(2) === 0);
  const invitedIn = (department: string) =>
    people.filter((person) => person.department === department && !person.kiosk).length;
  const smallest = [...departments].sort((a, b) => invitedIn(a) - invitedIn(b))[0] ?? '';
  const scopes = [
    randomScope.length > 0 ? randomScope : [everyone[0] ?? ''],
    [smallest],
    [providerIds[0] ?? ''],
  ];
  const staff = async (fields: { hrAdmin?: boolean; leaderOf?: string[] }) => {
    const person = await makePerson({
      departmentId: home,
      hrAdmin: fields.hrAdmin ?? false,
      leaderOf: (fields.leaderOf ?? []).map((id) => new Types.ObjectId(id)),
    });
    const user = await loadStaffUser(String(person._id));
    if (!user) throw new Error('not staff');
    return user;
  };
  const hr = await staff({ hrAdmin: true });
  const leaders = await Promise.all(scopes.map((leaderOf) => staff({ leaderOf })));
  return {
    threshold: settings.threshold,
    surveyId: String(survey._id),
    departments,
    providers: providerIds,
    history,
    live: String(live._id),
    people,
    hr,
    leaders,
    next,
  };
}
type World = Awaited<ReturnType<typeof seedWorld>>;

/** The rollups of the live cycle as the responses of its first `batches` batches leave them. */
async function writeRollups(world: World, cycle: string, batches: number) {
  const rows = rollupRows(world.surveyId);
  const add = (person: Person, questionId: string, provider: string | null, value: number | null) =>
    rows.add({ ...person, cycle }, questionId, provider, value);
  for (const person of world.people) {
    if (person.cycle !== cycle || person.batch > batches) continue;
    add(person, respondentsQuestionId, null, null);
    add(person, 'q-tools', null, person.tools);
    add(person, 'q-growth', null, person.growth);
    add(person, 'q-enps', null, person.enps);
    for (const [provider, value] of person.ratings) add(person, 'q-service', provider, value);
  }
  await RollupModel.deleteMany({ cycleId: new Types.ObjectId(cycle) });
  const documents = rows.documents();
  if (documents.length > 0) await RollupModel.insertMany(documents);
}

/** One figure someone saw: a set of atoms of one family, and its value as shown. */
interface Seen {
  family: string;
  cycle: string;
  atoms: string[];
  value: string;
  where: string;
  /** The result it is, where an action could be raised on it. */
  source?: MetricSource;
}

const driverFamily: Record<string, string> = {
  Tools: 'mean:q-tools',
  Growth: 'mean:q-growth',
  Responsiveness: 'rating',
};
const questionFamily: Record<string, string> = {
  'q-tools': 'mean:q-tools',
  'q-growth': 'mean:q-growth',
  'q-enps': 'enps',
  'q-service': 'rating',
};

/** What one round of views is made of: the world and which batches of the live cycle exist. */
interface Round {
  world: World;
  batches: number;
  seen: Seen[];
}

function batchesOf(round: Round, cycle: string): number[] {
  if (cycle !== round.world.live) return [0];
  return Array.from({ length: round.batches }, (_, index) => index + 1);
}

/** Atoms of departments (null: every one) in a cycle. */
function departmentAtoms(round: Round, cycle: string, departments: string[] | null): string[] {
  const ids = departments ?? round.world.departments;
  return ids.flatMap((department) =>
    batchesOf(round, cycle).map((batch) => `${cycle}|${department}|${batch}`),
  );
}

/** Atoms of ratings: answering department (null: every one) → service (null: every one). */
function ratingAtoms(
  round: Round,
  cycle: string,
  department: string | null,
  provider: string | null,
): string[] {
  const rows = department ? [department] : round.world.departments;
  const columns = provider ? [provider] : round.world.providers;
  return rows.flatMap((row) =>
    columns.flatMap((column) =>
      batchesOf(round, cycle).map((batch) => `${cycle}|${row}>${column}|${batch}`),
    ),
  );
}

function atomsOf(
  round: Round,
  family: string,
  cycle: string,
  department: string | null,
  provider: string | null = null,
): string[] {
  return family === 'rating' || family === 'split:q-service'
    ? ratingAtoms(round, cycle, department, provider)
    : departmentAtoms(round, cycle, department ? [department] : null);
}

const figureValue = (figure: Figure | HeatFigure | Split | undefined): string | null => {
  if (!figure || figure.state !== 'shown') return null;
  if ('favourable' in figure) {
    return `${figure.favourable}|${figure.neutral}|${figure.unfavourable}|${figure.n}`;
  }
  return `${figure.value}|${figure.n}`;
};

function see(
  round: Round,
  where: string,
  family: string,
  cycle: string | undefined,
  atoms: string[],
  figure: Figure | HeatFigure | Split | undefined,
  source?: MetricSource,
) {
  const value = figureValue(figure);
  if (!cycle || value === null) return;
  round.seen.push({ family, cycle, atoms, value, where, source });
}

function seeCount(
  round: Round,
  where: string,
  cycle: string | undefined,
  atoms: string[],
  count: Count | undefined,
) {
  if (!cycle || count?.state !== 'shown') return;
  round.seen.push({ family: 'participation', cycle, atoms, value: String(count.value), where });
}

function seeTrend(
  round: Round,
  where: string,
  trend: Trend | null,
  setOf: (
    key: string,
    cycle: string,
  ) => { family: string; atoms: string[]; source?: Source } | null,
) {
  if (!trend) return;
  for (const series of trend.series) {
    trend.cycles.forEach((cycle, index) => {
      const set = setOf(series.key, cycle.id);
      if (!set) return;
      const source = set.source && { ...sourceBase(round, cycle.id), ...set.source };
      see(
        round,
        `${where} ${series.key}`,
        set.family,
        cycle.id,
        set.atoms,
        series.points[index],
        source,
      );
    });
  }
}

/** What a trend point is, as the result an action could be raised on. */
type Source = Partial<MetricSource> & Pick<MetricSource, 'metric'>;

const sourceBase = (round: Round, cycleId: string): MetricSource => ({
  surveyId: round.world.surveyId,
  cycleId,
  metric: 'score',
  questionId: null,
  driver: null,
  departmentId: null,
  providerDepartmentId: null,
});

function seeOverview(round: Round, who: string, view: OverviewView) {
  const latest = view.latest?.id;
  const all = (family: string, cycle: string) => atomsOf(round, family, cycle, null);
  if (latest) {
    see(round, `${who} overview score`, 'score', latest, all('score', latest), view.score);
    if (view.enps)
      see(round, `${who} overview eNPS`, 'enps', latest, all('enps', latest), view.enps);
    for (const bar of view.byDepartment) {
      const atoms = atomsOf(round, 'score', latest, bar.department.id);
      see(round, `${who} overview bar`, 'score', latest, atoms, bar.figure);
    }
    for (const question of view.questions) {
      const family = `split:${question.questionId}`;
      see(round, `${who} overview split`, family, latest, all(family, latest), question.split);
    }
  }
  seeTrend(round, `${who} overview trend`, view.trend, (key, cycle) => ({
    family: 'score',
    atoms: atomsOf(round, 'score', cycle, key === 'all' ? null : key),
    source: { metric: 'score', departmentId: key === 'all' ? null : key },
  }));
  seeTrend(round, `${who} overview eNPS trend`, view.enpsTrend, (key, cycle) =>
    key === 'all'
      ? { family: 'enps', atoms: all('enps', cycle), source: { metric: 'enps' } }
      : null,
  );
  view.participation.cycles.forEach((cycle, index) => {
    for (const row of view.participation.rows) {
      const atoms = atomsOf(round, 'participation', cycle.id, row.department.id);
      seeCount(round, `${who} participation`, cycle.id, atoms, row.cells[index]?.answered);
    }
    const atoms = all('participation', cycle.id);
    seeCount(
      round,
      `${who} participation total`,
      cycle.id,
      atoms,
      view.participation.total[index]?.answered,
    );
  });
}

function seeDepartment(round: Round, who: string, view: DepartmentView) {
  const id = view.department.id;
  const latest = view.latest?.id;
  const where = `${who} department ${id}`;
  if (latest) {
    see(
      round,
      `${where} score`,
      'score',
      latest,
      atomsOf(round, 'score', latest, id),
      view.answering.score,
    );
    if (view.answering.enps) {
      see(
        round,
        `${where} eNPS`,
        'enps',
        latest,
        atomsOf(round, 'enps', latest, id),
        view.answering.enps,
      );
    }
    for (const question of view.answering.questions) {
      const family = `split:${question.questionId}`;
      see(
        round,
        `${where} split`,
        family,
        latest,
        atomsOf(round, family, latest, id),
        question.split,
      );
    }
    for (const { driver, figure } of view.answering.drivers) {
      const family = driverFamily[driver] ?? `driver:${driver}`;
      see(round, `${where} driver`, family, latest, atomsOf(round, family, latest, id), figure);
    }
    if (view.rated) {
      see(
        round,
        `${where} rated`,
        'rating',
        latest,
        ratingAtoms(round, latest, null, id),
        view.rated.score,
      );
      for (const customer of view.rated.byCustomer) {
        const atoms = ratingAtoms(round, latest, customer.department.id, id);
        see(round, `${where} customer`, 'rating', latest, atoms, customer.figure);
      }
    }
  }
  seeTrend(round, `${where} trend`, view.answering.trend, (key, cycle) => ({
    family: key === 'enps' ? 'enps' : 'score',
    atoms: atomsOf(round, 'score', cycle, id),
    source: { metric: key === 'enps' ? 'enps' : 'score', departmentId: id },
  }));
  seeTrend(round, `${where} rated trend`, view.rated?.trend ?? null, (_, cycle) => ({
    family: 'rating',
    atoms: ratingAtoms(round, cycle, null, id),
    source: { metric: 'service', providerDepartmentId: id },
  }));
  view.answering.participation.cycles.forEach((cycle, index) => {
    const atoms = atomsOf(round, 'participation', cycle.id, id);
    seeCount(
      round,
      `${where} participation`,
      cycle.id,
      atoms,
      view.answering.participation.rows[0]?.cells[index]?.answered,
    );
  });
}

/** What a heatmap's cell, row total and column total are made of: a family and its atoms. */
interface HeatmapSets {
  cell: (row: string, column: string) => { family: string; atoms: string[] };
  row: (row: string) => { family: string; atoms: string[] };
  column: (column: string) => { family: string; atoms: string[] };
}

function seeHeatmap(
  round: Round,
  where: string,
  latest: string,
  heatmap: MatrixView['heatmap'],
  sets: HeatmapSets,
) {
  const seeSet = (what: string, set: { family: string; atoms: string[] }, figure?: HeatFigure) =>
    see(round, `${where} ${what}`, set.family, latest, set.atoms, figure);
  heatmap.rows.forEach((row, rowIndex) => {
    heatmap.columns.forEach((column, columnIndex) =>
      seeSet('cell', sets.cell(row.id, column.id), heatmap.cells[rowIndex]?.[columnIndex]),
    );
    seeSet('row total', sets.row(row.id), heatmap.rowTotals[rowIndex]);
  });
  heatmap.columns.forEach((column, columnIndex) =>
    seeSet('column total', sets.column(column.id), heatmap.columnTotals[columnIndex]),
  );
}

function seeMatrix(round: Round, who: string, view: MatrixView) {
  const latest = view.latest?.id;
  const rating = (row: string | null, column: string | null) => ({
    family: 'rating',
    atoms: latest ? ratingAtoms(round, latest, row, column) : [],
  });
  if (latest)
    seeHeatmap(round, `${who} matrix`, latest, view.heatmap, {
      cell: (row, column) => rating(row, column),
      row: (row) => rating(row, null),
      column: (column) => rating(null, column),
    });
  const { cell } = view;
  seeTrend(round, `${who} matrix trend`, view.cellTrend, (key, cycle) =>
    cell
      ? {
          family: 'rating',
          atoms: ratingAtoms(round, cycle, key === 'cell' ? cell.row.id : null, cell.column.id),
          source: {
            metric: 'service',
            departmentId: key === 'cell' ? cell.row.id : null,
            providerDepartmentId: cell.column.id,
          },
        }
      : null,
  );
}

const familyOfDriver = (driver: string) => driverFamily[driver] ?? `driver:${driver}`;

function seeDrivers(round: Round, who: string, view: DriversView) {
  const latest = view.latest?.id;
  if (latest) {
    const set = (family: string, department: string | null) => ({
      family,
      atoms: atomsOf(round, family, latest, department),
    });
    seeHeatmap(round, `${who} drivers`, latest, view.heatmap, {
      cell: (row, column) => set(familyOfDriver(column), row),
      row: (row) => set('drivers', row),
      column: (column) => set(familyOfDriver(column), null),
    });
  }
  const driver = view.driver ?? '';
  const family = familyOfDriver(driver);
  seeTrend(round, `${who} driver trend`, view.driverTrend, (key, cycle) => ({
    family,
    atoms: atomsOf(round, family, cycle, key === 'all' ? null : key),
    source: { metric: 'driver', driver, departmentId: key === 'all' ? null : key },
  }));
}

/** The family and atoms of an action's source; null for one with no figure (a comment). */
function sourceSet(round: Round, source: MetricSource): { family: string; atoms: string[] } | null {
  const { cycleId: cycle, departmentId: department, providerDepartmentId: provider } = source;
  const family =
    source.metric === 'question'
      ? questionFamily[source.questionId ?? '']
      : source.metric === 'driver'
        ? driverFamily[source.driver ?? '']
        : source.metric === 'service'
          ? 'rating'
          : source.metric;
  if (!family) return null;
  return { family, atoms: atomsOf(round, family, cycle, department, provider) };
}

/** Every source a user could raise an action on in a cycle. */
function sourcesOf(round: Round, user: StaffUser, cycle: string): MetricSource[] {
  const { world } = round;
  const base = { surveyId: world.surveyId, cycleId: cycle, questionId: null, driver: null };
  const inScope = (id: string | null) => user.hrAdmin || (!!id && user.scope.includes(id));
  const departments: (string | null)[] = [...world.departments, null];
  const sources: MetricSource[] = [];
  for (const department of departments) {
    const plain = { ...base, departmentId: department, providerDepartmentId: null };
    if (inScope(department)) {
      sources.push({ ...plain, metric: 'score' }, { ...plain, metric: 'enps' });
      for (const questionId of Object.keys(questionFamily)) {
        sources.push({ ...plain, metric: 'question', questionId });
      }
      for (const driver of Object.keys(driverFamily))
        sources.push({ ...plain, metric: 'driver', driver });
    }
    for (const provider of world.providers) {
      if (inScope(department) || inScope(provider)) {
        sources.push({ ...plain, metric: 'service', providerDepartmentId: provider });
      }
    }
    if (department && inScope(department)) sources.push({ ...plain, metric: 'service' });
  }
  return sources;
}

const forbiddenOrRefused = (error: unknown) =>
  error instanceof Response && [400, 403].includes(error.status);

/** Raise-an-action baselines of a few sources, one action raised, its follow-up. */
async function seeActions(round: Round, who: string, user: StaffUser, cycles: string[]) {
  const all = cycles.flatMap((cycle) => sourcesOf(round, user, cycle));
  const picked = Array.from(
    { length: Math.min(6, all.length) },
    () => all[round.world.next(all.length)],
  );
  for (const source of picked) {
    if (!source) continue;
    const set = sourceSet(round, source);
    try {
      const view = await raiseView(user, source);
      if (set)
        see(
          round,
          `${who} raise ${source.metric}`,
          set.family,
          source.cycleId,
          set.atoms,
          view.baseline,
          source,
        );
    } catch (error) {
      if (!forbiddenOrRefused(error)) throw error;
    }
  }
  const source = picked[0];
  if (!source) return;
  const raised = await raiseAction(
    user,
    { title: `Action of ${who}`, ownerId: user.id, dueOn: '2099-01-01', published: 'on', source },
    new Date(),
  ).catch((error: unknown) => {
    if (forbiddenOrRefused(error)) return null;
    throw error;
  });
  if (!raised?.ok) return;
  const page = await loadActionPage(user, raised.id);
  expect(JSON.stringify(page)).not.toMatch(/"sum"|sumSquares/);
  const set = sourceSet(round, source);
  if (!set) return;
  see(
    round,
    `${who} follow-up baseline`,
    set.family,
    source.cycleId,
    set.atoms,
    page.followUp.baseline,
    source,
  );
  const metric = page.followUp.trend.series.find((series) => series.key === 'metric');
  page.followUp.trend.cycles.forEach((cycle, index) => {
    const other = { ...source, cycleId: cycle.id };
    const at = sourceSet(round, other);
    if (at)
      see(round, `${who} follow-up`, at.family, cycle.id, at.atoms, metric?.points[index], other);
  });
}

/** Every card of every board, with the source of its action. */
async function seeBoards(round: Round) {
  const departments = await DepartmentModel.find({}, { boardKey: 1 }).lean();
  const boards = [
    await companyBoard('en'),
    ...(await Promise.all(
      departments.map((department) => departmentBoard(department.boardKey ?? '', 'en')),
    )),
  ];
  for (const card of boards.flatMap((board) => [
    ...(board?.departmentActions ?? []),
    ...(board?.companyActions ?? []),
  ])) {
    if (!card.baseline) continue;
    const action = await ActionModel.findById(card.id).lean();
    if (!action) continue;
    const source = metricSourceOf(action);
    const set = sourceSet(round, source);
    if (!set) continue;
    round.seen.push({
      family: set.family,
      cycle: source.cycleId,
      atoms: set.atoms,
      value: `${card.baseline.value}|${card.baseline.n}`,
      where: `board ${card.title}`,
      source,
    });
  }
}

/** Every count in a CSV (an n column, answered people) is blank, withheld, 0 or ≥ threshold. */
function expectExportsSafe(tables: readonly (Table | null)[], threshold: number) {
  for (const table of tables) {
    if (!table) continue;
    expect(toCsv(table).length).toBeGreaterThan(0);
    table.columns.forEach((column, index) => {
      if (column !== 'n' && !column.endsWith(' n') && column !== 'Answered') return;
      for (const row of table.rows) {
        const cell = row[index];
        if (typeof cell !== 'number') continue;
        expect(cell === 0 || cell >= threshold, `${column} ${cell} in an export`).toBe(true);
      }
    });
  }
}

/** A withheld figure carries no number; a shown one stands for at least the threshold. */
function expectNothingSmallShown(view: unknown, threshold: number): void {
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.state === 'withheld') expect(Object.keys(record), path).toEqual(['state']);
    if (record.state === 'shown' && typeof record.n === 'number') {
      expect(record.n, path).toBeGreaterThanOrEqual(threshold);
    }
    for (const [name, child] of Object.entries(record)) visit(child, `${path}.${name}`);
  };
  visit(view, 'view');
}

const allOf = <V>(exports: Record<string, (view: V) => Table | null>, view: V) =>
  Object.values(exports).map((build) => build(view));

/** Everything one user sees in one round. */
async function seeAs(round: Round, who: string, user: StaffUser) {
  const { world } = round;
  const none = new URLSearchParams();
  const overview = await loadOverview(user, none);
  expectNothingSmallShown(overview, world.threshold);
  expectExportsSafe(allOf(overviewExports, overview), world.threshold);
  seeOverview(round, who, overview);

  const matrix = await loadMatrix(user, none);
  // A cell the user may see (null cells are outside their scope).
  const at = matrix.heatmap.rows
    .flatMap((row, rowIndex) =>
      matrix.heatmap.columns.map((column, columnIndex) => ({
        row: row.id,
        column: column.id,
        cell: matrix.heatmap.cells[rowIndex]?.[columnIndex],
      })),
    )
    .find((entry) => entry.cell !== null);
  const row = at?.row;
  const column = at?.column;
  const withCell =
    row && column ? await loadMatrix(user, new URLSearchParams({ row, column })) : matrix;
  for (const view of [matrix, withCell]) {
    expectNothingSmallShown(view, world.threshold);
    expectExportsSafe(allOf(matrixExports, view), world.threshold);
    seeMatrix(round, who, view);
  }
  for (const driver of Object.keys(driverFamily)) {
    const view = await loadDrivers(user, new URLSearchParams({ driver }));
    expectNothingSmallShown(view, world.threshold);
    expectExportsSafe(allOf(driversExports, view), world.threshold);
    seeDrivers(round, who, view);
  }
  for (const department of [...world.departments, ...world.providers]) {
    if (!user.hrAdmin && !user.scope.includes(department)) continue;
    const view = await loadDepartment(user, department, none);
    expectNothingSmallShown(view, world.threshold);
    expectExportsSafe(allOf(departmentExports, view), world.threshold);
    seeDepartment(round, who, view);
  }
  await seeActions(
    round,
    who,
    user,
    overview.cycles.map((cycle) => cycle.id),
  );
}

/** HR's cycle page: exact counts once settled, else only whole steps of the threshold. */
async function seeCyclePage(round: Round) {
  const { world } = round;
  for (const cycle of [world.history, world.live]) {
    const view = await participation(cycle);
    if (view.stepped) {
      for (const count of [view.answered, ...view.departments.map((row) => row.answered)]) {
        if (count.state === 'shown') expect(count.value % world.threshold).toBe(0);
      }
      continue;
    }
    for (const row of view.departments) {
      seeCount(
        round,
        'cycle page',
        cycle,
        atomsOf(round, 'participation', cycle, row.departmentId),
        row.answered,
      );
    }
    seeCount(
      round,
      'cycle page total',
      cycle,
      atomsOf(round, 'participation', cycle, null),
      view.answered,
    );
  }
}

const keyOf = (seen: Pick<Seen, 'family' | 'cycle' | 'atoms'>) =>
  `${seen.family}|${seen.cycle}|${[...seen.atoms].sort().join(',')}`;

/**
 * Every figure anyone but HR saw in a round is one of HR's figures, with the same value; HR's own
 * figures agree with each other wherever two pages show the same one.
 */
async function expectEveryFigureHrs(round: Round, hrSeen: Seen[], others: Seen[]) {
  const hrFigures = new Map<string, Seen>();
  for (const seen of hrSeen) {
    const known = hrFigures.get(keyOf(seen));
    if (known) expect(seen.value, `${seen.where} against ${known.where}`).toBe(known.value);
    else hrFigures.set(keyOf(seen), seen);
  }
  for (const seen of others) {
    let known = hrFigures.get(keyOf(seen));
    if (!known && seen.source) {
      // HR's raise page for the same result: the figure as the organisation's view has it.
      const baseline = await raiseView(round.world.hr, seen.source)
        .then((view) => view.baseline)
        .catch(() => null);
      const value = figureValue(baseline ?? undefined);
      if (value !== null) {
        known = { ...seen, value, where: 'HR raise view' };
        hrFigures.set(keyOf(seen), known);
      }
    }
    expect(known?.value, `${seen.where} (${keyOf(seen)}) is not one of HR's figures`).toBe(
      seen.value,
    );
  }
}

/** The invited people behind each atom. */
function atomSizes(world: World): Map<string, number> {
  const sizes = new Map<string, number>();
  const add = (key: string) => sizes.set(key, (sizes.get(key) ?? 0) + 1);
  for (const person of world.people) {
    if (person.kiosk) continue;
    add(`${person.cycle}|${person.department}|${person.batch}`);
    for (const provider of person.ratings.keys()) {
      add(`${person.cycle}|${person.department}>${provider}|${person.batch}`);
    }
  }
  return sizes;
}

function expectNothingRecoverable(world: World, seen: readonly Seen[]) {
  const sizes = atomSizes(world);
  const families = new Map<string, Map<string, string[]>>();
  const where = new Map<string, string>();
  for (const figure of seen) {
    const family = `${figure.family}|${figure.cycle}`;
    const sets = families.get(family) ?? new Map<string, string[]>();
    sets.set(keyOf(figure), figure.atoms);
    families.set(family, sets);
    where.set(keyOf(figure), figure.where);
  }
  for (const [family, sets] of families) {
    // A reader who combines any figures of the family, several lines at once: no group of one
    // to three atoms below the threshold can be worked out either.
    const reader = linearReader([...sets.values()]);
    const atoms = [...new Set([...sets.values()].flat())];
    const sizeOf = (group: readonly string[]) =>
      group.reduce((sum, atom) => sum + (sizes.get(atom) ?? 0), 0);
    for (const { group, size } of smallGroups(atoms, sizeOf, world.threshold)) {
      expect(
        reader.knows(group),
        `${family}: ${group.sort().join(' ')} holds ${size} invited, worked out by combining figures`,
      ).toBe(false);
    }
    for (const set of derivedSets([...sets.values()]).values()) {
      const size = [...set].reduce((sum, atom) => sum + (sizes.get(atom) ?? 0), 0);
      const shownAs = [...sets.keys()]
        .filter((key) => [...set].every((atom) => key.includes(atom)))
        .map((key) => where.get(key))
        .slice(0, 4);
      expect(
        size === 0 || size >= world.threshold,
        `${family}: ${[...set].sort().join(' ')} holds ${size} invited (within ${shownAs.join('; ')})`,
      ).toBe(true);
    }
  }
}

describe('anonymity of everything staff and the board see', () => {
  it('shows every viewer only the organisation’s figures, and never a group below the threshold by subtraction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          threshold: fc.integer({ min: 3, max: 6 }),
          departments: fc.integer({ min: 2, max: 4 }),
          providers: fc.integer({ min: 1, max: 2 }),
          batches: fc.integer({ min: 2, max: 3 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        async (settings) => {
          await emptyDatabase();
          const world = await seedWorld(settings);
          await writeRollups(world, world.history, 0);
          const seen: Seen[] = [];
          // Views between batches of responses to the open cycle, then once it has closed.
          for (let batches = 1; batches <= settings.batches + 1; batches++) {
            const round: Round = { world, batches: Math.min(batches, settings.batches), seen: [] };
            await writeRollups(world, world.live, round.batches);
            if (batches > settings.batches) {
              await CycleModel.updateOne(
                { _id: world.live },
                { $set: { status: 'closed', closedAt: new Date(Date.now() - 3_600_000) } },
              );
            }
            await seeAs(round, 'HR', world.hr);
            await seeCyclePage(round);
            const hrSeen = round.seen;
            round.seen = [];
            for (const [index, leader] of world.leaders.entries()) {
              await seeAs(round, `leader ${index}`, leader);
            }
            await seeBoards(round);
            await expectEveryFigureHrs(round, hrSeen, round.seen);
            seen.push(...hrSeen, ...round.seen);
          }
          expectNothingRecoverable(world, seen);
        },
      ),
      { numRuns: 12 },
    );
  }, 600_000);
});
