import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { RollupModel } from '../../models/rollup.server';
import { makeInsightSurvey } from '../../tests/factories/insights';
import { derivedSets } from '../../tests/support/derived-sets';
import { rollupRows } from '../../tests/support/rollup-rows';
import { seededRandom } from '../../tests/support/seeded-random';
import { emptyDatabase, setupTestDatabase } from '../../tests/support/test-database';
import { respondentsQuestionId } from '../answering/rollups.server';
import { cycleResults } from '../insights/cycle-results.server';
import { questionInfos, thresholdOf } from '../insights/filters.server';
import { forgetCachedRollups } from '../insights/rollup-reads.server';
import type { Reading } from '../insights/withholding';
import type { Question } from '../surveys/survey-schema';
import { charterReadings } from './readings.server';

// Random organisations whose people rate random services on two scale questions of one driver and
// an NPS question, some skipping, some through the open (kiosk) link. A charter on every service
// has a standard on each question and on the driver. Two properties, over everything the charter
// pages show and every figure the insight pages show of the same ratings (each question's and the
// driver's mean by department and overall, the matrix's cells and totals):
//  - a cell shown as met or not met is a group of at least the threshold of invited people;
//  - nothing can be worked out by subtraction: every shown figure is a set of atoms
//    (customer → service, question), and unions of disjoint shown sets within one shown set and
//    differences of nested ones never leave a set of fewer invited answers than the threshold.

setupTestDatabase('charter-anonymity');

const scale = (id: string): Question => ({
  id,
  type: 'scale',
  text: { en: `{department} ${id}` },
  driver: 'Responsiveness',
  required: false,
  core: true,
  internalService: true,
  archived: false,
});
const questions: Question[] = [
  scale('q-fast'),
  scale('q-right'),
  {
    id: 'q-recommend',
    type: 'nps',
    text: { en: 'Would you recommend {department}?' },
    required: false,
    core: true,
    internalService: true,
    archived: false,
  },
];
const scaleIds = ['q-fast', 'q-right'];

interface Person {
  department: string;
  kiosk: boolean;
  /** Answers by `question|provider`. */
  answers: Map<string, number>;
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
    cycles: 1,
    threshold: settings.threshold,
    questions,
  });
  const departments = organisation.departments.map((department) => String(department._id));
  const providers = organisation.providers.map((provider) => String(provider._id));
  const cycle = String(organisation.cycles[0]?._id);
  const people: Person[] = [];
  for (const department of departments) {
    const count = next(2) === 0 ? next(6) : next(14);
    const kiosk = next(3) === 0 ? 1 + next(3) : 0;
    for (let index = 0; index < count + kiosk; index++) {
      const answers = new Map<string, number>();
      for (const provider of providers) {
        if (next(3) === 0) continue;
        for (const question of questions) {
          if (next(5) === 0) continue;
          const value = question.type === 'nps' ? next(11) : 1 + next(5);
          answers.set(`${question.id}|${provider}`, value);
        }
      }
      people.push({ department, kiosk: index >= count, answers });
    }
  }
  const rows = rollupRows(organisation.survey._id);
  const add = (person: Person, questionId: string, provider: string | null, value: number | null) =>
    rows.add({ ...person, cycle }, questionId, provider, value);
  for (const person of people) {
    add(person, respondentsQuestionId, null, null);
    for (const [item, value] of person.answers) {
      const [questionId = '', provider = ''] = item.split('|');
      add(person, questionId, provider, value);
    }
  }
  const documents = rows.documents();
  if (documents.length > 0) await RollupModel.insertMany(documents);
  forgetCachedRollups();
  return { ...organisation, departmentIds: departments, providerIds: providers, cycle, people };
}
type World = Awaited<ReturnType<typeof seedWorld>>;

/** Invited answers per atom: `department>provider|question`. */
function atomSizes(world: World): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const person of world.people) {
    if (person.kiosk) continue;
    for (const item of person.answers.keys()) {
      const [question, provider] = item.split('|');
      const atom = `${person.department}>${provider}|${question}`;
      sizes.set(atom, (sizes.get(atom) ?? 0) + 1);
    }
  }
  return sizes;
}

/** A shown figure: the atoms behind it, in one family (scale ratings, or NPS ratings). */
interface Seen {
  family: 'scale' | 'nps';
  atoms: string[];
  where: string;
}

function atoms(
  world: World,
  departments: string[] | null,
  providers: string[] | null,
  questionIds: string[],
): string[] {
  return (departments ?? world.departmentIds).flatMap((department) =>
    (providers ?? world.providerIds).flatMap((provider) =>
      questionIds.map((question) => `${department}>${provider}|${question}`),
    ),
  );
}

const shown = (reading: Reading | undefined) => reading?.state === 'shown';

/** Every figure of these ratings the insight pages show: the organisation's, for HR. */
async function insightFigures(world: World): Promise<Seen[]> {
  const frame = {
    threshold: thresholdOf(world.survey),
    questions: questionInfos(world.survey),
    settled: new Map([[world.cycle, world.cycles[0]?.rollupsRevision ?? 0]]),
  };
  const results = (await cycleResults(frame, [world.cycle])).get(world.cycle);
  if (!results) throw new Error('the cycle has no results');
  const seen: Seen[] = [];
  const see = (family: Seen['family'], set: string[], where: string) =>
    seen.push({ family, atoms: set, where });
  for (const question of questions) {
    const family = question.type === 'nps' ? 'nps' : 'scale';
    const breakdown = results.question(question.id);
    for (const [department, reading] of breakdown?.parts ?? []) {
      if (shown(reading))
        see(
          family,
          atoms(world, [department], null, [question.id]),
          `${question.id} of ${department}`,
        );
    }
    if (shown(breakdown?.total))
      see(family, atoms(world, null, null, [question.id]), `${question.id} total`);
  }
  const drivers = results.drivers();
  for (const [key, reading] of drivers.cells) {
    const [department = ''] = key.split('\u0000');
    if (shown(reading))
      see('scale', atoms(world, [department], null, scaleIds), `driver of ${department}`);
  }
  if (shown(drivers.columnTotals.get('Responsiveness'))) {
    see('scale', atoms(world, null, null, scaleIds), 'driver total');
  }
  const matrix = results.matrix();
  for (const [key, reading] of matrix.cells) {
    const [department = '', provider = ''] = key.split('\u0000');
    if (shown(reading))
      see('scale', atoms(world, [department], [provider], scaleIds), `matrix ${key}`);
  }
  for (const [department, reading] of matrix.rowTotals) {
    if (shown(reading))
      see('scale', atoms(world, [department], null, scaleIds), `matrix row ${department}`);
  }
  for (const [provider, reading] of matrix.columnTotals) {
    if (shown(reading))
      see('scale', atoms(world, null, [provider], scaleIds), `matrix column ${provider}`);
  }
  return seen;
}

/** Every cell the charter pages show as met or not met, on every service's charter. */
async function charterFigures(world: World): Promise<Seen[]> {
  const seen: Seen[] = [];
  const standards = [
    ...questions.map((question) => ({
      key: question.id,
      measure: { driver: null, surveyId: world.survey._id, questionId: question.id },
      target: question.type === 'nps' ? 0 : 3,
    })),
    {
      key: 'driver',
      measure: { driver: 'Responsiveness', surveyId: null, questionId: null },
      target: 3,
    },
  ];
  for (const provider of world.providerIds) {
    const readings = await charterReadings(provider, standards, { language: 'en' });
    for (const standard of readings) {
      const questionIds = standard.key === 'driver' ? scaleIds : [standard.key];
      for (const row of standard.rows) {
        for (const cell of row.cells) {
          if (cell.state === 'not-measured') continue;
          expect(cell).toEqual({
            state: expect.any(String) as string,
            value: expect.any(Number) as number,
            n: expect.any(Number) as number,
          });
          seen.push({
            family: standard.key === 'q-recommend' ? 'nps' : 'scale',
            atoms: atoms(world, [row.department.id], [provider], questionIds),
            where: `charter ${standard.key} ${row.department.id}>${provider}`,
          });
        }
      }
    }
  }
  return seen;
}

/**
 * No set a reader can work out from the charter's figures and the insight pages' together holds
 * fewer invited people than the threshold.
 */
function expectNothingRecoverable(
  world: World,
  charter: readonly Seen[],
  insights: readonly Seen[],
  threshold: number,
) {
  const sizes = atomSizes(world);
  const size = (set: Iterable<string>) =>
    [...set].reduce((sum, atom) => sum + (sizes.get(atom) ?? 0), 0);
  for (const family of ['scale', 'nps'] as const) {
    const ofFamily = (figures: readonly Seen[]) =>
      figures.filter((figure) => figure.family === family);
    const own = ofFamily([...charter, ...insights]);
    for (const set of derivedSets(own.map((figure) => figure.atoms)).values()) {
      const n = size(set);
      const shownAs = own
        .filter((figure) => [...set].every((atom) => figure.atoms.includes(atom)))
        .map((figure) => figure.where)
        .slice(0, 4);
      expect(
        n === 0 || n >= threshold,
        `${family}: ${[...set].sort().join(' ')} holds ${n} invited (within ${shownAs.join('; ')})`,
      ).toBe(true);
    }
  }
}

describe('anonymity of charter readings', () => {
  it('never shows met or not met for a group under the threshold, nor one complementary suppression withholds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          threshold: fc.integer({ min: 3, max: 6 }),
          departments: fc.integer({ min: 2, max: 4 }),
          providers: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        async (settings) => {
          await emptyDatabase();
          const world = await seedWorld(settings);
          const charter = await charterFigures(world);
          const sizes = atomSizes(world);
          for (const figure of charter) {
            const n = figure.atoms.reduce((sum, atom) => sum + (sizes.get(atom) ?? 0), 0);
            expect(n, `${figure.where} holds ${n} invited`).toBeGreaterThanOrEqual(
              settings.threshold,
            );
          }
          const insights = await insightFigures(world);
          expectNothingRecoverable(world, charter, insights, settings.threshold);
        },
      ),
      { numRuns: 25, examples: [[{ threshold: 3, departments: 2, providers: 1, seed: 1 }]] },
    );
  }, 600_000);
});
