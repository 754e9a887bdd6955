import { randomInt } from 'node:crypto';

import type { Document } from 'mongodb';
import type { Types } from 'mongoose';

import { type Cycle, CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { ResponseModel } from '../../models/response.server';
import { batched, ItemFailed } from '../utils/batched.server';
import { groupBy } from '../utils/group-by';
import { writeErrorsOf } from '../utils/write-errors.server';
import { isCycleOpen } from './invite-link.server';

// Steps 1 and 2 of storing a response (submit.server.ts), shared by the responses that arrive
// together, as steps 3 and 4 are (rollup-batch.server.ts). For a batch:
//   - one read of its cycles, so a cycle closed since the link was resolved takes nothing more;
//   - step 1, one unordered insertMany, after which each response learns from the write errors
//     whether its own insert collided (a second answer for its invite) or failed;
//   - step 2, one read of which invites are used already, then one update per day marking the
//     rest used. An invite can be used already only by a submission that finished before this
//     one's insert (a response still being stored holds its key, which this insert would have
//     collided with), so the read cannot be overtaken; if the update still marks fewer invites
//     than read unused, something broke that promise, and the whole batch fails unconfirmed for
//     start-up recovery to finish.

export interface NewResponse {
  /** The response document, with its random _id and, for an invite, its submission key. */
  document: Document & { _id: string };
  cycleId: Types.ObjectId;
  inviteId: Types.ObjectId | null;
  /** The day the invite is marked used on. */
  day: string;
  now: Date;
}

type ForInvite = NewResponse & { inviteId: Types.ObjectId };

export type StoreOutcome = 'stored' | 'answered' | 'closed';

/** Stores one response and marks its invite used, with any others waiting at the same moment. */
export const storeNewResponse = batched<NewResponse, StoreOutcome>(storeBatch);

async function storeBatch(batch: readonly NewResponse[]): Promise<(StoreOutcome | ItemFailed)[]> {
  const open = await closedOnes(batch);
  const outcomes = new Map<NewResponse, StoreOutcome | ItemFailed>(
    batch.map((response, index) => [response, open[index] ?? 'closed']),
  );
  // In a random order: the order responses are stored in (a collection's natural order, the
  // engine's journal) then says nothing about the order their invites were used in.
  const writing = shuffled(batch.filter((response) => outcomes.get(response) === 'stored'));
  const inserted = await insertAll(writing);
  writing.forEach((response, index) => outcomes.set(response, inserted[index] ?? 'stored'));
  const marked = await markInvitesUsed(
    writing.filter(
      (response): response is ForInvite =>
        outcomes.get(response) === 'stored' && response.inviteId !== null,
    ),
  );
  for (const response of marked.late) outcomes.set(response, 'answered');
  return batch.map((response) => outcomes.get(response) ?? 'closed');
}

/** 'closed' for each response whose cycle is no longer open, 'stored' (so far) for the others. */
async function closedOnes(batch: readonly NewResponse[]): Promise<StoreOutcome[]> {
  const cycleIds = [
    ...new Map(batch.map((response) => [String(response.cycleId), response.cycleId])).values(),
  ];
  const cycles = await CycleModel.collection
    .find<Pick<Cycle, '_id' | 'status' | 'closesAt'>>(
      { _id: { $in: cycleIds } },
      { projection: { status: 1, closesAt: 1 } },
    )
    .toArray();
  const byId = new Map(cycles.map((cycle) => [String(cycle._id), cycle]));
  return batch.map((response) => {
    const cycle = byId.get(String(response.cycleId));
    return cycle && isCycleOpen(cycle, response.now) ? 'stored' : 'closed';
  });
}

/** Step 1: 'stored', 'answered' (the key collided) or a failure, per response. */
async function insertAll(
  responses: readonly NewResponse[],
): Promise<(StoreOutcome | ItemFailed)[]> {
  if (responses.length === 0) return [];
  try {
    await ResponseModel.collection.insertMany(
      responses.map((response) => response.document) as never[],
      { ordered: false },
    );
    return responses.map(() => 'stored');
  } catch (error) {
    const problems = writeErrorsOf(error);
    if (!problems) throw error;
    const codeAt = new Map(problems.map((problem) => [problem.index, problem.code]));
    return responses.map((_, index) => {
      const code = codeAt.get(index);
      if (code === undefined) return 'stored';
      return code === 11000 ? 'answered' : new ItemFailed(error);
    });
  }
}

/** Step 2: marks the invites used; those used already come back as late, their responses gone. */
async function markInvitesUsed(responses: readonly ForInvite[]): Promise<{ late: ForInvite[] }> {
  if (responses.length === 0) return { late: [] };
  const used = await InviteModel.collection
    .find<{ _id: Types.ObjectId }>(
      { _id: { $in: responses.map((response) => response.inviteId) }, usedOn: { $ne: null } },
      { projection: { _id: 1 } },
    )
    .toArray();
  const usedIds = new Set(used.map((invite) => String(invite._id)));
  const late = responses.filter((response) => usedIds.has(String(response.inviteId)));
  const marking = responses.filter((response) => !usedIds.has(String(response.inviteId)));
  if (late.length > 0) {
    await ResponseModel.collection.deleteMany({
      _id: { $in: late.map((response) => response.document._id) } as never,
      rolledUp: false,
    });
  }
  let modified = 0;
  for (const [day, onDay] of groupBy(marking, (response) => response.day)) {
    const result = await InviteModel.collection.updateMany(
      { _id: { $in: onDay.map((response) => response.inviteId) }, usedOn: null },
      { $set: { usedOn: day } },
    );
    modified += result.modifiedCount;
  }
  if (modified !== marking.length) {
    throw new Error(
      `Marked ${modified} of ${marking.length} invites used; start-up recovery finishes these responses`,
    );
  }
  return { late };
}

function shuffled<T>(items: readonly T[]): T[] {
  const order = [...items];
  for (let index = order.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}
