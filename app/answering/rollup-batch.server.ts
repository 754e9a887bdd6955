import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { type RolledResponse, rollupOperations } from './rollups.server';

// Steps 3 and 4 of storing a response (submit.server.ts), shared by the responses that arrive
// together: while one batch is being written the next one gathers, and then goes as one bulkWrite
// of merged increments (one upsert per rollup document, however many responses it counts) and one
// update that releases every submission key of the batch. Each response is confirmed only after
// its batch is written, so a confirmation still means "counted, and no longer linked". A crash
// mid-batch leaves keys or rolledUp: false behind, which start-up recovery finishes exactly as
// for a single response.

interface Waiting extends RolledResponse {
  responseId: string;
  done: () => void;
  failed: (error: unknown) => void;
}

const maxBatch = 256;
const gathering: Waiting[] = [];
let writing = false;

/** Adds a stored response to its rollups and removes its submission key, with others at once. */
export function rollUpAndRelease(responseId: string, response: RolledResponse): Promise<void> {
  return new Promise((done, failed) => {
    gathering.push({ responseId, ...response, done, failed });
    if (!writing) void writeBatches();
  });
}

async function writeBatches(): Promise<void> {
  writing = true;
  try {
    while (gathering.length > 0) {
      // Bounded, so a stalled database does not turn into one enormous write.
      const batch = gathering.splice(0, maxBatch);
      try {
        await writeBatch(batch);
        for (const waiting of batch) waiting.done();
      } catch (error) {
        for (const waiting of batch) waiting.failed(error);
      }
    }
  } finally {
    writing = false;
  }
}

async function writeBatch(batch: readonly Waiting[]): Promise<void> {
  await RollupModel.collection.bulkWrite(rollupOperations(batch), { ordered: false });
  await ResponseModel.collection.updateMany(
    { _id: { $in: batch.map((waiting) => waiting.responseId) } as never },
    { $unset: { submissionKey: 1 }, $set: { rolledUp: true } },
  );
}
