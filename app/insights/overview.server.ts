import type { QuestionType } from '../../models/vocabulary';
import { measureOf } from '../question-types/registry';
import type { StaffUser } from '../utils/permissions.server';
import { questionSets } from './cycle-figures.server';
import type { CycleResults } from './cycle-results.server';
import { departmentRef, type InsightContext, resolveInsights } from './filters.server';
import { markersOf, readDoneActions, visibleAction } from './markers.server';
import { byName, lineVisible } from './matrix.server';
import { readInvited } from './rollup-reads.server';
import {
  actionAccessOf,
  allLabel,
  departmentsSeen,
  figuresPerCycle,
  participationOf,
  resultsOfView,
  trendOf,
} from './series.server';
import { matrixQuestionIds } from './service-ratings';
import type { OverviewView, TrendMarker } from './types';
import { empty, figureOf, type Reading } from './withholding';

/**
 * The overview of a survey for the departments the user sees: score and eNPS of the latest cycle
 * in range with their change, score by department, trends, each question's split and
 * participation. Every number is one of the organisation's figures of its cycle: departments
 * are those the user sees, and the headline, the "All" lines, the splits and the participation
 * total are the whole organisation's, as HR admins see them. The trends mark every completed
 * action of the survey the user may see.
 */
export async function loadOverview(
  user: StaffUser,
  params: URLSearchParams,
): Promise<OverviewView> {
  const context = await resolveInsights(user, params);
  const latest = context.cycles.at(-1) ?? null;
  const [results, invited, doneActions] = await Promise.all([
    resultsOfView(context),
    readInvited(context),
    readDoneActions(context),
  ]);
  const markers = markersOf(doneActions, visibleAction(context));
  const figures = figuresPerCycle(context, results);
  const current = figures.at(-1);
  const previous = figures.at(-2);
  const departments = departmentsSeen(context, figures, invited);
  const splits = latest ? (results.get(latest.id)?.splits() ?? []) : [];
  const enpsOf = (index: number) => figures[index]?.enps?.total ?? empty;
  const shared = {
    filters: context.filters,
    surveys: context.surveys,
    departments: departments.map((id) => departmentRef(context, id)),
    cycles: context.cycles,
    pending: context.pending,
    threshold: context.threshold,
    latest,
    questions: splits.map(({ question, total }) => ({
      questionId: question.id,
      text: question.text,
      driver: question.driver,
      split: total,
    })),
    participation: participationOf(context, figures, invited, departments, true),
    actions: actionAccessOf(context),
  };
  if (asksOnlyAboutServices(context)) {
    return { ...shared, ...servicesOverview(context, results, departments, markers) };
  }
  return {
    ...shared,
    score: figureOf(current?.score.total ?? empty, previous?.score.total),
    enps: hasEnps(context) ? figureOf(current?.enps?.total ?? empty, previous?.enps?.total) : null,
    services: null,
    byDepartment: departments.map((id) => ({
      department: departmentRef(context, id),
      figure: figureOf(
        current?.score.parts.get(id) ?? empty,
        previous?.score.parts.get(id) ?? empty,
      ),
    })),
    trend: trendOf(
      context,
      [
        { key: 'all', label: allLabel, readings: figures.map((cycle) => cycle.score.total) },
        ...departments.map((id) => ({
          key: id,
          label: departmentRef(context, id).name,
          readings: figures.map((cycle) => cycle.score.parts.get(id) ?? empty),
        })),
      ],
      markers,
    ),
    enpsTrend: hasEnps(context)
      ? trendOf(
          context,
          [{ key: 'all', label: allLabel, readings: figures.map((_, index) => enpsOf(index)) }],
          markers,
        )
      : null,
  };
}

function hasEnps(context: {
  questions: { type: QuestionType; internalService: boolean }[];
}): boolean {
  return context.questions.some(
    (question) => measureOf(question.type) === 'enps' && !question.internalService,
  );
}

/**
 * A survey of internal-service questions only (the internal-service template) has no engagement
 * score: its headline is each rated department's score from all its internal customers.
 */
function asksOnlyAboutServices(context: InsightContext): boolean {
  return (
    questionSets(context.questions).score.size === 0 &&
    matrixQuestionIds(context.questions).size > 0
  );
}

/**
 * The headline, bars and trend of an internal-service survey, read from the internal-customer
 * matrix of each cycle — the same figures, withheld the same way, and shown to the same people as
 * on the matrix page: a rated department's score (its column total) to HR admins and its own
 * leaders, a department's rating of every service (its row total) to whoever sees that department.
 */
function servicesOverview(
  context: InsightContext,
  results: ReadonlyMap<string, CycleResults>,
  departments: readonly string[],
  markers: TrendMarker[],
): Pick<OverviewView, 'score' | 'enps' | 'services' | 'byDepartment' | 'trend' | 'enpsTrend'> {
  const tables = context.cycles.map((cycle) => results.get(cycle.id)?.matrix());
  const ownLine = lineVisible(context);
  const providerIds = new Set<string>();
  for (const table of tables) {
    for (const id of table?.columnTotals.keys() ?? []) if (ownLine(id)) providerIds.add(id);
  }
  const providers = byName(context, providerIds);
  type Table = NonNullable<(typeof tables)[number]>;
  /** The latest cycle's reading with its change since the cycle before, where there is one. */
  const latestOf = (read: (table: Table) => Reading | undefined) => {
    const current = tables.at(-1);
    const before = tables.length > 1 ? tables.at(-2) : undefined;
    return figureOf(
      (current && read(current)) ?? empty,
      before ? (read(before) ?? empty) : undefined,
    );
  };
  return {
    score: { state: 'empty' },
    enps: null,
    services: {
      providers: providers.map((provider) => ({
        department: provider,
        figure: latestOf((table) => table.columnTotals.get(provider.id)),
      })),
    },
    byDepartment: departments.map((id) => ({
      department: departmentRef(context, id),
      figure: latestOf((table) => table.rowTotals.get(id)),
    })),
    trend: trendOf(
      context,
      providers.map((provider) => ({
        key: provider.id,
        label: provider.name,
        readings: tables.map((table) => table?.columnTotals.get(provider.id) ?? empty),
      })),
      markers,
    ),
    enpsTrend: null,
  };
}
