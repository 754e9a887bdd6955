import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// A `$range` whose bounds come from the documents cannot be checked before the query runs: a huge
// value in the data must fail the command (MongoDB answers its memory-limit error), never exhaust
// the server's memory, and the server goes on answering.

const ctx = setupDriverDb(import.meta.url);

async function failure(action: Promise<unknown>): Promise<unknown> {
  return action.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('$range over values from the data', () => {
  it('fails the command when a document asks for a gigantic array', async () => {
    const coll = ctx().db.collection<{ _id: number; n: number }>('ranges');
    await coll.insertMany([
      { _id: 1, n: 3 },
      { _id: 2, n: 1e12 },
    ]);
    expect(
      await failure(
        coll.aggregate([{ $project: { r: { $size: { $range: [0, '$n'] } } } }]).toArray(),
      ),
    ).toBeInstanceOf(MongoServerError);
    expect(
      await failure(
        coll.find({ $expr: { $gt: [{ $size: { $range: [0, '$n', 1] } }, 0] } }).toArray(),
      ),
    ).toBeInstanceOf(MongoServerError);
    expect(
      await failure(coll.updateOne({ _id: 2 }, [{ $set: { r: { $range: [0, '$n'] } } }])),
    ).toBeInstanceOf(MongoServerError);
    // Small ranges from the data still work.
    expect(
      await coll
        .aggregate([{ $match: { _id: 1 } }, { $project: { r: { $range: [0, '$n'] } } }])
        .toArray(),
    ).toEqual([{ _id: 1, r: [0, 1, 2] }]);
    expect(await ctx().db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});
