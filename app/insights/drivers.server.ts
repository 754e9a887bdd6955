import { refuseAddress } from '../utils/form.server';
import type { StaffUser } from '../utils/permissions.server';
import { driverOf } from './cycle-tables.server';
import { type InsightContext, resolveInsights } from './filters.server';
import { markersOf, readDoneActions, visibleAction } from './markers.server';
import { byName, heatmapOf } from './matrix.server';
import {
  actionAccessOf,
  allLabel,
  answeringVisible,
  resultsOfView,
  trendOf,
} from './series.server';
import { cellKey } from './suppression';
import type { DriversView } from './types';
import { empty, type TableReadings } from './withholding';

/**
 * Departments × drivers of each given cycle over the whole organisation. A department whose score
 * or respondents that cycle are withheld has its whole row withheld, since its drivers would
 * otherwise add up to the score the overview withholds.
 */
async function driverTables(
  context: InsightContext,
  cycleIds: readonly string[],
): Promise<Map<string, TableReadings>> {
  const results = await resultsOfView(context, cycleIds);
  return new Map([...results].map(([id, cycle]) => [id, cycle.drivers()]));
}

/**
 * Departments × drivers of the latest cycle in range, and the trend of the URL's `driver`, marked
 * where an action on that driver the user may see was completed.
 */
export async function loadDrivers(user: StaffUser, params: URLSearchParams): Promise<DriversView> {
  const context = await resolveInsights(user, params);
  const latest = context.cycles.at(-1) ?? null;
  const known = new Set(driverOf(context.questions).values());
  const driver = params.get('driver');
  if (driver !== null && !known.has(driver)) {
    throw refuseAddress('This survey has no such driver');
  }
  const cycleIds = driver ? context.cycles.map((cycle) => cycle.id) : latest ? [latest.id] : [];
  const [tables, doneActions] = await Promise.all([
    driverTables(context, cycleIds),
    driver ? readDoneActions(context) : [],
  ]);
  const visible = visibleAction(context);
  const answering = answeringVisible(context);
  const latestTable = latest ? tables.get(latest.id) : undefined;
  const rows = byName(context, [...(latestTable?.rowTotals.keys() ?? [])].filter(answering));
  const columns = [...known].sort().map((name) => ({ id: name, name }));
  const trendRows = byName(
    context,
    [...tables.values()].flatMap((table) => [...table.rowTotals.keys()]).filter(answering),
  );
  return {
    filters: context.filters,
    surveys: context.surveys,
    cycles: context.cycles,
    pending: context.pending,
    threshold: context.threshold,
    latest,
    heatmap: heatmapOf(latestTable, rows, columns),
    driver,
    driverTrend: driver
      ? trendOf(
          context,
          [
            {
              key: 'all',
              label: allLabel,
              readings: context.cycles.map(
                (cycle) => tables.get(cycle.id)?.columnTotals.get(driver) ?? empty,
              ),
            },
            ...trendRows.map((row) => ({
              key: row.id,
              label: row.name,
              readings: context.cycles.map(
                (cycle) => tables.get(cycle.id)?.cells.get(cellKey(row.id, driver)) ?? empty,
              ),
            })),
          ],
          markersOf(doneActions, (action) => action.driver === driver && visible(action)),
        )
      : null,
    actions: actionAccessOf(context),
  };
}
