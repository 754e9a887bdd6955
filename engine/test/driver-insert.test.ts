import { MongoBulkWriteError, MongoServerError, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import type { WriteReply } from './replies.js';
import { run } from './replies.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

interface Item {
  _id: number;
  v?: string;
}

async function bulkError(action: Promise<unknown>): Promise<MongoBulkWriteError> {
  const error = await action.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoBulkWriteError);
  return error as MongoBulkWriteError;
}

describe('insert', () => {
  it('insertOne assigns an ObjectId _id and stores the document', async () => {
    const coll = ctx().db.collection('one');
    const result = await coll.insertOne({ name: 'ada' });
    expect(result.acknowledged).toBe(true);
    expect(result.insertedId).toBeInstanceOf(ObjectId);
    expect(await coll.findOne({ _id: result.insertedId })).toEqual({
      _id: result.insertedId,
      name: 'ada',
    });
  });

  it('the server adds _id first when a raw insert has none', async () => {
    await ctx().db.command({ insert: 'raw', documents: [{ b: 1, a: 2 }] });
    const doc = await ctx().db.collection('raw').findOne({});
    expect(doc).not.toBeNull();
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'b', 'a']);
    expect(doc?._id).toBeInstanceOf(ObjectId);
  });

  it('insertMany reports every insertedId', async () => {
    const coll = ctx().db.collection<Item>('many');
    const result = await coll.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    expect(result.insertedCount).toBe(3);
    expect(result.insertedIds).toEqual({ 0: 1, 1: 2, 2: 3 });
    expect(await coll.countDocuments()).toBe(3);
  });

  it('duplicate _id → 11000 with keyPattern and keyValue', async () => {
    const coll = ctx().db.collection<Item>('dup_id');
    await coll.insertOne({ _id: 7 });
    const error = await expectServerError(coll.insertOne({ _id: 7, v: 'again' }), 11000);
    expect(error.message).toMatch(/E11000 duplicate key error/);
    expect(error.keyPattern).toEqual({ _id: 1 });
    expect(error.keyValue).toEqual({ _id: 7 });
    expect(await coll.findOne({ _id: 7 })).toEqual({ _id: 7 });
  });

  it('ordered insertMany stops at the first duplicate', async () => {
    const coll = ctx().db.collection<Item>('ordered');
    await coll.insertOne({ _id: 3 });
    const error = await bulkError(
      coll.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }, { _id: 4 }, { _id: 5 }]),
    );
    expect(error.code).toBe(11000);
    expect(error.insertedCount).toBe(2);
    const writeErrors = error.result.getWriteErrors();
    expect(writeErrors).toHaveLength(1);
    expect(writeErrors[0].index).toBe(2);
    expect(writeErrors[0].code).toBe(11000);
    const ids = (await coll.find().sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(ids).toEqual([1, 2, 3]);
  });

  it('unordered insertMany inserts everything else and reports each duplicate', async () => {
    const coll = ctx().db.collection<Item>('unordered');
    await coll.insertMany([{ _id: 2 }, { _id: 4 }]);
    const error = await bulkError(
      coll.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }, { _id: 4 }, { _id: 5 }, { _id: 6 }], {
        ordered: false,
      }),
    );
    expect(error.insertedCount).toBe(4);
    const writeErrors = error.result.getWriteErrors();
    expect(writeErrors.map((w) => [w.index, w.code])).toEqual([
      [1, 11000],
      [3, 11000],
    ]);
    const ids = (await coll.find().sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('raw insert reply: n, writeErrors with index, code, errmsg, keyValue', async () => {
    const coll = ctx().db.collection<Item>('raw_dup');
    await coll.insertOne({ _id: 1 });
    const reply = await run<WriteReply>(ctx().db, {
      insert: 'raw_dup',
      documents: [{ _id: 1 }, { _id: 2 }, { _id: 2 }, { _id: 3 }],
      ordered: false,
    });
    expect(reply.ok).toBe(1);
    expect(reply.n).toBe(2);
    expect(reply.writeErrors).toHaveLength(2);
    expect(reply.writeErrors?.[0]).toMatchObject({ index: 0, code: 11000, keyValue: { _id: 1 } });
    expect(reply.writeErrors?.[1]).toMatchObject({ index: 2, code: 11000, keyValue: { _id: 2 } });
    expect(typeof reply.writeErrors?.[0].errmsg).toBe('string');

    const ordered = await run<WriteReply>(ctx().db, {
      insert: 'raw_dup',
      documents: [{ _id: 10 }, { _id: 1 }, { _id: 11 }],
    });
    expect(ordered.ok).toBe(1);
    expect(ordered.n).toBe(1);
    expect(ordered.writeErrors).toHaveLength(1);
    expect(ordered.writeErrors?.[0]).toMatchObject({ index: 1, code: 11000 });
    expect(await coll.countDocuments({ _id: 11 })).toBe(0);
  });

  it('creates the collection implicitly on first insert', async () => {
    const { db } = ctx();
    await db.collection('implicit').insertOne({ a: 1 });
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('implicit');
  });

  it('rejects an _id that is an array', async () => {
    const coll = ctx().db.collection<{ _id: unknown }>('invalid');
    const error = await coll.insertOne({ _id: [1, 2] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MongoServerError);
    // "can't use an array for _id": BadValue in the 4.x-7.x sources; InvalidIdField in some builds.
    expect([2, 53]).toContain((error as MongoServerError).code);
    expect(await coll.countDocuments()).toBe(0);
  });
});
