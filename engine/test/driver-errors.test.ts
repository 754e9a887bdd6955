import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import type { CursorReply, WriteReply } from './replies.js';
import { run } from './replies.js';
import { expectServerError } from './server-error.js';

// One pooled connection, so "the connection stays usable" means exactly that connection.
const ctx = setupDriverDb(import.meta.url, { maxPoolSize: 1 });

async function stillUsable(): Promise<void> {
  expect(await ctx().db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  const coll = ctx().db.collection('alive');
  await coll.insertOne({ at: new Date() });
  expect(await coll.countDocuments()).toBeGreaterThan(0);
}

describe('command errors answer with MongoDB codes and keep the connection usable', () => {
  it('unknown command → 59 CommandNotFound', async () => {
    const error = await expectServerError(
      ctx().db.command({ definitelyNotACommand: 1 }),
      59,
      'CommandNotFound',
    );
    expect(error.message).toContain('definitelyNotACommand');
    await stillUsable();
  });

  it('find with a string filter → 14 TypeMismatch', async () => {
    await expectServerError(ctx().db.command({ find: 'c', filter: 'x' }), 14, 'TypeMismatch');
    await stillUsable();
  });

  it('insert with non-array documents → 14 TypeMismatch', async () => {
    await expectServerError(ctx().db.command({ insert: 'c', documents: 5 }), 14, 'TypeMismatch');
    await stillUsable();
  });

  it('find command with a negative limit → 51024; the driver maps limit(-n) to singleBatch', async () => {
    await expectServerError(ctx().db.command({ find: 'neg', limit: -1 }), 51024);
    const coll = ctx().db.collection<{ i: number }>('neg');
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ i })));
    const docs = await coll.find().sort({ i: 1 }).limit(-3).toArray();
    expect(docs.map((d) => d.i)).toEqual([0, 1, 2]);
    const raw = await run<CursorReply>(ctx().db, {
      find: 'neg',
      limit: 3,
      singleBatch: true,
      batchSize: 2,
    });
    expect(raw.cursor.id.toString()).toBe('0');
    expect(raw.cursor.firstBatch).toHaveLength(2);
    await stillUsable();
  });

  it('unknown query operator → 2 BadValue (field level and top level)', async () => {
    const coll = ctx().db.collection('ops');
    await coll.insertOne({ a: 1 });
    await expectServerError(coll.find({ a: { $foo: 1 } }).toArray(), 2, 'BadValue');
    await expectServerError(coll.find({ $foo: 1 }).toArray(), 2, 'BadValue');
    await stillUsable();
  });

  it('unknown pipeline stage → 40324', async () => {
    const error = await expectServerError(
      ctx()
        .db.collection('ops')
        .aggregate([{ $foo: {} }])
        .toArray(),
      40324,
    );
    expect(error.message).toContain('$foo');
    await stillUsable();
  });

  it('unknown update operator → write error 9 FailedToParse', async () => {
    const reply = await run<WriteReply>(ctx().db, {
      update: 'ops',
      updates: [{ q: {}, u: { $foo: { a: 1 } } }],
    });
    expect(reply.ok).toBe(1);
    expect(reply.n).toBe(0);
    expect(reply.writeErrors).toHaveLength(1);
    expect(reply.writeErrors?.[0]).toMatchObject({ index: 0, code: 9 });
    await expectServerError(
      ctx()
        .db.collection('ops')
        .updateOne({}, { $foo: { a: 1 } }),
      9,
    );
    await stillUsable();
  });

  it('conflicting update paths → 40 ConflictingUpdateOperators', async () => {
    await expectServerError(
      ctx()
        .db.collection('ops')
        .updateOne({}, { $set: { a: 1 }, $inc: { a: 1 } }),
      40,
      'ConflictingUpdateOperators',
    );
    await stillUsable();
  });

  it('$inc on a string → 14 TypeMismatch; $push on a non-array → 2 BadValue', async () => {
    const coll = ctx().db.collection<{ _id: number; s: string; n: number }>('types');
    await coll.insertOne({ _id: 1, s: 'text', n: 5 });
    await expectServerError(coll.updateOne({ _id: 1 }, { $inc: { s: 1 } as never }), 14);
    await expectServerError(coll.updateOne({ _id: 1 }, { $push: { n: 1 } as never }), 2);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, s: 'text', n: 5 });
    await stillUsable();
  });

  it('error replies carry ok:0, errmsg, code and codeName', async () => {
    const error = await expectServerError(ctx().db.command({ definitelyNotACommand: 1 }), 59);
    expect(error.errorResponse).toMatchObject({ ok: 0, code: 59, codeName: 'CommandNotFound' });
    expect(typeof error.errorResponse.errmsg).toBe('string');
    await stillUsable();
  });
});
