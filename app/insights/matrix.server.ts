import { isValidObjectId } from 'mongoose';

import { refuseAddress } from '../utils/form.server';
import { forbidden, type StaffUser } from '../utils/permissions.server';
import { departmentRef, type InsightContext, resolveInsights } from './filters.server';
import { markersOf, readDoneActions } from './markers.server';
import { actionAccessOf, resultsOfView, trendOf } from './series.server';
import { matrixQuestionIds } from './service-ratings';
import { cellKey } from './suppression';
import type { DepartmentRef, HeatFigure, Heatmap, MatrixView } from './types';
import { empty, figureOf, type Reading, type TableReadings } from './withholding';

/** The cells a user may see: their answering departments' ratings, and any rating of theirs. */
function matrixVisible(context: Pick<InsightContext, 'scope'>) {
  const { scope } = context;
  return (row: string, column: string) => !scope || scope.has(row) || scope.has(column);
}

/** Whether the user may see a line's total: HR admins every one, leaders their own lines. */
export function lineVisible(context: Pick<InsightContext, 'scope'>) {
  const { scope } = context;
  return (id: string) => !scope || scope.has(id);
}

/** The internal-customer matrix of each given cycle over the whole organisation. */
async function matrixTables(
  context: InsightContext,
  cycleIds: readonly string[],
): Promise<Map<string, TableReadings>> {
  const results = await resultsOfView(context, cycleIds);
  return new Map([...results].map(([id, cycle]) => [id, cycle.matrix()]));
}

export function byName(context: InsightContext, ids: Iterable<string>): DepartmentRef[] {
  return [...new Set(ids)]
    .map((id) => departmentRef(context, id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Which cells and totals of a table the viewer sees; everything when not said. */
export interface HeatmapScope {
  cell?: (row: string, column: string) => boolean;
  rowTotal?: (row: string) => boolean;
  columnTotal?: (column: string) => boolean;
}

/**
 * A table's readings as a heatmap with its totals: the organisation's figures, of which the
 * viewer's scope picks the ones shown (null elsewhere).
 */
export function heatmapOf(
  table: TableReadings | undefined,
  rows: DepartmentRef[],
  columns: { id: string; name: string }[],
  scope: HeatmapScope = {},
): Heatmap {
  const pick = (allowed: boolean, reading: Reading | undefined): HeatFigure =>
    allowed ? figureOf(reading ?? empty) : null;
  return {
    rows,
    columns,
    cells: rows.map((row) =>
      columns.map((column) =>
        pick(scope.cell?.(row.id, column.id) ?? true, table?.cells.get(cellKey(row.id, column.id))),
      ),
    ),
    columnTotals: columns.map((column) =>
      pick(scope.columnTotal?.(column.id) ?? true, table?.columnTotals.get(column.id)),
    ),
    rowTotals: rows.map((row) =>
      pick(scope.rowTotal?.(row.id) ?? true, table?.rowTotals.get(row.id)),
    ),
  };
}

/**
 * The internal-customer matrix of the latest cycle in range (of the latest survey that has one,
 * when the address names none), and, when the URL names a cell
 * (`row` = answering department, `column` = rated department), that cell's trend, marked where
 * an action on the rated department (from that customer, or from all of them) was completed.
 */
export async function loadMatrix(user: StaffUser, params: URLSearchParams): Promise<MatrixView> {
  // Without a survey in the address, the matrix opens on the latest one that has a matrix.
  const context = await resolveInsights(user, params, { needs: 'matrix' });
  const latest = context.cycles.at(-1) ?? null;
  const chosen = chosenCell(context, params.get('row'), params.get('column'));
  const cycleIds = chosen ? context.cycles.map((cycle) => cycle.id) : latest ? [latest.id] : [];
  const [tables, doneActions] = await Promise.all([
    matrixTables(context, cycleIds),
    chosen ? readDoneActions(context) : [],
  ]);
  const latestTable = latest ? tables.get(latest.id) : undefined;
  const visible = matrixVisible(context);
  const ownLine = lineVisible(context);
  const rowIds = new Set<string>();
  const columnIds = new Set<string>();
  for (const key of latestTable?.cells.keys() ?? []) {
    const [rowId, columnId] = key.split('\u0000');
    if (rowId && columnId && visible(rowId, columnId)) {
      rowIds.add(rowId);
      columnIds.add(columnId);
    }
  }
  return {
    filters: context.filters,
    surveys: context.surveys,
    cycles: context.cycles,
    pending: context.pending,
    threshold: context.threshold,
    latest,
    hasMatrix: matrixQuestionIds(context.questions).size > 0,
    heatmap: heatmapOf(latestTable, byName(context, rowIds), byName(context, columnIds), {
      cell: visible,
      rowTotal: ownLine,
      columnTotal: ownLine,
    }),
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
            // The rated department over all its internal customers: a total line, shown to
            // those whose scope holds that department.
            ...(ownLine(chosen.column)
              ? [
                  {
                    key: 'column',
                    label: departmentRef(context, chosen.column).name,
                    readings: context.cycles.map(
                      (cycle) => tables.get(cycle.id)?.columnTotals.get(chosen.column) ?? empty,
                    ),
                  },
                ]
              : []),
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
    throw refuseAddress('A cell needs a "row" and a "column" department');
  }
  if (!matrixVisible(context)(row, column)) throw forbidden();
  return { row, column };
}
