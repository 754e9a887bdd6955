import { Types } from 'mongoose';

import { ActionModel } from '../../models/action.server';
import { message } from '../utils/message';
import type { InsightContext } from './filters.server';
import type { TrendMarker } from './types';

// The markers trend charts draw where an action was completed, so a leader reads the action and
// the score after it side by side. Each loader reads the done actions of its survey and cycles in
// one query, then each trend keeps the ones about what it shows.

/** A done action as the markers need it: where it was completed and what it answered. */
export interface DoneAction {
  title: string;
  cycleId: string;
  departmentId: string | null;
  providerDepartmentId: string | null;
  driver: string | null;
}

/**
 * Done actions of the view's survey completed in one of its cycles: by cycle, then in the order
 * they were completed, so a table of several on one cycle reads in the order they happened.
 */
export async function readDoneActions(
  context: Pick<InsightContext, 'filters' | 'cycles'>,
): Promise<DoneAction[]> {
  const { surveyId } = context.filters;
  if (!surveyId || context.cycles.length === 0) return [];
  const actions = await ActionModel.find(
    {
      'source.surveyId': new Types.ObjectId(surveyId),
      status: 'done',
      completedCycleId: { $in: context.cycles.map((cycle) => new Types.ObjectId(cycle.id)) },
    },
    { title: 1, completedCycleId: 1, completedAt: 1, source: 1 },
  )
    .sort({ completedAt: 1, _id: 1 })
    .lean();
  const order = new Map(context.cycles.map((cycle, index) => [cycle.id, index]));
  const position = (action: { completedCycleId?: unknown }) =>
    order.get(String(action.completedCycleId)) ?? 0;
  // Array sort is stable: within a cycle, the completion order of the query stays.
  actions.sort((a, b) => position(a) - position(b));
  return actions.map((action) => ({
    title: action.title,
    cycleId: String(action.completedCycleId),
    departmentId: action.source.departmentId ? String(action.source.departmentId) : null,
    providerDepartmentId: action.source.providerDepartmentId
      ? String(action.source.providerDepartmentId)
      : null,
    driver: action.source.driver ?? null,
  }));
}

/** The markers of the actions a trend shows. */
export function markersOf(
  actions: readonly DoneAction[],
  about: (action: DoneAction) => boolean,
): TrendMarker[] {
  return actions.filter(about).map((action) => ({
    cycleId: action.cycleId,
    label: message('insights:series.actionDone', { title: action.title }),
  }));
}

/**
 * Actions a user may see on a survey-wide trend: all for HR admins; for a leader those about a
 * department in their scope (answering or rated) and the company-wide ones.
 */
export function visibleAction(context: Pick<InsightContext, 'scope'>) {
  const { scope } = context;
  return (action: DoneAction) =>
    !scope ||
    (action.departmentId === null && action.providerDepartmentId === null) ||
    (action.departmentId !== null && scope.has(action.departmentId)) ||
    (action.providerDepartmentId !== null && scope.has(action.providerDepartmentId));
}
