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
  type ExtraFigures,
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
  const own = ownAnswers(rows, drivers);
  const audited = { cells: new Set<string>(), rows: new Set<string>(), columns: new Set<string>() };
  // Each pass withholds more figures, of which there are finitely many.
  for (;;) {
    const table = driverTable(rows, drivers, respondents, threshold, {
      rows: frame.withheld,
      hidden: (department, driver) =>
        audited.cells.has(cellKey(department, driver)) ||
        (serviceDrivers.has(driver) && isHidden(rated(department, driver))),
      rowTotals: audited.rows,
      columnTotals: audited.columns,
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
    if (ratings.withhold(more)) continue;
    // The table less the ratings gives a department's own answers on a driver: the two are
    // audited together, so no combination of both gives a small group away.
    const { extra, withhold } = driversAsExtra(
      table,
      own,
      serviceDrivers,
      frame.withheld,
      threshold,
    );
    const found = ratings.auditWith(extra);
    for (const index of found.extra) withhold[index]?.(audited);
    if (!found.grown && found.extra.length === 0) {
      return { ratings, matrix: matrixOf(ratings), drivers: table };
    }
  }
}

/** Answers to a department's own questions with a driver: one per department and question. */
function ownAnswers(rows: readonly RollupRow[], drivers: ReadonlyMap<string, string>) {
  const atoms: { department: string; driver: string; people: number }[] = [];
  for (const row of rows) {
    const driver = drivers.get(row.questionId);
    if (!driver || row.providerId !== null || row.count <= 0) continue;
    atoms.push({
      department: row.departmentId,
      driver,
      people: Math.max(0, row.count - row.kioskCount),
    });
  }
  return atoms;
}

type Withheld = { cells: Set<string>; rows: Set<string>; columns: Set<string> };

/**
 * The drivers table's shown figures as the cube's boxes and own answers they add up, and a
 * department's own answers on their own where its question splits show them.
 */
function driversAsExtra(
  table: TableReadings,
  own: ReturnType<typeof ownAnswers>,
  serviceDrivers: ReadonlySet<string>,
  withheldDepartments: ReadonlySet<string>,
  threshold: number,
): { extra: ExtraFigures; withhold: ((into: Withheld) => void)[] } {
  const known: ExtraFigures['known'][number][] = [];
  const withhold: ((into: Withheld) => void)[] = [];
  const ownWhere = (keep: (atom: (typeof own)[number]) => boolean) =>
    own.flatMap((atom, index) => (keep(atom) ? [index] : []));
  const add = (
    reading: Reading | undefined,
    box: string | null,
    atoms: number[],
    into: (withheld: Withheld) => void,
  ) => {
    if (reading?.state !== 'shown') return;
    withhold[known.length] = into;
    known.push({ boxes: box ? [box] : [], atoms, size: reading.n });
  };
  for (const [key, reading] of table.cells) {
    const [department = '', driver = ''] = key.split('\u0000');
    add(
      reading,
      serviceDrivers.has(driver) ? ratingsKey(department, every, driverMeasure(driver)) : null,
      ownWhere((atom) => atom.department === department && atom.driver === driver),
      (into) => into.cells.add(key),
    );
  }
  for (const [department, reading] of table.rowTotals) {
    add(
      reading,
      serviceDrivers.size > 0 ? ratingsKey(department, every, 'drivers') : null,
      ownWhere((atom) => atom.department === department),
      (into) => into.rows.add(department),
    );
  }
  for (const [driver, reading] of table.columnTotals) {
    add(
      reading,
      serviceDrivers.has(driver) ? ratingsKey(every, every, driverMeasure(driver)) : null,
      ownWhere((atom) => atom.driver === driver),
      (into) => into.columns.add(driver),
    );
  }
  // A question split shows a department no breakdown withholds, and only groups of at least the
  // threshold.
  for (const [index, atom] of own.entries()) {
    if (withheldDepartments.has(atom.department) || atom.people < threshold) continue;
    known.push({ boxes: [], atoms: [index], size: atom.people });
  }
  return {
    extra: { atoms: own, known, withholdable: (index) => withhold[index] !== undefined },
    withhold,
  };
}
