import type { StaffUser } from '../utils/permissions.server';
import { departmentRef, resolveInsights } from './filters.server';
import { markersOf, readDoneActions, visibleAction } from './markers.server';
import { readInvited } from './rollup-reads.server';
import {
  actionAccessOf,
  departmentsSeen,
  figuresPerCycle,
  participationOf,
  resultsOfView,
  trendOf,
} from './series.server';
import type { OverviewView } from './types';
import { empty, figureOf } from './withholding';

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
  return {
    filters: context.filters,
    surveys: context.surveys,
    departments: departments.map((id) => departmentRef(context, id)),
    cycles: context.cycles,
    pending: context.pending,
    threshold: context.threshold,
    latest,
    score: figureOf(current?.score.total ?? empty, previous?.score.total),
    enps: hasEnps(context) ? figureOf(current?.enps?.total ?? empty, previous?.enps?.total) : null,
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
        { key: 'all', label: 'All', readings: figures.map((cycle) => cycle.score.total) },
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
          [{ key: 'all', label: 'All', readings: figures.map((_, index) => enpsOf(index)) }],
          markers,
        )
      : null,
    questions: splits.map(({ question, total }) => ({
      questionId: question.id,
      text: question.text,
      driver: question.driver,
      split: total,
    })),
    participation: participationOf(context, figures, invited, departments, true),
    actions: actionAccessOf(context),
  };
}

function hasEnps(context: { questions: { type: string; internalService: boolean }[] }): boolean {
  return context.questions.some((question) => question.type === 'nps' && !question.internalService);
}
