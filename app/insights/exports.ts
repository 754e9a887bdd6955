import {
  type Table,
  tableOfDepartmentBars,
  tableOfHeatmap,
  tableOfParticipation,
  tableOfQuestionSplits,
  tableOfScore,
  tableOfTrend,
} from './tables';
import type {
  DepartmentBar,
  DepartmentView,
  DriversView,
  InsightFilters,
  MatrixView,
  OverviewView,
} from './types';

// Every chart's CSV, by page and chart name. Each entry builds its table with the same function and
// options as the chart's own table view, so the file and the page show the same numbers.

/** A department's drivers drawn as bars, one per driver. */
export const driverBars = (view: DepartmentView): DepartmentBar[] =>
  view.answering.drivers.map(({ driver, figure }) => ({
    department: { id: driver, name: driver },
    figure,
  }));

export const overviewExports = {
  score: (view: OverviewView) =>
    view.services
      ? tableOfDepartmentBars(view.services.providers, 'score', 'insights:table.ratedDepartment')
      : tableOfScore(view.score, view.enps),
  byDepartment: (view: OverviewView) => tableOfDepartmentBars(view.byDepartment),
  trend: (view: OverviewView) => tableOfTrend(view.trend),
  enpsTrend: (view: OverviewView) => (view.enpsTrend ? tableOfTrend(view.enpsTrend, 'enps') : null),
  questions: (view: OverviewView) => tableOfQuestionSplits(view.questions),
  participation: (view: OverviewView) => tableOfParticipation(view.participation),
} satisfies Record<string, (view: OverviewView) => Table | null>;

export const matrixExports = {
  matrix: (view: MatrixView) =>
    tableOfHeatmap(view.heatmap, { rowHeading: 'insights:table.answeringDepartment' }),
  cellTrend: (view: MatrixView) => (view.cellTrend ? tableOfTrend(view.cellTrend) : null),
} satisfies Record<string, (view: MatrixView) => Table | null>;

export const driversExports = {
  drivers: (view: DriversView) => tableOfHeatmap(view.heatmap),
  driverTrend: (view: DriversView) => (view.driverTrend ? tableOfTrend(view.driverTrend) : null),
} satisfies Record<string, (view: DriversView) => Table | null>;

export const departmentExports = {
  score: (view: DepartmentView) => tableOfScore(view.answering.score, view.answering.enps),
  trend: (view: DepartmentView) => tableOfTrend(view.answering.trend),
  questions: (view: DepartmentView) => tableOfQuestionSplits(view.answering.questions),
  drivers: (view: DepartmentView) =>
    tableOfDepartmentBars(driverBars(view), 'score', 'insights:table.driver'),
  participation: (view: DepartmentView) => tableOfParticipation(view.answering.participation),
  ratedByCustomer: (view: DepartmentView) =>
    view.rated
      ? tableOfDepartmentBars(view.rated.byCustomer, 'score', 'insights:table.internalCustomer')
      : null,
  ratedTrend: (view: DepartmentView) => (view.rated ? tableOfTrend(view.rated.trend) : null),
} satisfies Record<string, (view: DepartmentView) => Table | null>;

export type InsightPage = 'overview' | 'matrix' | 'drivers' | 'department';

/**
 * The address of one chart's CSV, carrying the page's filters (and its extra choices, such as the
 * chosen matrix cell), so the file holds exactly what the page shows.
 */
export function csvHref(
  page: InsightPage,
  chart: string,
  filters: InsightFilters,
  extra: Record<string, string | null | undefined> = {},
): string {
  const params = new URLSearchParams({ page, chart });
  if (filters.surveyId) params.set('survey', filters.surveyId);
  params.set('from', String(filters.fromCycle));
  params.set('to', String(filters.toCycle));
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  return `/insights/export.csv?${params}`;
}

/** The filters as a query string, for links between insight pages. */
export function filterSearch(filters: InsightFilters): string {
  const params = new URLSearchParams();
  if (filters.surveyId) params.set('survey', filters.surveyId);
  params.set('from', String(filters.fromCycle));
  params.set('to', String(filters.toCycle));
  return `?${params}`;
}
