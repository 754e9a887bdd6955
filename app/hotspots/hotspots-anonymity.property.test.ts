import fc from 'fast-check';
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { RollupModel } from '../../models/rollup.server';
import { makeInsightSurvey } from '../../tests/factories/insights';
import { makePerson } from '../../tests/factories/organisation';
import { derivedSets } from '../../tests/support/derived-sets';
import { rollupRows } from '../../tests/support/rollup-rows';
import { seededRandom } from '../../tests/support/seeded-random';
import { emptyDatabase, setupTestDatabase } from '../../tests/support/test-database';
import { raiseView } from '../actions/raise.server';
import { respondentsQuestionId } from '../answering/rollups.server';
import { loadDrivers } from '../insights/drivers.server';
import { loadMatrix } from '../insights/matrix.server';
import type { MetricSource } from '../insights/metric.server';
import type { Figure, HeatFigure, Heatmap } from '../insights/types';
import type { Question } from '../surveys/survey-schema';
import { loadStaffUser, type StaffUser } from '../utils/permissions.server';
import { loadHotspots } from './hotspots.server';

// Random organisations whose departments rate one or two services on two drivers, over two
// closed cycles, seen by HR, a leader of a random scope, the leader of the smallest department and
// the leader of a service. Everything about services they can see is collected — the hotspot
// page, every hotspot cell through "raise an action" (whose baseline is the cell), the matrix and
// the drivers table that hotspots add up to — and then:
//  - every figure a leader sees is one of HR's, with the same value: withholding is one decision
//    for everyone, so two viewers' rows together say nothing either's do not;
//  - no hotspot row is a group below the threshold, and no group of fewer invited people than the
//    threshold can be worked out by subtracting figures from each other. Each figure is a set of
//    atoms (cycle, customer → service, driver); a set's size is the invited people who answered
//    in any of its atoms, and every set a reader can derive (unions of disjoint shown sets inside
//    a shown one, differences of nested ones) holds none or at least the threshold.

setupTestDatabase('hotspot-anonymity');

const scale = (id: string, driver: string, internalService: boolean): Question => ({
  id,
  type: 'scale',
  text: { en: internalService ? `{department} ${id}` : id },
  driver,
  required: false,
  core: true,
  internalService,
  archived: false,
});
const questions = [
  scale('q-tools', 'Tools', false),
  scale('q-resp', 'Responsiveness', true),
  scale('q-rel', 'Reliability', true),
];
const serviceDrivers: Record<string, string> = {
  'q-resp': 'Responsiveness',
  'q-rel': 'Reliability',
};
const drivers = Object.values(serviceDrivers);

interface Person {
  index: number;
  cycle: string;
  department: string;
  kiosk: boolean;
  tools: number;
  /** provider → driver → answer */
  ratings: Map<string, Map<string, number>>;
}

interface Settings {
  threshold: number;
  departments: number;
  providers: number;
  seed: number;
}

async function seedWorld(settings: Settings) {
  const next = seededRandom(settings.seed);
  const organisation = await makeInsightSurvey({
    departments: settings.departments,
    providers: settings.providers,
    cycles: 2,
    threshold: settings.threshold,
    questions,
  });
  const departments = organisation.departments.map((department) => String(department._id));
  const providers = organisation.providers.map((provider) => String(provider._id));
  const cycles = organisation.cycles.map((cycle) => String(cycle._id));
  // Some customers rate some services on one driver far less often than on the other, so a
  // driver's cell can be small inside a matrix cell that is not.
  const rarely = new Set(
    departments.flatMap((department) =>
      providers.flatMap((provider) =>
        drivers.filter(() => next(4) === 0).map((driver) => `${department}|${provider}|${driver}`),
      ),
    ),
  );
  const people: Person[] = [];
  for (const cycle of cycles) {
    for (const department of departments) {
      const invited = next(4) === 0 ? next(6) : 6 + next(14);
      const kiosk = next(3) === 0 ? 1 + next(3) : 0;
      for (let index = 0; index < invited + kiosk; index++) {
        const ratings = new Map<string, Map<string, number>>();
        for (const provider of providers) {
          if (next(4) === 0) continue;
          const answers = new Map<string, number>();
          // A low-rated pair now and then, so there are hotspots to rank.
          const low = next(3) === 0 ? 2 : 0;
          for (const driver of drivers) {
            const skip = rarely.has(`${department}|${provider}|${driver}`) ? 3 : 0;
            if (next(5) >= skip) answers.set(driver, Math.max(1, 1 + next(5) - low));
          }
          if (answers.size > 0) ratings.set(provider, answers);
        }
        people.push({
          index: people.length,
          cycle,
          department,
          kiosk: index >= invited,
          tools: 1 + next(5),
          ratings,
        });
      }
    }
  }
  const home = organisation.departments[0]?._id ?? new Types.ObjectId();
  const everyone = [...departments, ...providers];
  const randomScope = everyone.filter(() => next(2) === 0);
  const invitedIn = (department: string) =>
    people.filter((person) => person.department === department && !person.kiosk).length;
  const smallest = [...departments].sort((a, b) => invitedIn(a) - invitedIn(b))[0] ?? '';
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
  const leaders = [];
  for (const leaderOf of [
    randomScope.length > 0 ? randomScope : [everyone[0] ?? ''],
    [smallest],
    [providers[0] ?? ''],
  ]) {
    leaders.push(await staff({ leaderOf }));
  }
  const world = {
    threshold: settings.threshold,
    surveyId: String(organisation.survey._id),
    departments,
    providers,
    cycles,
    people,
    hr,
    leaders,
  };
  await writeRollups(world);
  return world;
}
type World = Awaited<ReturnType<typeof seedWorld>>;

async function writeRollups(world: Omit<World, 'hr' | 'leaders'>) {
  const rows = rollupRows(world.surveyId);
  const add = rows.add;
  for (const person of world.people) {
    add(person, respondentsQuestionId, null, null);
    add(person, 'q-tools', null, person.tools);
    for (const [provider, answers] of person.ratings) {
      for (const [questionId, driver] of Object.entries(serviceDrivers)) {
        const value = answers.get(driver);
        if (value !== undefined) add(person, questionId, provider, value);
      }
    }
  }
  await RollupModel.insertMany(rows.documents());
}

/** A figure someone saw: a set of rating atoms of one cycle, and its value as shown. */
interface Seen {
  cycle: string;
  atoms: string[];
  value: string;
  where: string;
}

const atom = (cycle: string, customer: string, provider: string, driver: string) =>
  `${cycle}|${customer}>${provider}|${driver}`;

/** Atoms of customers × providers × drivers (null: every one). */
function atomsOf(
  world: World,
  cycle: string,
  customer: string | null,
  provider: string | null,
  driver: string | null,
): string[] {
  return (customer ? [customer] : world.departments).flatMap((row) =>
    (provider ? [provider] : world.providers).flatMap((column) =>
      (driver ? [driver] : drivers).map((name) => atom(cycle, row, column, name)),
    ),
  );
}

/** A shown figure's value and n, 'withheld' for a withheld one, null for none. */
const valueOf = (figure: Figure | HeatFigure | undefined): string | null =>
  figure?.state === 'shown'
    ? `${figure.value}|${figure.n}`
    : figure?.state === 'withheld'
      ? withheldValue
      : null;
const withheldValue = 'withheld';

function see(seen: Seen[], where: string, cycle: string, atoms: string[], value: string | null) {
  if (value !== null) seen.push({ cycle, atoms, value, where });
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
    if (typeof record.n === 'number') expect(record.n, path).toBeGreaterThanOrEqual(threshold);
    for (const [name, child] of Object.entries(record)) visit(child, `${path}.${name}`);
  };
  visit(view, 'view');
}

function seeHeatmap(
  seen: Seen[],
  where: string,
  cycle: string,
  heatmap: Heatmap,
  sets: {
    cell: (row: string, column: string) => string[] | null;
    row: (row: string) => string[] | null;
    column: (column: string) => string[] | null;
  },
) {
  heatmap.rows.forEach((row, rowIndex) => {
    heatmap.columns.forEach((column, columnIndex) => {
      const atoms = sets.cell(row.id, column.id);
      if (atoms)
        see(seen, `${where} cell`, cycle, atoms, valueOf(heatmap.cells[rowIndex]?.[columnIndex]));
    });
    const atoms = sets.row(row.id);
    if (atoms) see(seen, `${where} row`, cycle, atoms, valueOf(heatmap.rowTotals[rowIndex]));
  });
  heatmap.columns.forEach((column, columnIndex) => {
    const atoms = sets.column(column.id);
    if (atoms)
      see(seen, `${where} column`, cycle, atoms, valueOf(heatmap.columnTotals[columnIndex]));
  });
}

/** What one viewer sees of services in both cycles. */
async function seeAs(world: World, who: string, user: StaffUser): Promise<Seen[]> {
  const seen: Seen[] = [];
  const inScope = (id: string) => user.hrAdmin || user.scope.includes(id);
  for (const [index, cycle] of world.cycles.entries()) {
    const range = new URLSearchParams({ survey: world.surveyId, to: String(index + 1) });
    const hotspots = await loadHotspots(user, range);
    expectNothingSmallShown(hotspots, world.threshold);
    expect(hotspots.latest?.id).toBe(cycle);
    for (const hotspot of hotspots.hotspots) {
      expect(inScope(hotspot.customer.id) || inScope(hotspot.provider.id)).toBe(true);
      see(
        seen,
        `${who} hotspot`,
        cycle,
        atomsOf(world, cycle, hotspot.customer.id, hotspot.provider.id, hotspot.driver),
        `${hotspot.value}|${hotspot.n}`,
      );
      // The level is the company's figure on the driver, as the drivers page shows it.
      if (hotspot.level !== null) {
        see(
          seen,
          `${who} hotspot level`,
          cycle,
          atomsOf(world, cycle, null, null, hotspot.driver),
          `${hotspot.level}`,
        );
      }
      // A change only where the previous cycle shows the cell too.
      if (hotspot.change) {
        const before = await raiseView(user, {
          ...source(world, world.cycles[index - 1] ?? ''),
          driver: hotspot.driver,
          departmentId: hotspot.customer.id,
          providerDepartmentId: hotspot.provider.id,
        });
        expect(before.baseline.state).toBe('shown');
      }
    }
    const matrix = await loadMatrix(user, range);
    expectNothingSmallShown(matrix, world.threshold);
    seeHeatmap(seen, `${who} matrix`, cycle, matrix.heatmap, {
      cell: (row, column) => atomsOf(world, cycle, row, column, null),
      row: (row) => atomsOf(world, cycle, row, null, null),
      column: (column) => atomsOf(world, cycle, null, column, null),
    });
    const driversView = await loadDrivers(user, range);
    expectNothingSmallShown(driversView, world.threshold);
    seeHeatmap(seen, `${who} drivers`, cycle, driversView.heatmap, {
      cell: (row, column) =>
        drivers.includes(column) ? atomsOf(world, cycle, row, null, column) : null,
      // A row total mixes in Tools, a measure of its own.
      row: () => null,
      column: (column) =>
        drivers.includes(column) ? atomsOf(world, cycle, null, null, column) : null,
    });
    // Every cell's figure, as raising an action on it shows it, within the viewer's scope.
    for (const customer of world.departments) {
      for (const provider of world.providers) {
        if (!inScope(customer) && !inScope(provider)) continue;
        for (const driver of drivers) {
          const view = await raiseView(user, {
            ...source(world, cycle),
            driver,
            departmentId: customer,
            providerDepartmentId: provider,
          });
          expectNothingSmallShown(view.baseline, world.threshold);
          see(
            seen,
            `${who} raise`,
            cycle,
            atomsOf(world, cycle, customer, provider, driver),
            valueOf(view.baseline),
          );
        }
      }
    }
  }
  return seen;
}

const source = (world: World, cycle: string): MetricSource => ({
  surveyId: world.surveyId,
  cycleId: cycle,
  metric: 'driver',
  questionId: null,
  driver: null,
  departmentId: null,
  providerDepartmentId: null,
});

const keyOf = (seen: Pick<Seen, 'cycle' | 'atoms'>) =>
  `${seen.cycle}|${[...seen.atoms].sort().join(',')}`;

/**
 * Every figure a leader is shown is a figure HR is shown for the same set, with the same value,
 * and HR's pages agree wherever two show the same set; a level (a value alone) is the value of
 * the figure it is.
 */
function expectOneValuePerSet(all: readonly Seen[], hrSeen: readonly Seen[]) {
  const isLevel = (seen: Seen) => !seen.value.includes('|');
  const hr = new Map<string, Seen>();
  for (const seen of hrSeen) {
    if (seen.value === withheldValue || isLevel(seen)) continue;
    const known = hr.get(keyOf(seen));
    if (known) expect(seen.value, `${seen.where} against ${known.where}`).toBe(known.value);
    hr.set(keyOf(seen), seen);
  }
  for (const seen of all) {
    if (seen.value === withheldValue) continue;
    const known = hr.get(keyOf(seen));
    expect(known, `${seen.where} (${keyOf(seen)}) is not one of HR's figures`).toBeDefined();
    if (isLevel(seen)) expect(known?.value.startsWith(`${seen.value}|`), seen.where).toBe(true);
    else expect(seen.value, `${seen.where} against ${known?.where}`).toBe(known?.value);
  }
}

/** The invited people who answered in each atom. */
function atomPeople(world: World): Map<string, Set<number>> {
  const people = new Map<string, Set<number>>();
  for (const person of world.people) {
    if (person.kiosk) continue;
    for (const [provider, answers] of person.ratings) {
      for (const driver of answers.keys()) {
        const key = atom(person.cycle, person.department, provider, driver);
        const set = people.get(key) ?? new Set<number>();
        set.add(person.index);
        people.set(key, set);
      }
    }
  }
  return people;
}

/**
 * No set a reader can work out from everything shown — the hotspot page, the matrix and the
 * drivers table together — holds fewer invited people than the threshold, nor is a figure some
 * page withholds.
 */
function expectNothingRecoverable(world: World, seen: readonly Seen[]) {
  const people = atomPeople(world);
  const setKey = (set: Iterable<string>) => [...set].sort().join(',');
  for (const cycle of world.cycles) {
    const ofCycle = seen.filter((figure) => figure.cycle === cycle);
    const shownSets = (figures: readonly Seen[]) => [
      ...new Map(
        figures
          .filter((figure) => figure.value !== withheldValue)
          .map((figure) => [keyOf(figure), figure.atoms]),
      ).values(),
    ];
    const withheld = new Map(
      ofCycle
        .filter((figure) => figure.value === withheldValue)
        .map((figure) => [setKey(figure.atoms), figure.where]),
    );
    for (const set of derivedSets(shownSets(ofCycle)).values()) {
      const key = setKey(set);
      const who = new Set<number>();
      for (const item of set) for (const person of people.get(item) ?? []) who.add(person);
      expect(
        who.size === 0 || who.size >= world.threshold,
        `${key} holds ${who.size} invited people`,
      ).toBe(true);
      expect(withheld.get(key), `${key} is withheld, yet can be worked out`).toBeUndefined();
    }
  }
}

describe('anonymity of hotspots', () => {
  it('shows every viewer only the organisation’s cells, none below the threshold, none by subtraction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          threshold: fc.integer({ min: 3, max: 6 }),
          departments: fc.integer({ min: 2, max: 4 }),
          providers: fc.integer({ min: 1, max: 2 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        async (settings) => {
          await emptyDatabase();
          const world = await seedWorld(settings);
          const hrSeen = await seeAs(world, 'HR', world.hr);
          const all = [...hrSeen];
          for (const [index, leader] of world.leaders.entries()) {
            all.push(...(await seeAs(world, `leader ${index}`, leader)));
          }
          expectOneValuePerSet(all, hrSeen);
          expectNothingRecoverable(world, all);
        },
      ),
      {
        numRuns: 12,
        // The matrix's column less the drivers table's column once gave away a driver's ratings.
        examples: [[{ threshold: 3, departments: 2, providers: 1, seed: 28 }]],
      },
    );
  }, 600_000);
});
