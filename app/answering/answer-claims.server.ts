import type { Types } from 'mongoose';

import { AnswerClaimModel } from '../../models/answer-claim.server';
import { CycleModel } from '../../models/cycle.server';
import { ResponseModel } from '../../models/response.server';
import { batched } from '../utils/batched.server';
import { shuffled } from '../utils/shuffled';
import { writeErrorsOf } from '../utils/write-errors.server';
import { submissionKeysFor } from './submission-key.server';

// Whether an invite was answered is kept only as an answer claim: the invite's submission key
// (an HMAC of its id under the server secret) while its cycle is open. Nothing on the invite
// changes, so the invites collection, the journal and the oplog never show who answered next to
// what they answered; a claim without the secret names nobody.

/** Writes claims for invites whose responses are stored; claims already there are kept. */
export async function claimInvites(
  claims: readonly { _id: string; cycleId: Types.ObjectId }[],
): Promise<void> {
  if (claims.length === 0) return;
  try {
    // Shuffled like the responses: the claims' order says nothing about the answers' order.
    await AnswerClaimModel.insertMany(shuffled(claims), { ordered: false, lean: true });
  } catch (error) {
    const problems = writeErrorsOf(error);
    // A claim that exists already (recovery finishing a batch that got this far) is the same one.
    if (!problems || problems.some((problem) => problem.code !== 11000)) throw error;
  }
}

/** Whether this invite has been answered: its claim, or a response still being stored with its key. */
export async function isInviteAnswered(inviteId: Types.ObjectId | string): Promise<boolean> {
  return answeredNow(submissionKeysFor(String(inviteId)));
}

// The checks of pages opened at the same moment go together, one read of claims and one of
// responses for all of them. Each read starts after its request arrived, so an answer stored
// before then is seen, as with a read of its own. The driver directly: mongoose's query building
// costs more than the lookup under load.
const answeredNow = batched<string[], boolean>(async (keySets) => {
  const keys = [...new Set(keySets.flat())];
  const [claims, storing] = await Promise.all([
    AnswerClaimModel.collection
      .find<{ _id: string }>({ _id: { $in: keys } } as never, { projection: { _id: 1 } })
      .toArray(),
    ResponseModel.collection
      .find<{ submissionKey?: string }>(
        { submissionKey: { $in: keys } },
        { projection: { _id: 0, submissionKey: 1 } },
      )
      .toArray(),
  ]);
  const answered = new Set<string>([
    ...claims.map((claim) => claim._id),
    ...storing.flatMap((response) => response.submissionKey ?? []),
  ]);
  return keySets.map((set) => set.some((key) => answered.has(key)));
});

/**
 * A response confirmed just before its cycle closed may still be writing its claim for a moment;
 * after this long a closed cycle's claims are complete and can go.
 */
const claimsSettleMs = 60_000;

/**
 * Forgets who answered each cycle that closed a while ago: claims only refuse a second answer
 * while a cycle is open, and once they are gone nothing stored says who answered it. Returns how
 * many claims were removed.
 */
export async function forgetClosedCycleClaims(now: Date): Promise<number> {
  const cycleIds = await AnswerClaimModel.distinct('cycleId');
  if (cycleIds.length === 0) return 0;
  const closed = await CycleModel.find(
    {
      _id: { $in: cycleIds },
      status: 'closed',
      closedAt: { $lte: new Date(now.getTime() - claimsSettleMs) },
    },
    { _id: 1 },
  ).lean();
  if (closed.length === 0) return 0;
  const result = await AnswerClaimModel.deleteMany({
    cycleId: { $in: closed.map((cycle) => cycle._id) },
  });
  return result.deletedCount;
}
