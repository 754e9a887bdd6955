import type { Document } from 'mongodb';
import type { Types } from 'mongoose';

import { AnswerClaimModel } from '../../models/answer-claim.server';
import { type Cycle, CycleModel } from '../../models/cycle.server';
import { ResponseModel } from '../../models/response.server';
import { batched, ItemFailed } from '../utils/batched.server';
import { shuffled } from '../utils/shuffled';
import { writeErrorsOf } from '../utils/write-errors.server';
import { isCycleOpen } from './invite-link.server';

// Steps 1 and 2 of storing a response (submit.server.ts), shared by the responses that arrive
// together, as steps 3 and 4 are (rollup-batch.server.ts). For a batch:
//   - one read of its cycles, so a cycle closed since the link was resolved takes nothing more;
//   - step 1, one unordered insertMany, after which each response learns from the write errors
//     whether its own insert collided (a second answer for its invite still being stored) or
//     failed;
//   - step 2, one read of which of the batch's submission keys are claimed already (an answer
//     for the invite finished storing before this insert); those responses are removed and told
//     "answered". The read cannot be overtaken: a claim is written before the key it replaces is
//     released (rollup-batch.server.ts), so a response whose insert did not collide was inserted
//     after that claim existed.
// Nothing here writes to the invite: whether a person answered is never recorded next to them.

export interface NewResponse {
  /** The response document, with its random _id and, for an invite, its submission key. */
  document: Document & { _id: string };
  cycleId: Types.ObjectId;
  /** HMAC of the invite id (submission-key.server.ts); null for an open-link (kiosk) answer. */
  submissionKey: string | null;
  now: Date;
}

export type StoreOutcome = 'stored' | 'answered' | 'closed';

/** Stores one response, with any others waiting at the same moment. */
export const storeNewResponse = batched<NewResponse, StoreOutcome>(storeBatch);

async function storeBatch(batch: readonly NewResponse[]): Promise<(StoreOutcome | ItemFailed)[]> {
  const open = await closedOnes(batch);
  const outcomes = new Map<NewResponse, StoreOutcome | ItemFailed>(
    batch.map((response, index) => [response, open[index] ?? 'closed']),
  );
  // In a random order: the order responses are stored in (a collection's natural order, the
  // engine's journal) then says nothing about the order their links were used in.
  const writing = shuffled(batch.filter((response) => outcomes.get(response) === 'stored'));
  const inserted = await insertAll(writing);
  writing.forEach((response, index) => outcomes.set(response, inserted[index] ?? 'stored'));
  const late = await claimedAlready(
    writing.filter(
      (response) => outcomes.get(response) === 'stored' && response.submissionKey !== null,
    ),
  );
  for (const response of late) outcomes.set(response, 'answered');
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

/** Step 2: the responses whose invite was answered already; they are removed again. */
async function claimedAlready(responses: readonly NewResponse[]): Promise<NewResponse[]> {
  if (responses.length === 0) return [];
  const claimed = await AnswerClaimModel.find(
    { _id: { $in: responses.map((response) => response.submissionKey ?? '') } },
    { _id: 1 },
  ).lean();
  const claimedKeys = new Set(claimed.map((claim) => claim._id));
  const late = responses.filter((response) => claimedKeys.has(response.submissionKey ?? ''));
  if (late.length > 0) {
    await ResponseModel.collection.deleteMany({
      _id: { $in: late.map((response) => response.document._id) } as never,
      rolledUp: false,
    });
  }
  return late;
}
