// The two-way tables of one cycle over the whole organisation: the internal-customer matrix
// (answering × rated department) and departments × drivers. The matrix is read from the service
// ratings (service-ratings.ts), decided with every other figure about services; the drivers table
// goes through `tableReadings`, with the service ratings' withheld figures withheld in it too and
// each figure about services it withholds on top handed back to the ratings, until the two
// agree. Pages that show one line of a table (a department's drivers, a provider's customers)
// read it from the same table, and every viewer sees cells and totals of that one table.

import { questionTypeOf } from '../question-types/registry';
import type { QuestionInfo } from './filters.server';
import {
  driverMeasure,
  every,
  ratingsKey,
  type ServiceRatings,
  serviceRatings,
} from './service-ratings';
import { cellKey } from './suppression';
import type { RollupRow, Tally } from './tally';
import { addRow, emptyTally } from './tally';
import {
  type Reading,
  type TableForcing,
  type TableReadings,
  tableReadings,
  withheld,
} from './withholding';

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

/** The matrix of one cycle: every customer → service with ratings, and their line totals. */
export function matrixOf(ratings: ServiceRatings): TableReadings {
  const table: TableReadings = { cells: new Map(), rowTotals: new Map(), columnTotals: new Map() };
  for (const customer of ratings.customers) {
    for (const provider of ratings.providers) {
      const reading = ratings.reading(customer, provider, 'all');
      if (reading.state !== 'empty') table.cells.set(cellKey(customer, provider), reading);
    }
    const total = ratings.reading(customer, every, 'all');
    if (total.state !== 'empty') table.rowTotals.set(customer, total);
  }
  for (const provider of ratings.providers) {
    const total = ratings.reading(every, provider, 'all');
    if (total.state !== 'empty') table.columnTotals.set(provider, total);
  }
  return table;
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

export interface ServiceTables {
  ratings: ServiceRatings;
  /** Answering × rated department. */
  matrix: TableReadings;
  /** Departments × drivers. */
  drivers: TableReadings;
}

/**
 * The service ratings, the matrix and the drivers table of one cycle, decided together:
 * `withheld` are the departments the cycle's department breakdowns withhold.
 */
export function serviceTables(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  frame: { threshold: number; respondents: ReadonlyMap<string, number>; withheld: Set<string> },
): ServiceTables {
  const { threshold, respondents } = frame;
  const drivers = driverOf(questions);
  const serviceDrivers = new Set(
    questions
      .filter((question) => question.internalService && drivers.has(question.id))
      .map((question) => question.driver ?? ''),
  );
  const ratings = serviceRatings(rows, questions, frame);
  const isHidden = (reading: Reading | undefined) => reading?.state === 'withheld';
  const rated = (department: string, driver: string) =>
    ratings.reading(department, every, driverMeasure(driver));
  // Each pass withholds more figures about services, of which there are finitely many.
  for (;;) {
    const table = driverTable(rows, drivers, respondents, threshold, {
      rows: frame.withheld,
      hidden: (department, driver) =>
        serviceDrivers.has(driver) && isHidden(rated(department, driver)),
    });
    const more: string[] = [];
    const handBack = (reading: Reading | undefined, ratingsReading: Reading, key: string) => {
      if (isHidden(reading) && ratingsReading.state === 'shown') more.push(key);
    };
    for (const driver of serviceDrivers) {
      const measure = driverMeasure(driver);
      for (const department of ratings.customers) {
        handBack(
          table.cells.get(cellKey(department, driver)),
          rated(department, driver),
          ratingsKey(department, every, measure),
        );
      }
      handBack(
        table.columnTotals.get(driver),
        rated(every, driver),
        ratingsKey(every, every, measure),
      );
      // Where the ratings withhold a service part, its total is withheld with it.
      if (isHidden(rated(every, driver)) && table.columnTotals.get(driver)?.state === 'shown') {
        table.columnTotals.set(driver, withheld);
      }
    }
    for (const department of ratings.customers) {
      const part = ratings.reading(department, every, 'drivers');
      handBack(table.rowTotals.get(department), part, ratingsKey(department, every, 'drivers'));
      if (isHidden(part) && table.rowTotals.get(department)?.state === 'shown') {
        table.rowTotals.set(department, withheld);
      }
    }
    if (!ratings.withhold(more)) return { ratings, matrix: matrixOf(ratings), drivers: table };
  }
}
