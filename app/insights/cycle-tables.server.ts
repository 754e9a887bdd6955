// The two-way tables of one cycle: the internal-customer matrix (answering × rated department)
// and departments × drivers. Both go through `tableReadings`, so a row or column total never
// gives away a withheld cell; the pages that show one line of a table (a department's drivers,
// a provider's customers) read it from the same table, so they withhold exactly the same cells.

import type { QuestionInfo } from './filters.server';
import type { RollupRow, Tally } from './tally';
import { addRow, emptyTally } from './tally';
import { type TableReadings, tableReadings } from './withholding';

function addCell(
  cells: Map<string, Map<string, Tally>>,
  row: string,
  column: string,
  rollup: RollupRow,
): void {
  let line = cells.get(row);
  if (!line) cells.set(row, (line = new Map<string, Tally>()));
  let tally = line.get(column);
  if (!tally) line.set(column, (tally = emptyTally()));
  addRow(tally, rollup);
}

/** Scale internal-service questions: the matrix's cells are their mean. */
export const matrixQuestionIds = (questions: readonly QuestionInfo[]) =>
  new Set(
    questions
      .filter((question) => question.type === 'scale' && question.internalService)
      .map((question) => question.id),
  );

/**
 * The matrix of one cycle: rows are answering departments, columns the departments they rate.
 * `visible` says which cells the user may see (a leader: their answering departments' ratings
 * and every rating of a provider they lead); totals are over visible cells only.
 */
export function matrixTable(
  rows: readonly RollupRow[],
  questionIds: ReadonlySet<string>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  visible: (row: string, column: string) => boolean,
  forcedRows: ReadonlySet<string>,
): TableReadings {
  const cells = new Map<string, Map<string, Tally>>();
  for (const rollup of rows) {
    if (!rollup.providerId || !questionIds.has(rollup.questionId)) continue;
    if (!visible(rollup.departmentId, rollup.providerId)) continue;
    addCell(cells, rollup.departmentId, rollup.providerId, rollup);
  }
  return tableReadings(cells, respondents, threshold, 'score', forcedRows);
}

/** Scale questions with a driver, by id (internal-service ones count for their driver too). */
export const driverOf = (questions: readonly QuestionInfo[]) =>
  new Map(
    questions
      .filter((question) => question.type === 'scale' && question.driver)
      .map((question) => [question.id, question.driver ?? '']),
  );

/** Departments × drivers of one cycle, for the departments `visible` accepts. */
export function driverTable(
  rows: readonly RollupRow[],
  drivers: ReadonlyMap<string, string>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  visible: (departmentId: string) => boolean,
  forcedRows: ReadonlySet<string>,
): TableReadings {
  const cells = new Map<string, Map<string, Tally>>();
  for (const rollup of rows) {
    const driver = drivers.get(rollup.questionId);
    if (!driver || !visible(rollup.departmentId)) continue;
    addCell(cells, rollup.departmentId, driver, rollup);
  }
  return tableReadings(cells, respondents, threshold, 'score', forcedRows);
}
