import type { Collection, Db } from 'mongodb';
import { BSONRegExp, MongoClient, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { connectTarget, uniqueDbName } from './harness.js';
import { expectServerError } from './server-error.js';

// Hostile or oversized requests must fail as one command, never take the server down. Each test
// gets its own server (the embedded engine in a child process) so one crash cannot hide another.

type Row = { _id: number; arr?: unknown[]; a?: string };

async function withServer(fn: (coll: Collection<Row>, db: Db) => Promise<void>): Promise<void> {
  const target = await connectTarget({ isolated: true });
  const client = new MongoClient(target.uri, {
    maxPoolSize: 1,
    serverSelectionTimeoutMS: 2000,
    socketTimeoutMS: 5000,
  });
  const db = client.db(uniqueDbName(import.meta.url));
  try {
    await fn(db.collection<Row>('limits'), db);
    expect(await db.command({ ping: 1 }), 'the server still answers').toMatchObject({ ok: 1 });
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close(true);
    await target.cleanup().catch(() => undefined);
  }
}

describe('limits and hostile inputs', () => {
  it('refuses to backfill an array by more than 1,500,000 elements (34 CannotBackfillArray)', () =>
    withServer(async (coll) => {
      await coll.insertOne({ _id: 1, arr: [] });
      await expectServerError(
        coll.updateOne({ _id: 1 }, { $set: { 'arr.1600000': 1 } }),
        34,
        'CannotBackfillArray',
      );
      expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, arr: [] });
    }));

  it('$sample needs a size (28749) given in a document (28745)', () =>
    withServer(async (coll) => {
      await coll.insertMany([{ _id: 2 }, { _id: 3 }, { _id: 4 }, { _id: 5 }]);
      await expectServerError(coll.aggregate([{ $sample: {} }]).toArray(), 28749);
      await expectServerError(coll.aggregate([{ $sample: [] }]).toArray(), 28745);
      await expectServerError(coll.aggregate([{ $sample: { size: -1 } }]).toArray(), 28747);
      const two = await coll.aggregate<Row>([{ $sample: { size: 2 } }]).toArray();
      expect(two).toHaveLength(2);
      expect(new Set(two.map((d) => d._id)).size).toBe(2);
    }));

  it('an invalid $regex string fails the query with 51091', () =>
    withServer(async (coll) => {
      await coll.insertOne({ _id: 10, a: 'text' });
      await expectServerError(coll.find({ a: { $regex: '(' } }).toArray(), 51091);
    }));

  it('an invalid BSON regular expression fails the query with 51091', () =>
    withServer(async (coll) => {
      await coll.insertOne({ _id: 10, a: 'text' });
      await expectServerError(coll.find({ a: new BSONRegExp('(') }).toArray(), 51091);
    }));

  it('an aggregation that would build a gigantic array fails instead of exhausting memory', () =>
    withServer(async (coll) => {
      await coll.insertOne({ _id: 1 });
      const error = await coll
        .aggregate([{ $project: { r: { $range: [0, 1_000_000_000] } } }])
        .toArray()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(MongoServerError);
    }));
});
