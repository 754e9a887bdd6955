import { Types } from 'mongoose';
import { z } from 'zod';

import { ActionModel } from '../../models/action.server';
import { charterMetric } from '../charters/charter-source.server';
import { checkMetricSource, loadMetric } from '../insights/metric.server';
import type { Figure } from '../insights/types';
import { refuseAddress } from '../utils/form.server';
import { forbidden, type StaffUser } from '../utils/permissions.server';
import { errorsByField, type FieldErrors } from '../utils/submission';
import {
  checkOwner,
  type OwnerChoice,
  ownerChoices,
  sourceInScope,
  todayFor,
} from './action-access.server';
import { raiseActionInput } from './action-forms';
import { type ActionSource, actionSource } from './action-rules';
import { tellNewOwner } from './assignment.server';

export type ActionResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/** What the "Raise an action" page shows about its result before anything is stored. */
export interface RaiseView {
  label: string;
  /**
   * The figure of the source's cycle, one of the organisation's figures of that cycle (the same
   * for every viewer), rounded as the pages show it: the baseline the action will keep.
   */
  baseline: Figure;
  owners: OwnerChoice[];
  today: string;
}

/** Who raised a new action, in what language, and its first timeline entry: for every source. */
export function raisedBy(user: StaffUser, now: Date) {
  return {
    createdById: new Types.ObjectId(user.id),
    language: user.language,
    timeline: [
      {
        at: now,
        byId: new Types.ObjectId(user.id),
        byName: user.name,
        kind: 'created' as const,
        to: 'open',
        note: null,
      },
    ],
  };
}

/**
 * Checks a source for a new action and describes it: 403 outside the user's scope, 400 with a
 * message when it points at nothing measurable.
 */
export async function raiseView(user: StaffUser, source: ActionSource): Promise<RaiseView> {
  if (!sourceInScope(user, source)) throw forbidden();
  if (source.charterStandardKey) {
    const charter = await charterMetric(source);
    if (!charter.ok) throw refuseAddress(charter.problem.message);
    const [owners, today] = await Promise.all([ownerChoices(source), todayFor(source.surveyId)]);
    return { label: charter.label, baseline: charter.baseline, owners, today };
  }
  const problem = await checkMetricSource(user, source);
  if (problem) throw refuseAddress(problem.message);
  const [metric, owners, today] = await Promise.all([
    loadMetric(user, source),
    ownerChoices(source),
    todayFor(source.surveyId),
  ]);
  return { label: metric.label, baseline: withoutChange(metric.baseline), owners, today };
}

/** The baseline alone: a change belongs to the follow-up, not to the figure an action keeps. */
function withoutChange(figure: Figure): Figure {
  return figure.state === 'shown' ? { state: 'shown', n: figure.n, value: figure.value } : figure;
}

/**
 * Raises an action on a result. Everything is checked before anything is stored: the fields, the
 * source (it exists, its cycle has settled, and it is within the user's scope; 403 when not), the
 * owner (an active leader or HR admin who may own it) and the due date (not before today in the
 * survey's time zone). The baseline is the organisation's figure for the source's cycle, the one
 * every insight page shows; a withheld or empty group stores none. The board and the follow-up
 * read the figure again from the cycle's results rather than trusting what was stored.
 */
export async function raiseAction(
  user: StaffUser,
  input: unknown,
  now = new Date(),
): Promise<ActionResult> {
  // Scope first: someone outside it learns nothing from messages about the fields.
  const sourceOnly = z.object({ source: actionSource }).safeParse(input);
  if (sourceOnly.success && !sourceInScope(user, sourceOnly.data.source)) throw forbidden();
  const parsed = raiseActionInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  const { source, ...fields } = parsed.data;

  const errors: FieldErrors = {};
  // A charter's standard is read from its own cells (app/charters), not the insight figures.
  const charter = source.charterStandardKey ? await charterMetric(source) : null;
  const problem = charter
    ? charter.ok
      ? null
      : charter.problem
    : await checkMetricSource(user, source);
  if (problem) errors.source = [problem.message];
  const checked = await checkOwner(fields.ownerId, source);
  if (!checked.ok) errors.ownerId = [checked.message];
  const today = await todayFor(source.surveyId, now);
  if (fields.dueOn < today) errors.dueOn = ['actions:errors.dueFromToday'];
  if (Object.keys(errors).length > 0 || !checked.ok) return { ok: false, errors };

  const metric = charter?.ok ? charter : await loadMetric(user, source);
  const baseline = metric.atSource;
  const id = (v: string | null) => (v ? new Types.ObjectId(v) : null);
  const action = await ActionModel.create({
    ...fields,
    source: {
      ...source,
      surveyId: new Types.ObjectId(source.surveyId),
      cycleId: new Types.ObjectId(source.cycleId),
      departmentId: id(source.departmentId),
      providerDepartmentId: id(source.providerDepartmentId),
      label: metric.label,
    },
    baseline: baseline
      ? {
          value: baseline.value,
          n: baseline.n,
          people: baseline.people,
          sum: baseline.sum,
          sumSquares: baseline.sumSquares,
        }
      : null,
    ownerId: new Types.ObjectId(fields.ownerId),
    ...raisedBy(user, now),
  });
  await tellNewOwner(user, checked.owner, {
    id: String(action._id),
    title: action.title,
    label: metric.label,
    dueOn: action.dueOn,
  });
  return { ok: true, id: String(action._id) };
}
