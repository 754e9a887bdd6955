import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { linearReader, smallGroups } from '../../tests/support/linear-reader';
import { seededRandom } from '../../tests/support/seeded-random';
import { respondentsQuestionId } from '../answering/rollups.server';
import { cycleFigures } from './cycle-figures.server';
import type { QuestionInfo } from './filters.server';
import { driverMeasure, every, questionMeasure, type RatingsMeasure } from './service-ratings';
import { cellKey } from './suppression';
import type { RollupRow } from './tally';

// Random cycles where departments answer their own questions and rate services on the same two
// drivers. The drivers table adds both up (a department on a driver is its own answers plus its
// ratings), the service ratings show the service part on its own, and the question splits show a
// department's own answers where no breakdown withholds it. A reader who combines all of these in
// any way — the drivers table less the ratings, for one — must not work out a group of one to
// three atoms (a department's answers to one question, about one service or its own) holding
// fewer invited people than the threshold.

const question = (id: string, driver: string, internalService: boolean): QuestionInfo => ({
  id,
  type: 'scale',
  text: id,
  template: id,
  driver,
  internalService,
});
const questions = [
  question('service-a', 'A', true),
  question('service-b', 'B', true),
  question('own-a', 'A', false),
  question('own-b', 'B', false),
];

function cycle(settings: { customers: number; providers: number; seed: number }) {
  const next = seededRandom(settings.seed);
  const departments = Array.from({ length: settings.customers }, (_, index) => `d${index}`);
  const providers = Array.from({ length: settings.providers }, (_, index) => `p${index}`);
  const people: { atoms: Set<string> }[] = [];
  const rows = new Map<string, RollupRow>();
  const row = (department: string, questionId: string, provider: string | null) => {
    const key = `${department}>${provider ?? ''}|${questionId}`;
    const found = rows.get(key) ?? {
      cycleId: 'c',
      departmentId: department,
      questionId,
      providerId: provider,
      count: 0,
      sum: 0,
      sumSquares: 0,
      histogram: {},
      kioskCount: 0,
    };
    rows.set(key, found);
    return { key, row: found };
  };
  for (const department of departments) {
    const size = next(3) === 0 ? 1 + next(3) : 3 + next(8);
    row(department, respondentsQuestionId, null).row.count = size;
    for (let person = 0; person < size; person++) {
      const atoms = new Set<string>();
      for (const { id, internalService } of questions) {
        for (const provider of internalService ? providers : [null]) {
          if (next(4) === 0) continue;
          const { key, row: answered } = row(department, id, provider);
          const value = 1 + next(5);
          answered.count += 1;
          answered.sum += value;
          answered.sumSquares += value * value;
          answered.histogram[String(value)] = (answered.histogram[String(value)] ?? 0) + 1;
          atoms.add(key);
        }
      }
      people.push({ atoms });
    }
  }
  return { departments, providers, people, rows };
}

describe('the drivers table and the service ratings together', () => {
  it('give no group below the threshold away, however their figures are combined', () => {
    fc.assert(
      fc.property(
        fc.record({
          threshold: fc.integer({ min: 3, max: 6 }),
          customers: fc.integer({ min: 2, max: 4 }),
          providers: fc.integer({ min: 1, max: 2 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        ({ threshold, ...settings }) => {
          const { departments, providers, people, rows } = cycle(settings);
          const figures = cycleFigures([...rows.values()], questions, threshold);
          const answered = new Set(
            [...rows.keys()].filter((key) => !key.endsWith(`|${respondentsQuestionId}`)),
          );
          const shown: string[][] = [];
          const note = (state: string | undefined, atoms: string[]) => {
            const present = atoms.filter((atom) => answered.has(atom));
            if (state === 'shown' && present.length > 0) shown.push(present);
          };
          const serviceIds = (driver: string | null) =>
            questions
              .filter((one) => one.internalService && (driver === null || one.driver === driver))
              .map((one) => one.id);
          const serviceAtoms = (customer: string, provider: string, ids: string[]) =>
            (customer === every ? departments : [customer]).flatMap((one) =>
              (provider === every ? providers : [provider]).flatMap((other) =>
                ids.map((id) => `${one}>${other}|${id}`),
              ),
            );
          const measures: [RatingsMeasure, string[]][] = [
            ['all', serviceIds(null)],
            ['drivers', serviceIds(null)],
            [driverMeasure('A'), serviceIds('A')],
            [driverMeasure('B'), serviceIds('B')],
            ...serviceIds(null).map((id): [RatingsMeasure, string[]] => [
              questionMeasure(id),
              [id],
            ]),
          ];
          for (const customer of [...departments, every]) {
            for (const provider of [...providers, every]) {
              for (const [measure, ids] of measures) {
                note(
                  figures.ratings.reading(customer, provider, measure).state,
                  serviceAtoms(customer, provider, ids),
                );
              }
            }
          }
          const cellAtoms = (department: string, driver: string) => [
            ...serviceAtoms(department, every, serviceIds(driver)),
            ...questions
              .filter((one) => !one.internalService && one.driver === driver)
              .map((one) => `${department}>|${one.id}`),
          ];
          for (const department of departments) {
            for (const driver of ['A', 'B']) {
              note(
                figures.drivers.cells.get(cellKey(department, driver))?.state,
                cellAtoms(department, driver),
              );
            }
            note(figures.drivers.rowTotals.get(department)?.state, [
              ...cellAtoms(department, 'A'),
              ...cellAtoms(department, 'B'),
            ]);
            // A department's own answers to one question, in that question's split.
            for (const own of questions.filter((one) => !one.internalService)) {
              const part = figures.questionParts.get(own.id)?.get(department);
              if (part && !figures.withheld.has(department))
                note('shown', [`${department}>|${own.id}`]);
            }
          }
          for (const driver of ['A', 'B']) {
            note(
              figures.drivers.columnTotals.get(driver)?.state,
              departments.flatMap((department) => cellAtoms(department, driver)),
            );
          }

          const reader = linearReader(shown);
          const sizeOf = (group: readonly string[]) =>
            people.filter((person) => group.some((atom) => person.atoms.has(atom))).length;
          const atoms = [...answered];
          for (const { group, size } of smallGroups(atoms, sizeOf, threshold)) {
            expect(reader.knows(group), `${group.join(' ')} holds ${size}`).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
