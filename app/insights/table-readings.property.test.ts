import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { linearReader, smallGroups } from '../../tests/support/linear-reader';
import { seededRandom } from '../../tests/support/seeded-random';
import { cellKey } from './suppression';
import { addRow, emptyTally, type Tally } from './tally';
import { tableReadings } from './withholding';

// Random departments × drivers tables: a department's cells share its people (one person answers
// every driver), some cells are small because few answered a driver's questions, and some
// departments are small altogether. What the table shows — cells, department totals, driver
// totals — is the reader's knowledge; a reader who combines any of it (the driver totals less
// every other department, two columns less a row) must not work out a withheld figure, nor a group
// of one to three cells holding fewer invited people than the threshold.

function table(settings: { rows: number; columns: number; seed: number }) {
  const next = seededRandom(settings.seed);
  const cells = new Map<string, Map<string, Tally>>();
  const respondents = new Map<string, number>();
  const people = new Map<string, number>();
  for (let row = 0; row < settings.rows; row++) {
    const department = `d${row}`;
    const size = next(3) === 0 ? 1 + next(4) : 4 + next(10);
    respondents.set(department, size);
    const line = new Map<string, Tally>();
    for (let column = 0; column < settings.columns; column++) {
      if (next(6) === 0) continue;
      const n = next(3) === 0 ? 1 + next(Math.min(size, 3)) : Math.max(1, size - next(size));
      line.set(
        `driver${column}`,
        addRow(emptyTally(), {
          cycleId: 'c',
          departmentId: department,
          questionId: `q${column}`,
          providerId: null,
          count: n,
          sum: n * 3,
          sumSquares: n * 9,
          histogram: { 3: n },
          kioskCount: 0,
        }),
      );
      people.set(`${department}|driver${column}`, n);
    }
    cells.set(department, line);
  }
  return { cells, respondents, people };
}

describe('tableReadings', () => {
  it('leaves no withheld figure and no small group to work out by combining lines', () => {
    fc.assert(
      fc.property(
        fc.record({
          threshold: fc.integer({ min: 3, max: 6 }),
          rows: fc.integer({ min: 2, max: 5 }),
          columns: fc.integer({ min: 2, max: 4 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        }),
        ({ threshold, ...settings }) => {
          const { cells, respondents, people } = table(settings);
          const readings = tableReadings(cells, respondents, threshold, 'score');
          const shown: string[][] = [];
          const withheld: [string, string[]][] = [];
          const note = (where: string, state: string | undefined, atoms: string[]) => {
            if (state === 'shown') shown.push(atoms);
            if (state === 'withheld') withheld.push([where, atoms]);
          };
          const columns = new Map<string, string[]>();
          for (const [row, line] of cells) {
            for (const column of line.keys()) {
              const atom = `${row}|${column}`;
              note(atom, readings.cells.get(cellKey(row, column))?.state, [atom]);
              columns.set(column, [...(columns.get(column) ?? []), atom]);
            }
            const atoms = [...line.keys()].map((column) => `${row}|${column}`);
            note(`${row} total`, readings.rowTotals.get(row)?.state, atoms);
          }
          for (const [column, atoms] of columns) {
            note(`${column} total`, readings.columnTotals.get(column)?.state, atoms);
          }
          const reader = linearReader(shown);
          for (const [where, atoms] of withheld) {
            expect(reader.knows(atoms), `${where} is withheld, yet can be worked out`).toBe(false);
          }
          // A department's cells share people: a group is, per department, its largest cell.
          const sizeOf = (group: readonly string[]) => {
            const most = new Map<string, number>();
            for (const atom of group) {
              const row = atom.split('|')[0] ?? '';
              most.set(row, Math.max(most.get(row) ?? 0, people.get(atom) ?? 0));
            }
            return [...most.values()].reduce((sum, n) => sum + n, 0);
          };
          const atoms = [...people.keys()];
          for (const { group, size } of smallGroups(atoms, sizeOf, threshold)) {
            expect(reader.knows(group), `${group.join(' ')} holds ${size}`).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
