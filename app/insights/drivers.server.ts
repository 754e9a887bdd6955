import type { StaffUser } from '../utils/permissions.server';
import { driverOf, driverTable } from './cycle-tables.server';
import { type InsightContext, resolveInsights } from './filters.server';
import { markersOf, readDoneActions, visibleAction } from './markers.server';
import { byName, heatmapOf } from './matrix.server';
import { readRollups, respondentsIn, rowsByCycle } from './rollup-reads.server';
import { actionAccessOf, answeringVisible, figuresPerCycle, trendOf } from './series.server';
import { cellKey } from './suppression';
import type { DriversView } from './types';
import { empty, type TableReadings } from './withholding';

/**
 * Departments × drivers of each given cycle, one suppressed table per cycle. A department whose
 * score or respondents that cycle are withheld has its whole row withheld, since its drivers
 * would otherwise add up to the score the overview withholds.
 */
export async function driverTables(
  context: InsightContext,
  cycleIds: readonly string[],
): Promise<Map<string, TableReadings>> {
  const drivers = driverOf(context.questions);
  const scoreIds = context.questions
    .filter((question) => question.type === 'scale' && !question.internalService)
    .map((question) => question.id);
  const internalIds = context.questions
    .filter((question) => question.internalService && drivers.has(question.id))
    .map((question) => question.id);
  const scoped = {
    ...context,
    cycles: context.cycles.filter((cycle) => cycleIds.includes(cycle.id)),
  };
  const [own, rated] = await Promise.all([
    readRollups(context, cycleIds, 'none', {
      questionIds: [...new Set([...scoreIds, ...drivers.keys()])],
      histogram: false,
    }),
    internalIds.length > 0
      ? readRollups(context, cycleIds, 'only', { questionIds: internalIds, histogram: false })
      : [],
  ]);
  const figures = figuresPerCycle(scoped, own);
  const ownByCycle = rowsByCycle(own);
  const ratedByCycle = rowsByCycle(rated);
  const visible = answeringVisible(context);
  const tables = new Map<string, TableReadings>();
  scoped.cycles.forEach((cycle, index) => {
    const rows = [...(ownByCycle.get(cycle.id) ?? []), ...(ratedByCycle.get(cycle.id) ?? [])];
    tables.set(
      cycle.id,
      driverTable(
        rows,
        drivers,
        respondentsIn(rows),
        context.threshold,
        visible,
        figures[index]?.scoreWithheld ?? new Set(),
      ),
    );
  });
  return tables;
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
    throw new Response('This survey has no such driver', { status: 400 });
  }
  const cycleIds = driver ? context.cycles.map((cycle) => cycle.id) : latest ? [latest.id] : [];
  const [tables, doneActions] = await Promise.all([
    driverTables(context, cycleIds),
    driver ? readDoneActions(context) : [],
  ]);
  const visible = visibleAction(context);
  const latestTable = latest ? tables.get(latest.id) : undefined;
  const rowIds = new Set<string>();
  for (const key of latestTable?.rowTotals.keys() ?? []) rowIds.add(key);
  const rows = byName(context, rowIds);
  const columns = [...known].sort().map((name) => ({ id: name, name }));
  const trendRows = byName(
    context,
    [...tables.values()].flatMap((table) => [...table.rowTotals.keys()]),
  );
  return {
    filters: context.filters,
    cycles: context.cycles,
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
              label: 'All',
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
