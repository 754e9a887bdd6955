import { Types } from 'mongoose';

import { ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { IdeaModel } from '../../models/idea.server';
import { checkOwner, type OwnerChoice, ownerChoices } from '../actions/action-access.server';
import { tellNewOwner } from '../actions/assignment.server';
import { raisedBy } from '../actions/raise.server';
import type { StaffUser } from '../utils/permissions.server';
import { errorsByField, type FieldErrors } from '../utils/submission';
import { ideaActionInput } from './idea-forms';
import { organisationDay, requireIdea } from './ideas.server';

// Turning an idea into an action. The action's source is the idea ('idea' metric): no survey,
// cycle or figure, so no baseline and no follow-up chart; its department is the idea's, so the
// same leaders see it, own it and find it on the department's board.

/** Who may own an action raised from this idea, and today's day for its due date. */
export async function ideaActionChoices(
  user: StaffUser,
  id: string,
): Promise<{ owners: OwnerChoice[]; today: string }> {
  const idea = await requireIdea(user, id);
  const [owners, today] = await Promise.all([
    ownerChoices({ departmentId: idea.departmentId, providerDepartmentId: null }),
    organisationDay(new Date()),
  ]);
  return { owners, today };
}

export type IdeaActionResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/**
 * Raises an action from a released idea the user may read, at most once per idea. The owner
 * must be able to own an action of the idea's department; the due date is not before today.
 * An idea still new becomes planned.
 */
export async function raiseActionFromIdea(
  user: StaffUser,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<IdeaActionResult> {
  const idea = await requireIdea(user, id, now);
  if (idea.actionId) return { ok: false, errors: { title: ['ideas:errors.alreadyAction'] } };
  const parsed = ideaActionInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  const fields = parsed.data;
  const source = { departmentId: idea.departmentId, providerDepartmentId: null };
  const errors: FieldErrors = {};
  const checked = await checkOwner(fields.ownerId, source);
  if (!checked.ok) errors.ownerId = [checked.message];
  const today = await organisationDay(now);
  if (fields.dueOn < today) errors.dueOn = ['actions:errors.dueFromToday'];
  if (Object.keys(errors).length > 0 || !checked.ok) return { ok: false, errors };

  const department = await DepartmentModel.findById(idea.departmentId, { name: 1 }).lean();
  // Staff saw these words when raising it; the board words an idea's source in its own language.
  const label = `${idea.kind === 'concern' ? 'Concern' : 'Idea'} · ${department?.name ?? ''}`;
  const action = await ActionModel.create({
    ...fields,
    source: {
      surveyId: null,
      cycleId: null,
      metric: 'idea',
      ideaId: idea._id,
      questionId: null,
      driver: null,
      departmentId: idea.departmentId,
      providerDepartmentId: null,
      label,
    },
    baseline: null,
    ownerId: new Types.ObjectId(fields.ownerId),
    ...raisedBy(user, now),
  });
  // Claimed only if no other action was raised from it meanwhile; else this one goes again.
  const claimed = await IdeaModel.updateOne(
    { _id: idea._id, actionId: null },
    {
      $set: {
        actionId: action._id,
        ...(idea.status === 'new' ? { status: 'planned', statusOn: today } : {}),
      },
    },
  );
  if (claimed.modifiedCount === 0) {
    await ActionModel.deleteOne({ _id: action._id });
    return { ok: false, errors: { title: ['ideas:errors.alreadyAction'] } };
  }
  await tellNewOwner(user, checked.owner, {
    id: String(action._id),
    title: action.title,
    label,
    dueOn: action.dueOn,
  });
  return { ok: true, id: String(action._id) };
}
