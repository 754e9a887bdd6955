// Provider × customer department × driver of one cycle over the whole organisation: the cells the
// hotspot page ranks, and the figure an action raised from a hotspot follows. Decided once per
// cycle with the cycle's other figures (cycle-results.server.ts), so it is the same for every
// viewer and every page.
//
// Each cell is one line of three at once: across drivers it adds up to a cell of the
// internal-customer matrix (customer → provider), across providers to a cell of the departments ×
// drivers table (customer, driver), and across customers to the provider's figure on that driver.
// Every one of those sums is, or may become, a figure someone sees, so the cube is suppressed as
// three two-way tables — customer × (provider, driver), (customer, provider) × driver and
// (customer, driver) × provider — each with the cells the others withhold forced, until none
// withholds one more. Cells the cycle's other figures withhold (the matrix's rows and cells, the
// drivers table's cells) are withheld from the start, so no cell shows what those hide.

import { driverOf } from '../insights/cycle-tables.server';
import type { QuestionInfo } from '../insights/filters.server';
import { estimateOf, mean } from '../insights/statistics';
import { cellKey, suppressTable, type TableCell } from '../insights/suppression';
import {
  addRow,
  emptyTally,
  invitedIn,
  peopleIn,
  type RollupRow,
  type Tally,
} from '../insights/tally';
import { empty, type Reading, type TableReadings, withheld } from '../insights/withholding';

/** Key of a cell: customer department, provider department, driver. */
export const hotspotKey = (customer: string, provider: string, driver: string) =>
  `${customer}\u0000${provider}\u0000${driver}`;

export interface HotspotCell {
  customer: string;
  provider: string;
  driver: string;
  reading: Reading;
}

export interface HotspotTable {
  /** Every cell with answers, by `hotspotKey`: shown, withheld, or empty. */
  cells: Map<string, HotspotCell>;
}

/** What the cube's withholding starts from: the cycle's own decisions. */
export interface HotspotFrame {
  threshold: number;
  /** Invited respondents per answering department. */
  respondents: ReadonlyMap<string, number>;
  /** Answering departments whose ratings of services the cycle withholds (the matrix's rows). */
  serviceWithheld: ReadonlySet<string>;
  /** Answering × rated department. */
  matrix: TableReadings;
  /** Departments × drivers. */
  drivers: TableReadings;
}

interface Cube {
  customer: string;
  provider: string;
  driver: string;
  key: string;
  tally: Tally;
  /** Invited people behind the cell: what suppression sizes it by. */
  n: number;
  answered: boolean;
}

/** The three ways the cube is read as a two-way table: row and column of a cell. */
const flattenings: ((cell: Cube) => [string, string])[] = [
  (cell) => [cell.customer, `${cell.provider}\u0001${cell.driver}`],
  (cell) => [`${cell.customer}\u0001${cell.provider}`, cell.driver],
  (cell) => [`${cell.customer}\u0001${cell.driver}`, cell.provider],
];

/** The cube of one cycle from all its rows. */
export function hotspotTable(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  frame: HotspotFrame,
): HotspotTable {
  const { threshold } = frame;
  const serviceQuestions = new Set(
    questions.filter((question) => question.internalService).map((question) => question.id),
  );
  const drivers = driverOf(questions);
  const byKey = new Map<string, Cube>();
  for (const row of rows) {
    const driver = drivers.get(row.questionId);
    if (!row.providerId || !driver || !serviceQuestions.has(row.questionId)) continue;
    const key = hotspotKey(row.departmentId, row.providerId, driver);
    let cell = byKey.get(key);
    if (!cell) {
      cell = {
        customer: row.departmentId,
        provider: row.providerId,
        driver,
        key,
        tally: emptyTally(),
        n: 0,
        answered: false,
      };
      byKey.set(key, cell);
    }
    addRow(cell.tally, row);
  }
  const cells = [...byKey.values()];
  for (const cell of cells) {
    const respondents = frame.respondents.get(cell.customer);
    const invited = invitedIn(cell.tally);
    cell.n = respondents === undefined ? invited : Math.min(respondents, invited);
    cell.answered = peopleIn(cell.tally) > 0;
  }

  const isWithheld = (reading: Reading | undefined) => reading?.state === 'withheld';
  // Withheld elsewhere in the cycle: known to every reader as withheld, so forced here.
  const forced = new Set(
    cells
      .filter(
        (cell) =>
          cell.answered &&
          (frame.serviceWithheld.has(cell.customer) ||
            isWithheld(frame.matrix.cells.get(cellKey(cell.customer, cell.provider))) ||
            isWithheld(frame.drivers.cells.get(cellKey(cell.customer, cell.driver)))),
      )
      .map((cell) => cell.key),
  );
  const hidden = new Set(forced);
  for (const cell of cells) if (cell.answered && cell.n < threshold) hidden.add(cell.key);

  // Each pass can only withhold more, so this ends after at most as many passes as cells.
  for (let grown = true; grown;) {
    grown = false;
    for (const flatten of flattenings) {
      const back = new Map<string, string>();
      const input: TableCell[] = cells.map((cell) => {
        const [row, column] = flatten(cell);
        back.set(cellKey(row, column), cell.key);
        // A cell withheld by another reading counts as too small here: covering it can then
        // only withhold more, never less (as withholding.ts does with forced groups).
        const n = hidden.has(cell.key) && cell.n > 0 ? Math.min(cell.n, threshold - 1) : cell.n;
        return { row, column, n, answered: cell.answered, forced: forced.has(cell.key) };
      });
      for (const key of suppressTable(input, threshold).withheld) {
        const cube = back.get(key);
        if (cube && !hidden.has(cube)) {
          hidden.add(cube);
          grown = true;
        }
      }
    }
  }

  return {
    cells: new Map(
      cells.map((cell) => [
        cell.key,
        {
          customer: cell.customer,
          provider: cell.provider,
          driver: cell.driver,
          reading: readingOf(cell, hidden.has(cell.key)),
        },
      ]),
    ),
  };
}

function readingOf(cell: Cube, isHidden: boolean): Reading {
  const value = mean(cell.tally.totals);
  if (!cell.answered || value === null) return empty;
  if (isHidden) return withheld;
  return {
    state: 'shown',
    n: peopleIn(cell.tally),
    value,
    estimate: estimateOf(cell.tally.totals),
    unit: 1,
  };
}
