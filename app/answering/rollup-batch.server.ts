import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { batched } from '../utils/batched.server';
import { type RolledResponse, rollupOperations } from './rollups.server';

// Steps 3 and 4 of storing a response (submit.server.ts), shared by the responses that arrive
// together: while one batch is being written the next one gathers, and then goes as one bulkWrite
// of merged increments (one upsert per rollup document, however many responses it counts) and one
// update that releases every submission key of the batch. Each response is confirmed only after
// its batch is written, so a confirmation still means "counted, and no longer linked". A crash
// mid-batch leaves keys or rolledUp: false behind, which start-up recovery finishes exactly as
// for a single response.

interface StoredResponse extends RolledResponse {
  responseId: string;
}

/** Adds a stored response to its rollups and removes its submission key, with others at once. */
export const rollUpAndRelease = batched<StoredResponse, 'counted'>(async (batch) => {
  await RollupModel.collection.bulkWrite(rollupOperations(batch), { ordered: false });
  await ResponseModel.collection.updateMany(
    { _id: { $in: batch.map((response) => response.responseId) } as never },
    { $unset: { submissionKey: 1 }, $set: { rolledUp: true } },
  );
  return batch.map(() => 'counted' as const);
});
