import type { MetricKind } from '../../models/vocabulary';
import { inActionScope, newActionPath } from '../actions/action-rules';
import type { CommentSource } from './comment-view';
import type { ActionAccess } from './types';

// The one place that turns a figure on an insight page into the address that raises an action
// on it, so every chart, row and comment links the same way. It carries ids only — never a
// value, an n or a share — so a withheld figure's link says nothing of what was measured; the
// action page reads the baseline itself, through the same suppression as the dashboards.

/** The result a control raises an action on, as the page knows it. */
export interface ActionTarget {
  metric: MetricKind;
  questionId?: string | null;
  driver?: string | null;
  /** The answering department; none for the whole survey (a company-wide action). */
  departmentId?: string | null;
  /** The rated department, for internal-service results. */
  providerDepartmentId?: string | null;
}

/** A control's address and what its accessible name says it is about ("Raise an action on …"). */
export interface RaiseLink {
  href: string;
  subject: string;
}

/** Whether the user may raise an action on a result: the actions' own scope rule. */
export const mayRaiseAction: (scope: readonly string[] | null, target: ActionTarget) => boolean =
  inActionScope;

/** `/actions/new?survey=…&cycle=…&metric=…[&question=…][&driver=…][&department=…][&provider=…]` */
export function raiseActionHref(
  access: Pick<ActionAccess, 'surveyId' | 'cycleId'>,
  target: ActionTarget,
): string {
  return newActionPath({
    surveyId: access.surveyId,
    cycleId: access.cycleId,
    metric: target.metric,
    questionId: target.questionId ?? null,
    driver: target.driver ?? null,
    departmentId: target.departmentId ?? null,
    providerDepartmentId: target.providerDepartmentId ?? null,
  });
}

/**
 * The control for one figure of a view, or null where the user may not raise an action there or
 * the view has no cycle to take a baseline from.
 */
export function raiseLink(
  access: ActionAccess | null,
  target: ActionTarget,
  subject: string,
): RaiseLink | null {
  if (!access || !mayRaiseAction(access.scope, target)) return null;
  return { href: raiseActionHref(access, target), subject };
}

/**
 * The control on a comment: an action on its question, in its department (and rated department),
 * with the comment's own cycle as the one it was heard in. The loader sets a comment's source
 * only where the user may raise an action on it.
 */
export function commentRaiseLink(
  surveyId: string,
  source: CommentSource | undefined,
  subject: string,
): RaiseLink | null {
  if (!surveyId || !source) return null;
  const href = raiseActionHref(
    { surveyId, cycleId: source.cycleId },
    {
      metric: 'question',
      questionId: source.questionId,
      departmentId: source.departmentId,
      providerDepartmentId: source.providerDepartmentId,
    },
  );
  return { href, subject };
}
