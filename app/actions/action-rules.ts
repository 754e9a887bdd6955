import { z } from 'zod';

import { type ActionStatus, type MetricKind, metricKinds } from '../../models/vocabulary';

// What an action item is allowed to be and to become: shared by the forms (client and server),
// the server modules and the board. Types come from these schemas.

/**
 * The moves an action's status may make: forward one step, or reopen once done. An action not yet
 * done may be closed as "won't do" (with a reason, action-forms.ts), and reopened from there.
 */
export const allowedTransitions: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in-progress', 'wont-do'],
  'in-progress': ['done', 'wont-do'],
  done: ['open'],
  'wont-do': ['open'],
};

/** Whether an action is finished with, either way: no reminders, never overdue. */
export function isClosed(status: string): boolean {
  return status === 'done' || status === 'wont-do';
}

export function canMove(from: ActionStatus, to: ActionStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/**
 * The name shown for an owner whose person record is gone: a message key, so the page says it
 * in its reader's language (names themselves are shown as typed).
 */
export const unknownPerson = 'actions:page.unknownPerson';

const objectId = z.string().regex(/^[a-f\d]{24}$/i, 'actions:errors.badId');

/**
 * The result an action is linked to. `departmentId` is the answering department (null: the whole
 * survey), `providerDepartmentId` the rated one for internal-service results.
 */
export const actionSource = z.object({
  surveyId: objectId,
  cycleId: objectId,
  // An idea is not a result: actions are raised from ideas on the idea's page (app/ideas/).
  metric: z.enum(metricKinds).exclude(['idea']),
  questionId: z.string().min(1).max(40).nullable().default(null),
  driver: z.string().min(1).max(40).nullable().default(null),
  departmentId: objectId.nullable().default(null),
  providerDepartmentId: objectId.nullable().default(null),
  // Raised from a standard of the provider's service charter (app/charters).
  charterStandardKey: z
    .string()
    .regex(/^[a-z\d-]{1,40}$/, 'charters:errors.unknownStandard')
    .optional(),
});
export type ActionSource = z.infer<typeof actionSource>;

/**
 * Whether a result lies within a scope: null (an HR admin's) holds everything; otherwise its
 * answering or its rated department must be in the list. A company-wide result (no department)
 * belongs to HR alone, since a leader's totals cover only part of the company.
 */
export function inActionScope(
  scope: readonly string[] | null,
  result: {
    departmentId?: { toString(): string } | null;
    providerDepartmentId?: { toString(): string } | null;
  },
): boolean {
  if (scope === null) return true;
  return [result.departmentId, result.providerDepartmentId].some(
    (id) => !!id && scope.includes(String(id)),
  );
}

/** Reads the source of a new action from the address insight pages link to (see the issue). */
export function sourceFromSearch(params: URLSearchParams) {
  const value = (name: string) => params.get(name) || null;
  return actionSource.safeParse({
    surveyId: value('survey'),
    cycleId: value('cycle'),
    metric: value('metric'),
    questionId: value('question'),
    driver: value('driver'),
    departmentId: value('department'),
    providerDepartmentId: value('provider'),
    charterStandardKey: value('standard') ?? undefined,
  });
}

/** The address that starts an action from a source: the inverse of `sourceFromSearch`. */
export function newActionPath(
  source: Omit<ActionSource, 'metric'> & { metric: ActionSource['metric'] | MetricKind },
): string {
  const params = new URLSearchParams({
    survey: source.surveyId,
    cycle: source.cycleId,
    metric: source.metric,
  });
  if (source.questionId) params.set('question', source.questionId);
  if (source.driver) params.set('driver', source.driver);
  if (source.departmentId) params.set('department', source.departmentId);
  if (source.providerDepartmentId) params.set('provider', source.providerDepartmentId);
  if (source.charterStandardKey) params.set('standard', source.charterStandardKey);
  return `/actions/new?${params}`;
}
