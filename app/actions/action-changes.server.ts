import { Types } from 'mongoose';

import { ActionModel } from '../../models/action.server';
import { CycleModel } from '../../models/cycle.server';
import { PersonModel } from '../../models/person.server';
import type { TimelineKind } from '../../models/vocabulary';
import { message } from '../utils/message';
import type { StaffUser } from '../utils/permissions.server';
import { errorsByField, type FieldErrors } from '../utils/submission';
import { checkOwner, requireAction, todayFor } from './action-access.server';
import { editActionInput, moveActionInput, updateInput } from './action-forms';
import { canMove } from './action-rules';
import { tellNewOwner } from './assignment.server';
import type { ActionResult } from './raise.server';

// Every change to an action after it is raised, each recorded on its timeline with who made it
// and when. The caller may see the action (requireAction: 404 / 403), and nothing is stored when
// the input is refused.

function entry(user: StaffUser, at: Date, kind: TimelineKind, fields: Partial<Entry> = {}) {
  return {
    at,
    byId: new Types.ObjectId(user.id),
    byName: user.name,
    kind,
    from: null,
    to: null,
    note: null,
    ...fields,
  };
}
interface Entry {
  from: string | null;
  to: string | null;
  note: string | null;
}

/** A refusal of one field, said as a message key (see ~/utils/message). */
const refused = (field: string, text: string): ActionResult => ({
  ok: false,
  errors: { [field]: [text] },
});

/**
 * Changes the title, description, due date, owner or publication. A due date may stay as it
 * was even if it has passed, but a new one must be from today on.
 */
export async function editAction(
  user: StaffUser,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<ActionResult> {
  const action = await requireAction(user, id);
  const parsed = editActionInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  const fields = parsed.data;
  const errors: FieldErrors = {};
  const ownerChanged = fields.ownerId !== String(action.ownerId);
  let newOwner: StaffUser | null = null;
  if (ownerChanged) {
    const owner = await checkOwner(fields.ownerId, action.source);
    if (owner.ok) newOwner = owner.owner;
    else errors.ownerId = [owner.message];
  }
  if (
    fields.dueOn !== action.dueOn &&
    fields.dueOn < (await todayFor(action.source.surveyId, now))
  ) {
    errors.dueOn = ['actions:errors.dueFromToday'];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const changed = [
    fields.title !== action.title && 'title',
    fields.description !== action.description && 'description',
    fields.dueOn !== action.dueOn && 'dueOn',
  ].filter((item): item is string => typeof item === 'string');
  const entries = [];
  // Said as a message, so the timeline reads in each reader's language (action-timeline.tsx).
  if (changed.length > 0) {
    const note = message('actions:timeline.changed', {
      fields: changed.join(','),
      ...(changed.includes('dueOn') ? { dueFrom: action.dueOn, dueTo: fields.dueOn } : {}),
    });
    entries.push(entry(user, now, 'edited', { note }));
  }
  if (ownerChanged) {
    const before = await PersonModel.findById(action.ownerId, { name: 1 }).lean();
    entries.push(
      entry(user, now, 'owner', { from: before?.name ?? null, to: newOwner?.name ?? '' }),
    );
  }
  if (fields.published !== action.published) {
    entries.push(entry(user, now, fields.published ? 'published' : 'unpublished'));
  }
  if (entries.length === 0) return { ok: true, id };
  await ActionModel.updateOne(
    { _id: action._id },
    {
      $set: { ...fields, ownerId: new Types.ObjectId(fields.ownerId) },
      $push: { timeline: { $each: entries } },
    },
  );
  if (newOwner) {
    await tellNewOwner(user, newOwner, {
      id,
      title: fields.title,
      label: action.source.label,
      dueOn: fields.dueOn,
    });
  }
  return { ok: true, id };
}

/**
 * Moves the status one allowed step (open → in progress → done, done → open; open or in progress
 * → won't do with a reason, won't do → open). `from` is the
 * status the person saw: if someone moved it meanwhile, the move is refused rather than applied
 * to a status they never saw. Done records when and in which cycle (the newest opened cycle of
 * the survey), for the markers on trend charts; reopening clears both.
 */
export async function moveAction(
  user: StaffUser,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<ActionResult> {
  const action = await requireAction(user, id);
  const parsed = moveActionInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  const { from, to, note, reason } = parsed.data;
  if (from !== action.status) return staleStatus();
  if (!canMove(from, to)) {
    return refused('to', message('actions:errors.cannotMove', { from, to }));
  }
  let completion: { completedAt: Date | null; completedCycleId: Types.ObjectId | null } = {
    completedAt: null,
    completedCycleId: null,
  };
  if (to === 'done') {
    // An action raised from an idea has no survey, so no cycle to mark on a trend.
    const cycle = !action.source.surveyId
      ? null
      : await CycleModel.findOne(
          {
            surveyId: action.source.surveyId,
            status: { $in: ['open' as const, 'closed' as const] },
            missed: { $ne: true },
          },
          { _id: 1 },
        )
          .sort({ number: -1 })
          .lean();
    completion = {
      completedAt: now,
      completedCycleId: cycle?._id ?? action.source.cycleId ?? null,
    };
  }
  // The reason for won't do is the move's note on the timeline, and stays on the action while
  // it is won't do; reopening clears it there (the timeline keeps it).
  const wontDoReason = to === 'wont-do' ? reason : null;
  // The status in the filter makes two moves at once safe: only the first one finds it.
  const result = await ActionModel.updateOne(
    { _id: action._id, status: from },
    {
      $set: { status: to, ...completion, wontDoReason },
      $push: {
        timeline: entry(user, now, 'status', { from, to, note: wontDoReason ?? (note || null) }),
      },
    },
  );
  if (result.modifiedCount === 0) return staleStatus();
  return { ok: true, id };
}

function staleStatus(): ActionResult {
  return refused('to', 'actions:errors.statusChanged');
}

/** Adds an update note to the timeline. */
export async function addUpdate(
  user: StaffUser,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<ActionResult> {
  const action = await requireAction(user, id);
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  await ActionModel.updateOne(
    { _id: action._id },
    { $push: { timeline: entry(user, now, 'update', { note: parsed.data.note }) } },
  );
  return { ok: true, id };
}
