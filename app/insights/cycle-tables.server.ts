// The two-way tables of one cycle over the whole organisation: the internal-customer matrix
// (answering × rated department) and departments × drivers. Both go through `tableReadings`, so a
// row or column total never gives away a withheld cell; the pages that show one line of a table
// (a department's drivers, a provider's customers) read it from the same table, and every viewer
// sees cells and totals of that one table, so they withhold exactly the same cells.

import { questionTypeOf } from '../question-types/registry';
import type { QuestionInfo } from './filters.server';
import type { RollupRow, Tally } from './tally';
import { addRow, emptyTally } from './tally';
import { type TableForcing, type TableReadings, tableReadings } from './withholding';

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
      .filter(
        (question) => questionTypeOf(question.type).insights.drivers && question.internalService,
      )
      .map((question) => question.id),
  );

/**
 * The matrix of one cycle: rows are answering departments, columns the departments they rate,
 * every one of them; totals are over the whole row or column.
 */
export function matrixTable(
  rows: readonly RollupRow[],
  questionIds: ReadonlySet<string>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  forcing: TableForcing,
): TableReadings {
  const cells = new Map<string, Map<string, Tally>>();
  for (const rollup of rows) {
    if (!rollup.providerId || !questionIds.has(rollup.questionId)) continue;
    addCell(cells, rollup.departmentId, rollup.providerId, rollup);
  }
  return tableReadings(cells, respondents, threshold, 'score', forcing);
}

/** Scale questions with a driver, by id (internal-service ones count for their driver too). */
export const driverOf = (questions: readonly QuestionInfo[]) =>
  new Map(
    questions
      .filter((question) => questionTypeOf(question.type).insights.drivers && question.driver)
      .map((question) => [question.id, question.driver ?? '']),
  );

/** Departments × drivers of one cycle, every department. */
export function driverTable(
  rows: readonly RollupRow[],
  drivers: ReadonlyMap<string, string>,
  respondents: ReadonlyMap<string, number>,
  threshold: number,
  forcing: TableForcing,
): TableReadings {
  const cells = new Map<string, Map<string, Tally>>();
  for (const rollup of rows) {
    const driver = drivers.get(rollup.questionId);
    if (!driver) continue;
    addCell(cells, rollup.departmentId, driver, rollup);
  }
  return tableReadings(cells, respondents, threshold, 'score', forcing);
}
