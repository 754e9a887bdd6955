import type { Types } from 'mongoose';

import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { batched } from '../utils/batched.server';
import { claimInvites } from './answer-claims.server';
import { type RolledResponse, rollupOperations } from './rollups.server';

// Steps 3 and 4 of storing a response (submit.server.ts), shared by the responses that arrive
// together: while one batch is being written the next one gathers, and then goes as one bulkWrite
// of merged increments (one upsert per rollup document, however many responses it counts), one
// insert of the batch's answer claims and one update that releases every submission key of the
// batch. The claims go before the keys are released, so an invite is never without one of the
// two. Each response is confirmed only after its batch is written, so a confirmation still means
// "counted, and no longer linked". A crash mid-batch leaves keys or rolledUp: false behind, which
// start-up recovery finishes exactly as for a single response.

interface StoredResponse extends RolledResponse {
  responseId: string;
  /** Null for an open-link (kiosk) response, which has no invite to claim. */
  submissionKey: string | null;
  cycleId: Types.ObjectId;
}

/** Adds a stored response to its rollups and removes its submission key, with others at once. */
export const rollUpAndRelease = batched<StoredResponse, 'counted'>(async (batch) => {
  await RollupModel.collection.bulkWrite(rollupOperations(batch), { ordered: false });
  await claimInvites(
    batch.flatMap(({ submissionKey, cycleId }) =>
      submissionKey ? [{ _id: submissionKey, cycleId }] : [],
    ),
  );
  await ResponseModel.collection.updateMany(
    { _id: { $in: batch.map((response) => response.responseId) } as never },
    { $unset: { submissionKey: 1 }, $set: { rolledUp: true } },
  );
  return batch.map(() => 'counted' as const);
});
