// Adds rollup rows up into the groups a chart shows (a department, a driver, a cell of the
// matrix) and remembers how many people a group is at least, which is what suppression needs.
// Answers through the open (kiosk) link count in the values and the n a page shows, but never in
// the size suppression works with: anyone with that link can post answers with known values, so
// a group is only as large as its invited respondents.

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
  /** Of `count`, the answers that came through the open (kiosk) link. */
  kioskCount: number;
}

export interface Tally {
  totals: Totals;
  histogram: Histogram;
  /** Answers per question × provider: a person answers each at most once. */
  answers: Map<string, number>;
  /** The same, counting invited respondents' answers only (no open-link ones). */
  invited: Map<string, number>;
}

export const emptyTally = (): Tally => ({
  totals: emptyTotals(),
  histogram: {},
  answers: new Map(),
  invited: new Map(),
});

export function addRow(tally: Tally, row: RollupRow): Tally {
  addTotals(tally.totals, row);
  addHistogram(tally.histogram, row.histogram);
  const item = `${row.questionId}|${row.providerId ?? ''}`;
  tally.answers.set(item, (tally.answers.get(item) ?? 0) + row.count);
  const invited = Math.max(0, row.count - row.kioskCount);
  tally.invited.set(item, (tally.invited.get(item) ?? 0) + invited);
  return tally;
}

export function mergeTally(into: Tally, more: Tally): Tally {
  addTotals(into.totals, more.totals);
  addHistogram(into.histogram, more.histogram);
  for (const [item, count] of more.answers) {
    into.answers.set(item, (into.answers.get(item) ?? 0) + count);
  }
  for (const [item, count] of more.invited) {
    into.invited.set(item, (into.invited.get(item) ?? 0) + count);
  }
  return into;
}

/**
 * The fewest people behind a tally: the most answers any one question (× provider) got. This is
 * the n a page shows beside a value, open-link answers included.
 */
export function peopleIn(tally: Tally): number {
  return most(tally.answers);
}

/** The fewest invited people behind a tally: what suppression sizes a group by. */
export function invitedIn(tally: Tally): number {
  return most(tally.invited);
}

function most(counts: ReadonlyMap<string, number>): number {
  let top = 0;
  for (const count of counts.values()) top = Math.max(top, count);
  return top;
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
