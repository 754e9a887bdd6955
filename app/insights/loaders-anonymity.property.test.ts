import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  makeInsightSurvey,
  respondentsOf,
  rollupOf,
  seedRollups,
  staffUser,
} from '../../tests/factories/insights';
import { emptyDatabase, setupTestDatabase } from '../../tests/support/test-database';
import type { StaffUser } from '../utils/permissions.server';
import { loadDepartment } from './department.server';
import { loadDrivers } from './drivers.server';
import { departmentExports, driversExports, matrixExports, overviewExports } from './exports';
import { loadMatrix } from './matrix.server';
import { loadOverview } from './overview.server';
import { type Table, toCsv } from './tables';
import type { Figure, Heatmap } from './types';

// Random organisations with many small groups: whatever a loader returns, as HR or as a leader,
// no shown number stands for fewer people than the threshold, and no shown total minus its shown
// parts leaves a withheld remainder smaller than the threshold.

setupTestDatabase('insight-anonymity');

/** A small deterministic generator, so one fast-check seed describes a whole organisation. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

interface Truth {
  respondents: Map<string, number>;
  /** The most answers one score question got in a department: the fewest people behind it. */
  scorePeople: Map<string, number>;
  /** Ratings per department → provider. */
  ratings: Map<string, number>;
}

const key = (...parts: string[]) => parts.join('|');

async function seedRandomOrganisation(settings: {
  threshold: number;
  departments: number;
  providers: number;
  cycles: number;
  seed: number;
}) {
  const next = random(settings.seed);
  const organisation = await makeInsightSurvey(settings);
  const { survey, departments, providers, cycles } = organisation;
  const truth: Truth = { respondents: new Map(), scorePeople: new Map(), ratings: new Map() };
  const rows: object[] = [];
  const values = (count: number, top: number) => Array.from({ length: count }, () => 1 + next(top));
  for (const cycle of cycles) {
    for (const department of departments) {
      // Many small groups: half of them below eight people.
      const people = next(2) === 0 ? next(5) : next(16);
      if (people === 0) continue;
      const at = { surveyId: survey._id, cycleId: cycle._id, departmentId: department._id };
      const id = key(String(cycle._id), String(department._id));
      truth.respondents.set(id, people);
      rows.push(respondentsOf(at, people));
      let most = 0;
      for (const question of ['q-tools', 'q-growth']) {
        const answered = Math.max(0, people - next(3));
        most = Math.max(most, answered);
        if (answered > 0) rows.push(rollupOf(at, question, values(answered, 5)));
      }
      truth.scorePeople.set(id, most);
      const nps = Math.max(0, people - next(3));
      if (nps > 0)
        rows.push(
          rollupOf(
            at,
            'q-enps',
            values(nps, 11).map((value) => value - 1),
          ),
        );
      for (const provider of providers) {
        const ratings = next(people + 1);
        if (ratings === 0) continue;
        truth.ratings.set(key(id, String(provider._id)), ratings);
        rows.push(rollupOf(at, 'q-service', values(ratings, 5), provider._id));
      }
    }
  }
  await seedRollups(rows);
  const everyone = [...departments, ...providers].map((department) => String(department._id));
  const scope = everyone.filter(() => next(2) === 0);
  return { ...organisation, truth, scope: scope.length > 0 ? scope : [everyone[0] ?? ''] };
}

/** Every shown figure or count in a view stands for at least `threshold` people. */
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
    // A shown head count (answered people) is none or at least the threshold.
    if (
      record.state === 'shown' &&
      'value' in record &&
      !('n' in record) &&
      path.includes('answered')
    ) {
      const count = Number(record.value);
      expect(count === 0 || count >= threshold, `${path} = ${count}`).toBe(true);
    }
    for (const [name, child] of Object.entries(record)) visit(child, `${path}.${name}`);
  };
  visit(view, 'view');
}

/** Withheld parts with answers must together reach the threshold, whenever the total is shown. */
function expectComplement(
  parts: { figure: Figure; people: number }[],
  total: Figure,
  threshold: number,
) {
  if (total.state !== 'shown') return;
  const hidden = parts
    .filter((part) => part.figure.state === 'withheld')
    .reduce((sum, part) => sum + part.people, 0);
  expect(hidden === 0 || hidden >= threshold, `withheld remainder ${hidden}`).toBe(true);
}

function expectTableComplement(
  heatmap: Heatmap,
  peopleOf: (row: string, column: string) => number,
  threshold: number,
) {
  heatmap.rows.forEach((row, rowIndex) => {
    const parts = heatmap.columns.map((column, columnIndex) => ({
      figure: heatmap.cells[rowIndex]?.[columnIndex] ?? { state: 'empty' as const },
      people: peopleOf(row.id, column.id),
    }));
    expectComplement(parts, heatmap.rowTotals[rowIndex] ?? { state: 'empty' }, threshold);
  });
  heatmap.columns.forEach((column, columnIndex) => {
    const parts = heatmap.rows.map((row, rowIndex) => ({
      figure: heatmap.cells[rowIndex]?.[columnIndex] ?? { state: 'empty' as const },
      people: peopleOf(row.id, column.id),
    }));
    expectComplement(parts, heatmap.columnTotals[columnIndex] ?? { state: 'empty' }, threshold);
  });
}

/**
 * Every CSV export of a view: each count in it (an n column, or people who answered) is blank,
 * withheld, zero or at least the threshold.
 */
function expectExportsSafe(tables: readonly (Table | null)[], threshold: number) {
  for (const table of tables) {
    if (!table) continue;
    const csv = toCsv(table);
    expect(csv.length).toBeGreaterThan(0);
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

const allOf = <V>(exports: Record<string, (view: V) => Table | null>, view: V) =>
  Object.values(exports).map((build) => build(view));

async function checkUser(
  user: StaffUser,
  organisation: Awaited<ReturnType<typeof seedRandomOrganisation>>,
  threshold: number,
) {
  const { truth, cycles, departments, providers } = organisation;
  const none = new URLSearchParams();
  const latest = String(cycles.at(-1)?._id);
  const at = (cycleId: string, department: string) => key(cycleId, department);
  const scorePeople = (cycleId: string, department: string) =>
    Math.min(
      truth.respondents.get(at(cycleId, department)) ?? 0,
      truth.scorePeople.get(at(cycleId, department)) ?? 0,
    );

  const overview = await loadOverview(user, none);
  expectNothingSmallShown(overview, threshold);
  expectExportsSafe(allOf(overviewExports, overview), threshold);
  overview.trend.cycles.forEach((cycle, index) => {
    const total = overview.trend.series[0]?.points[index] ?? { state: 'empty' };
    const parts = overview.trend.series.slice(1).map((series) => ({
      figure: series.points[index] ?? { state: 'empty' as const },
      people: scorePeople(cycle.id, series.key),
    }));
    expectComplement(parts, total, threshold);
    const answered = overview.participation.total[index]?.answered;
    if (answered?.state === 'shown') {
      const shown = overview.participation.rows.reduce((sum, row) => {
        const count = row.cells[index]?.answered;
        return sum + (count?.state === 'shown' ? count.value : 0);
      }, 0);
      const remainder = answered.value - shown;
      expect(remainder === 0 || remainder >= threshold, `answered remainder ${remainder}`).toBe(
        true,
      );
    }
  });

  const cell = { row: String(departments[0]?._id), column: String(providers[0]?._id) };
  const seesCell =
    user.hrAdmin || user.scope.includes(cell.row) || user.scope.includes(cell.column);
  const matrix = await loadMatrix(user, new URLSearchParams(seesCell ? cell : {}));
  expectNothingSmallShown(matrix, threshold);
  expectExportsSafe(allOf(matrixExports, matrix), threshold);
  expectTableComplement(
    matrix.heatmap,
    (row, column) =>
      Math.min(
        truth.respondents.get(at(latest, row)) ?? 0,
        truth.ratings.get(key(at(latest, row), column)) ?? 0,
      ),
    threshold,
  );

  const drivers = await loadDrivers(user, new URLSearchParams({ driver: 'Tools' }));
  expectNothingSmallShown(drivers, threshold);
  expectExportsSafe(allOf(driversExports, drivers), threshold);

  for (const department of [...departments, ...providers].map((item) => String(item._id))) {
    if (!user.hrAdmin && !user.scope.includes(department)) continue;
    const page = await loadDepartment(user, department, none);
    expectNothingSmallShown(page, threshold);
    expectExportsSafe(allOf(departmentExports, page), threshold);
    // The department page shows exactly what the overview and matrix show for it.
    const bar = overview.byDepartment.find((entry) => entry.department.id === department);
    expect(page.answering.score).toEqual(bar?.figure ?? page.answering.score);
    const column = matrix.heatmap.columns.findIndex((entry) => entry.id === department);
    for (const customer of page.rated?.byCustomer ?? []) {
      const row = matrix.heatmap.rows.findIndex((entry) => entry.id === customer.department.id);
      if (column >= 0 && row >= 0) {
        expect(customer.figure).toEqual(matrix.heatmap.cells[row]?.[column]);
      }
    }
  }
}

describe('anonymity of every insight loader', () => {
  it('never reveals a group below the threshold, directly or by subtraction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          threshold: fc.integer({ min: 3, max: 7 }),
          departments: fc.integer({ min: 2, max: 5 }),
          providers: fc.integer({ min: 1, max: 3 }),
          cycles: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        async (settings) => {
          await emptyDatabase();
          const organisation = await seedRandomOrganisation(settings);
          await checkUser(staffUser({ hrAdmin: true }), organisation, settings.threshold);
          await checkUser(
            staffUser({ scope: organisation.scope }),
            organisation,
            settings.threshold,
          );
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);
});
