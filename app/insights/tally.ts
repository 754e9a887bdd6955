// Adds rollup rows up into the groups a chart shows (a department, a driver, a cell of the
// matrix) and remembers how many people a group is at least, which is what suppression needs.

import { addHistogram, addTotals, emptyTotals, type Histogram, type Totals } from './statistics';

/** One rollup document, as the insight loaders read it. */
export interface RollupRow {
  cycleId: string;
  departmentId: string;
  questionId: string;
  providerId: string | null;
  count: number;
  sum: number;
  sumSquares: number;
  histogram: Histogram;
}

export interface Tally {
  totals: Totals;
  histogram: Histogram;
  /** Answers per question × provider: a person answers each at most once. */
  answers: Map<string, number>;
}

export const emptyTally = (): Tally => ({
  totals: emptyTotals(),
  histogram: {},
  answers: new Map(),
});

export function addRow(tally: Tally, row: RollupRow): Tally {
  addTotals(tally.totals, row);
  addHistogram(tally.histogram, row.histogram);
  const item = `${row.questionId}|${row.providerId ?? ''}`;
  tally.answers.set(item, (tally.answers.get(item) ?? 0) + row.count);
  return tally;
}

export function mergeTally(into: Tally, more: Tally): Tally {
  addTotals(into.totals, more.totals);
  addHistogram(into.histogram, more.histogram);
  for (const [item, count] of more.answers) {
    into.answers.set(item, (into.answers.get(item) ?? 0) + count);
  }
  return into;
}

/** The fewest people behind a tally: the most answers any one question (× provider) got. */
export function peopleIn(tally: Tally): number {
  let most = 0;
  for (const count of tally.answers.values()) most = Math.max(most, count);
  return most;
}

/** Groups rows by a key; rows the key function rejects (null) are left out. */
export function tallyBy(
  rows: readonly RollupRow[],
  keyOf: (row: RollupRow) => string | null,
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = emptyTally()));
    addRow(tally, row);
  }
  return tallies;
}
