// Turns tallies into figures through suppression.ts, so no loader decides on its own which
// groups to show. A group's size is the smaller of its invited respondents (the '*' rollup less
// its open-link answers) and the fewest invited people its answers can be; groups withheld
// elsewhere in the same cycle (`forced`) are withheld here too, so two pages never show the two
// halves of one subtraction. Figures leave rounded as the pages show them.

import { roundFor } from './rounding';
import { changeBetween, type Estimate, estimateOf, mean, npsTotals } from './statistics';
import {
  cellKey,
  type Group,
  suppressBreakdown,
  suppressTable,
  type TableCell,
} from './suppression';
import { auditTable } from './table-audit';
import { emptyTally, invitedIn, mergeTally, peopleIn, type Tally } from './tally';
import type { Change, Count, Figure } from './types';

/** Mean score (1–5) of scale answers, or eNPS (−100…100) of NPS answers. */
export type Measure = 'score' | 'enps';

/** A figure before its change is known. */
export type Reading =
  | { state: 'shown'; n: number; value: number; estimate: Estimate | null; unit: number }
  | { state: 'withheld' }
  | { state: 'empty' };

export const withheld: Reading = { state: 'withheld' };
export const empty: Reading = { state: 'empty' };

/**
 * The group size suppression works with: invited people only. Respondents are the invited
 * respondents of the '*' rollup; where there is none (undefined), the answers alone decide.
 */
function groupSize(tally: Tally | undefined, respondents: number | undefined): number {
  const people = tally ? invitedIn(tally) : 0;
  return respondents === undefined ? people : Math.min(respondents, people);
}

const answered = (tally: Tally | undefined) => !!tally && peopleIn(tally) > 0;

function shownReading(tally: Tally, measure: Measure): Reading {
  const totals = measure === 'enps' ? npsTotals(tally.histogram) : tally.totals;
  const value = mean(totals);
  if (value === null) return empty;
  // eNPS answers count +1/0/−1: the figure and its change are shown ×100.
  const unit = measure === 'enps' ? 100 : 1;
  return {
    state: 'shown',
    n: peopleIn(tally),
    value: value * unit,
    estimate: estimateOf(totals),
    unit,
  };
}

/**
 * A reading as charts see it, with the change since `previous` where both are shown: rounded as
 * the page shows it (scores to 2 decimals, eNPS to 1), so no loader sends a mean that gives back
 * the sums behind it.
 */
export function figureOf(reading: Reading, previous?: Reading): Figure {
  if (reading.state !== 'shown') return reading;
  const change =
    previous?.state === 'shown'
      ? changeBetween(reading.estimate, previous.estimate, reading.unit)
      : null;
  const measure = reading.unit === 100 ? 'enps' : 'score';
  return {
    state: 'shown',
    n: reading.n,
    value: roundFor(measure, reading.value),
    change: change && roundedChange(change, measure),
  };
}

export function roundedChange(change: Change, measure: 'score' | 'enps'): Change {
  return {
    delta: roundFor(measure, change.delta),
    low: roundFor(measure, change.low),
    high: roundFor(measure, change.high),
    significant: change.significant,
  };
}

/** A tally's reading: empty without answers, else shown or withheld. */
export function tallyReading(tally: Tally | undefined, measure: Measure, shown: boolean): Reading {
  if (!tally || peopleIn(tally) === 0) return empty;
  return shown ? shownReading(tally, measure) : withheld;
}

/**
 * A forced group is passed to suppression as smaller than the threshold: it is withheld, and the
 * complement then counts it as at most threshold − 1 people, which can only withhold more.
 */
function sizeFor(n: number, isForced: boolean, threshold: number): number {
  return isForced && n > 0 ? Math.min(n, threshold - 1) : n;
}

export interface BreakdownReadings {
  parts: Map<string, Reading>;
  total: Reading;
  /** Parts withheld (with answers), to force elsewhere in the same cycle. */
  withheldKeys: Set<string>;
}

export interface BreakdownDecision {
  /** Parts withheld (with answers), to force elsewhere in the same cycle. */
  withheldKeys: Set<string>;
  totalShown: boolean;
  total: Tally;
}

/** Which parts of a breakdown, and whether its total, may be shown. */
export function breakdownDecision(
  parts: ReadonlyMap<string, Tally>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  forced: ReadonlySet<string> = new Set(),
): BreakdownDecision {
  const groups: Group[] = [];
  const total = emptyTally();
  let totalRespondents = 0;
  for (const [key, tally] of parts) {
    const n = groupSize(tally, respondents.get(key));
    groups.push({ key, n: sizeFor(n, forced.has(key), threshold), answered: answered(tally) });
    mergeTally(total, tally);
    totalRespondents += respondents.get(key) ?? invitedIn(tally);
  }
  const decision = suppressBreakdown(groups, threshold);
  return {
    withheldKeys: decision.withheld,
    totalShown:
      decision.totalShown && (!answered(total) || groupSize(total, totalRespondents) >= threshold),
    total,
  };
}

/** One breakdown whose total is shown: e.g. the departments of one cycle. */
export function breakdownReadings(
  parts: ReadonlyMap<string, Tally>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  measure: Measure,
  forced: ReadonlySet<string> = new Set(),
): BreakdownReadings {
  const decision = breakdownDecision(parts, respondents, threshold, forced);
  const readings = new Map<string, Reading>();
  for (const [key, tally] of parts) {
    readings.set(key, tallyReading(tally, measure, !decision.withheldKeys.has(key)));
  }
  return {
    parts: readings,
    total: tallyReading(decision.total, measure, decision.totalShown),
    withheldKeys: decision.withheldKeys,
  };
}

export interface TableReadings {
  cells: Map<string, Reading>;
  rowTotals: Map<string, Reading>;
  columnTotals: Map<string, Reading>;
}

/** Cells withheld elsewhere in the same cycle, which a table must withhold too. */
export interface TableForcing {
  /** Rows withheld whole, their totals included. */
  rows?: ReadonlySet<string>;
  /** Single cells withheld; their row's total is withheld with them. */
  cell?: (row: string, column: string) => boolean;
  /**
   * Cells another decision withholds with their cover already in place (the service ratings):
   * counted here as groups below the threshold, so this table covers them in its own lines too.
   */
  hidden?: (row: string, column: string) => boolean;
  /** Row and column totals withheld on top, by an audit of this table with another. */
  rowTotals?: ReadonlySet<string>;
  columnTotals?: ReadonlySet<string>;
}

/** A two-way table with row and column totals: the matrix, or departments × drivers. */
export function tableReadings(
  cells: ReadonlyMap<string, ReadonlyMap<string, Tally>>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  measure: Measure,
  forcing: TableForcing = {},
): TableReadings {
  const isForced = (row: string, column: string) =>
    !!forcing.rows?.has(row) || !!forcing.cell?.(row, column);
  const forcedRows = new Set<string>();
  const input: TableCell[] = [];
  const rowTallies = new Map<string, Tally>();
  const columnTallies = new Map<string, Tally>();
  const columnRespondents = new Map<string, number>();
  for (const [row, line] of cells) {
    const rowRespondents = respondents.get(row);
    for (const [column, tally] of line) {
      const n = groupSize(tally, rowRespondents);
      const forced = isForced(row, column);
      if (forced) forcedRows.add(row);
      input.push({
        row,
        column,
        n: sizeFor(n, forced || !!forcing.hidden?.(row, column), threshold),
        answered: answered(tally),
        forced,
      });
      mergeTally(getOrAdd(rowTallies, row), tally);
      mergeTally(getOrAdd(columnTallies, column), tally);
      columnRespondents.set(
        column,
        (columnRespondents.get(column) ?? 0) + (rowRespondents ?? invitedIn(tally)),
      );
    }
  }
  // The line rules, then the audit of what several lines give away together, until it finds
  // nothing: what it finds is withheld and the lines are covered again.
  const more = { cells: new Set<string>(), rows: new Set<string>(), columns: new Set<string>() };
  for (;;) {
    const decision = suppressTable(
      input.map((cell) =>
        more.cells.has(cellKey(cell.row, cell.column))
          ? { ...cell, n: sizeFor(cell.n, true, threshold) }
          : cell,
      ),
      threshold,
    );
    const rowShown = (row: string) =>
      !forcedRows.has(row) &&
      !more.rows.has(row) &&
      !forcing.rowTotals?.has(row) &&
      !decision.withheldRowTotals.has(row) &&
      groupSize(rowTallies.get(row), respondents.get(row)) >= threshold;
    const columnShown = (column: string) =>
      !more.columns.has(column) &&
      !forcing.columnTotals?.has(column) &&
      !decision.withheldColumnTotals.has(column) &&
      groupSize(columnTallies.get(column), columnRespondents.get(column)) >= threshold;
    const found = auditTable(
      {
        cells: input
          .filter((cell) => cell.answered)
          .map((cell) => ({
            row: cell.row,
            column: cell.column,
            n: cell.n,
            shown: !decision.withheld.has(cellKey(cell.row, cell.column)),
          })),
        rowShown: (row) => rowShown(row) && answered(rowTallies.get(row)),
        columnShown: (column) => columnShown(column) && answered(columnTallies.get(column)),
        rowSize: (row) => groupSize(rowTallies.get(row), respondents.get(row)),
        columnSize: (column) => groupSize(columnTallies.get(column), columnRespondents.get(column)),
      },
      threshold,
    );
    if (found.cells.length + found.rows.length + found.columns.length > 0) {
      for (const cell of found.cells) more.cells.add(cellKey(cell.row, cell.column));
      for (const row of found.rows) more.rows.add(row);
      for (const column of found.columns) more.columns.add(column);
      continue;
    }
    const cellReadings = new Map<string, Reading>();
    for (const [row, line] of cells) {
      for (const [column, tally] of line) {
        const key = cellKey(row, column);
        cellReadings.set(key, tallyReading(tally, measure, !decision.withheld.has(key)));
      }
    }
    const rowTotals = new Map<string, Reading>();
    for (const [row, tally] of rowTallies)
      rowTotals.set(row, tallyReading(tally, measure, rowShown(row)));
    const columnTotals = new Map<string, Reading>();
    for (const [column, tally] of columnTallies) {
      columnTotals.set(column, tallyReading(tally, measure, columnShown(column)));
    }
    return { cells: cellReadings, rowTotals, columnTotals };
  }
}

function getOrAdd(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

/**
 * A head count of invited respondents as it may be shown: withheld where the respondents'
 * breakdown withholds it. Counts of a cycle still open (`stepped`) move only in whole steps of
 * the threshold, floored, so two views a few responses apart are the same and a count never
 * moves by one person.
 */
export function answeredCount(
  count: number,
  shown: boolean,
  threshold: number,
  stepped = false,
): Count {
  if (!shown) return { state: 'withheld' };
  if (!stepped) return { state: 'shown', value: count };
  const value = Math.floor(count / threshold) * threshold;
  return count > 0 && value === 0 ? { state: 'withheld' } : { state: 'shown', value };
}
