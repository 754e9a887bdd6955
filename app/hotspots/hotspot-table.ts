// Provider × customer department × driver of one cycle over the whole organisation: the cells the
// hotspot page ranks, and the figure an action raised from a hotspot follows. Each cell is a box
// of the cycle's service ratings (insights/service-ratings.ts), decided there with every other
// sum of those ratings — the matrix's cells, the drivers table's, a charter's — so it is the same
// for every viewer and every page, and no cell shows what another figure's difference hides.

import { driverOf } from '../insights/cycle-tables.server';
import type { QuestionInfo } from '../insights/filters.server';
import { driverMeasure, type ServiceRatings } from '../insights/service-ratings';
import type { RollupRow } from '../insights/tally';
import type { Reading } from '../insights/withholding';

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

/** The cube of one cycle: every customer → provider pair rated on a driver. */
export function hotspotTable(
  rows: readonly RollupRow[],
  questions: readonly QuestionInfo[],
  ratings: ServiceRatings,
): HotspotTable {
  const serviceQuestions = new Set(
    questions.filter((question) => question.internalService).map((question) => question.id),
  );
  const drivers = driverOf(questions);
  const cells = new Map<string, HotspotCell>();
  for (const row of rows) {
    const driver = drivers.get(row.questionId);
    if (!row.providerId || !driver || !serviceQuestions.has(row.questionId)) continue;
    const key = hotspotKey(row.departmentId, row.providerId, driver);
    if (cells.has(key)) continue;
    cells.set(key, {
      customer: row.departmentId,
      provider: row.providerId,
      driver,
      reading: ratings.reading(row.departmentId, row.providerId, driverMeasure(driver)),
    });
  }
  return { cells };
}
