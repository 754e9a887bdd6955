import type { Types } from 'mongoose';

import { ActionModel } from '../../models/action.server';
import { IdeaModel } from '../../models/idea.server';
import type { ActionStatus, IdeaKind, IdeaStatus } from '../../models/vocabulary';
import { releaseIdeas } from './batches.server';

// What came of the ideas sent to a department, for its board: only released ideas (held ones are
// not even counted), only those a leader has decided on, and of an action raised from one only
// what the board shows anyway once it is published.

export interface IdeaOutcome {
  id: string;
  kind: IdeaKind;
  text: string;
  status: Exclude<IdeaStatus, 'new'>;
  reason: string | null;
  /** The day the decision was made, YYYY-MM-DD. */
  on: string | null;
  action: { title: string; status: ActionStatus } | null;
}

export interface BoardIdeas {
  /** Where the board's "Send an idea" link goes. */
  sendPath: string;
  outcomes: IdeaOutcome[];
}

// The board shows the latest decisions; the staff pages keep them all.
const outcomesShown = 20;

/** The ideas section of a department's board. */
export async function boardIdeas(
  department: { _id: Types.ObjectId; boardKey: string },
  now = new Date(),
): Promise<BoardIdeas> {
  await releaseIdeas(now);
  const ideas = await IdeaModel.find(
    {
      departmentId: department._id,
      batch: { $ne: null },
      $or: [{ status: { $ne: 'new' } }, { actionId: { $ne: null } }],
    },
    { kind: 1, text: 1, status: 1, reason: 1, statusOn: 1, actionId: 1 },
  )
    .sort({ statusOn: -1, _id: 1 })
    .limit(outcomesShown)
    .lean();
  const actionIds = ideas.flatMap((idea) => (idea.actionId ? [idea.actionId] : []));
  const actions = actionIds.length
    ? await ActionModel.find(
        { _id: { $in: actionIds }, published: true, status: { $ne: 'wont-do' } },
        { title: 1, status: 1 },
      ).lean()
    : [];
  const byId = new Map(actions.map((action) => [String(action._id), action]));
  return {
    sendPath: `/board/${department.boardKey}/idea`,
    outcomes: ideas.map((idea) => {
      const action = idea.actionId ? byId.get(String(idea.actionId)) : undefined;
      return {
        id: idea._id,
        kind: idea.kind,
        text: idea.text,
        status: idea.status === 'new' ? 'planned' : idea.status,
        reason: idea.status === 'not-doing' ? idea.reason : null,
        on: idea.statusOn,
        action: action ? { title: action.title, status: action.status } : null,
      };
    }),
  };
}
