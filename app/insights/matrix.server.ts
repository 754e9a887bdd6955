import { isValidObjectId } from 'mongoose';

import type { StaffUser } from '../utils/permissions.server';
import { cycleFigures } from './cycle-figures.server';
import { matrixQuestionIds, matrixTable } from './cycle-tables.server';
import { departmentRef, type InsightContext, resolveInsights } from './filters.server';
import { markersOf, readDoneActions } from './markers.server';
import { readRollups, respondentsIn, rowsByCycle } from './rollup-reads.server';
import { actionAccessOf, answeringVisible, trendOf } from './series.server';
import { cellKey } from './suppression';
import type { DepartmentRef, Heatmap, MatrixView } from './types';
import { empty, figureOf, type TableReadings } from './withholding';

const noQuestions = { score: new Set<string>(), enps: new Set<string>() };

/** The cells a user may see: their answering departments' ratings, and any rating of theirs. */
export function matrixVisible(context: InsightContext) {
  const { scope } = context;
  return (row: string, column: string) => !scope || scope.has(row) || scope.has(column);
}

/**
 * The internal-customer matrix of each given cycle, suppressed as one table per cycle. Rows whose
 * respondents are withheld in the user's breakdown of that cycle are withheld whole.
 */
export async function matrixTables(
  context: InsightContext,
  cycleIds: readonly string[],
): Promise<Map<string, TableReadings>> {
  const questionIds = [...matrixQuestionIds(context.questions)];
  const [ratings, respondentRows] = await Promise.all([
    readRollups(context, cycleIds, 'only', { questionIds, histogram: false }),
    readRollups(context, cycleIds, 'none', { questionIds: [], histogram: false }),
  ]);
  const ratingsByCycle = rowsByCycle(ratings);
  const respondentsByCycle = rowsByCycle(respondentRows);
  const visible = answeringVisible(context);
  const tables = new Map<string, TableReadings>();
  for (const cycleId of cycleIds) {
    const respondentRowsOfCycle = respondentsByCycle.get(cycleId) ?? [];
    const forced = cycleFigures(
      respondentRowsOfCycle,
      noQuestions,
      context.threshold,
      visible,
    ).respondentsWithheld;
    tables.set(
      cycleId,
      matrixTable(
        ratingsByCycle.get(cycleId) ?? [],
        new Set(questionIds),
        respondentsIn(respondentRowsOfCycle),
        context.threshold,
        matrixVisible(context),
        forced,
      ),
    );
  }
  return tables;
}

export function byName(context: InsightContext, ids: Iterable<string>): DepartmentRef[] {
  return [...new Set(ids)]
    .map((id) => departmentRef(context, id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** A table's readings as a heatmap with its totals. */
export function heatmapOf(
  table: TableReadings | undefined,
  rows: DepartmentRef[],
  columns: { id: string; name: string }[],
): Heatmap {
  return {
    rows,
    columns,
    cells: rows.map((row) =>
      columns.map((column) => figureOf(table?.cells.get(cellKey(row.id, column.id)) ?? empty)),
    ),
    columnTotals: columns.map((column) => figureOf(table?.columnTotals.get(column.id) ?? empty)),
    rowTotals: rows.map((row) => figureOf(table?.rowTotals.get(row.id) ?? empty)),
  };
}

/**
 * The internal-customer matrix of the latest cycle in range, and, when the URL names a cell
 * (`row` = answering department, `column` = rated department), that cell's trend, marked where
 * an action on the rated department (from that customer, or from all of them) was completed.
 */
export async function loadMatrix(user: StaffUser, params: URLSearchParams): Promise<MatrixView> {
  const context = await resolveInsights(user, params);
  const latest = context.cycles.at(-1) ?? null;
  const chosen = chosenCell(context, params.get('row'), params.get('column'));
  const cycleIds = chosen ? context.cycles.map((cycle) => cycle.id) : latest ? [latest.id] : [];
  const [tables, doneActions] = await Promise.all([
    matrixTables(context, cycleIds),
    chosen ? readDoneActions(context) : [],
  ]);
  const latestTable = latest ? tables.get(latest.id) : undefined;
  const rowIds = new Set<string>();
  const columnIds = new Set<string>();
  for (const key of latestTable?.cells.keys() ?? []) {
    const [rowId, columnId] = key.split('\u0000');
    if (rowId && columnId) {
      rowIds.add(rowId);
      columnIds.add(columnId);
    }
  }
  return {
    filters: context.filters,
    cycles: context.cycles,
    threshold: context.threshold,
    latest,
    heatmap: heatmapOf(latestTable, byName(context, rowIds), byName(context, columnIds)),
    cell: chosen
      ? { row: departmentRef(context, chosen.row), column: departmentRef(context, chosen.column) }
      : null,
    cellTrend: chosen
      ? trendOf(
          context,
          [
            {
              key: 'cell',
              label: `${departmentRef(context, chosen.row).name} → ${departmentRef(context, chosen.column).name}`,
              readings: context.cycles.map(
                (cycle) =>
                  tables.get(cycle.id)?.cells.get(cellKey(chosen.row, chosen.column)) ?? empty,
              ),
            },
            {
              key: 'column',
              label: departmentRef(context, chosen.column).name,
              readings: context.cycles.map(
                (cycle) => tables.get(cycle.id)?.columnTotals.get(chosen.column) ?? empty,
              ),
            },
          ],
          markersOf(
            doneActions,
            (action) =>
              action.providerDepartmentId === chosen.column &&
              (action.departmentId === null || action.departmentId === chosen.row),
          ),
        )
      : null,
    actions: actionAccessOf(context),
  };
}

/** The cell named by the URL: 400 when malformed, 403 when the user may not see it. */
function chosenCell(context: InsightContext, row: string | null, column: string | null) {
  if (!row && !column) return null;
  if (!row || !column || !isValidObjectId(row) || !isValidObjectId(column)) {
    throw new Response('A cell needs a "row" and a "column" department', { status: 400 });
  }
  if (!matrixVisible(context)(row, column)) throw new Response('Forbidden', { status: 403 });
  return { row, column };
}
