import type { Document } from 'mongodb';
import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { seededCollection, setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// What MongoDB 7.0 refuses: statement options only 8.0 accepts (the update command's `sort`, new in
// 8.0, is an unknown field to 7.0's parser), and the duplicate key error of $merge and $out, which
// carries keyPattern and keyValue like any other E11000.

const ctx = setupDriverDb(import.meta.url);

type Doc = Document & { _id: number };

const seeded = (name: string, docs: Doc[]) => seededCollection<Doc>(ctx, name, docs);

describe('options only MongoDB 8.0 accepts', () => {
  it("updateOne with sort answers 7.0's unknown-field error and changes nothing", async () => {
    const coll = await seeded('sortupdate', [
      { _id: 1, n: 1 },
      { _id: 2, n: 2 },
    ]);
    const error = await expectServerError(
      coll.updateOne({}, { $set: { hit: true } }, { sort: { n: -1 } }),
      40415,
    );
    expect(error.message).toContain("BSON field 'update.updates.sort' is an unknown field");
    expect(await coll.countDocuments({ hit: true })).toBe(0);
  });

  it('replaceOne with sort is refused the same way', async () => {
    const coll = await seeded('sortreplace', [{ _id: 1, n: 1 }]);
    await expectServerError(coll.replaceOne({}, { n: 5 }, { sort: { n: 1 } }), 40415);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, n: 1 });
  });

  it('a bulk write with a sorted updateOne is refused as a whole', async () => {
    const coll = await seeded('sortbulk', [{ _id: 1, n: 1 }]);
    let caught: unknown;
    try {
      await coll.bulkWrite([
        { updateOne: { filter: {}, update: { $set: { n: 2 } } } },
        { updateOne: { filter: {}, update: { $set: { n: 3 } }, sort: { n: 1 } } },
      ]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MongoServerError);
    expect((caught as MongoServerError).code).toBe(40415);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, n: 1 });
  });

  it('unknown fields in update and delete statements are refused, known ones accepted', async () => {
    await seeded('unknownfields', [{ _id: 1, n: 1 }]);
    const db = ctx().db;
    const update = await expectServerError(
      db.command({
        update: 'unknownfields',
        updates: [{ q: {}, u: { $set: { n: 2 } }, bogus: 1 }],
      }),
      40415,
    );
    expect(update.message).toContain("BSON field 'update.updates.bogus' is an unknown field");
    const remove = await expectServerError(
      db.command({ delete: 'unknownfields', deletes: [{ q: {}, limit: 1, sort: { n: 1 } }] }),
      40415,
    );
    expect(remove.message).toContain("BSON field 'delete.deletes.sort' is an unknown field");
    const fine = await db.command({
      update: 'unknownfields',
      updates: [
        {
          q: { _id: 1 },
          u: [{ $set: { n: '$$two' } }],
          c: { two: 2 },
          multi: false,
          upsert: false,
          hint: { _id: 1 },
        },
      ],
    });
    expect(fine).toMatchObject({ ok: 1, n: 1, nModified: 1 });
    expect(await db.collection<Doc>('unknownfields').findOne({ _id: 1 })).toEqual({ _id: 1, n: 2 });
  });
});

describe('commands only MongoDB 8.0 has', () => {
  it('the bulkWrite command (8.0) is not found', async () => {
    await expectServerError(
      ctx()
        .client.db('admin')
        .command({
          bulkWrite: 1,
          ops: [{ insert: 0, document: { _id: 1 } }],
          nsInfo: [{ ns: `${ctx().dbName}.bulkcmd` }],
        }),
      59,
      'CommandNotFound',
    );
    expect(await ctx().db.collection('bulkcmd').countDocuments()).toBe(0);
  });
});

describe('$merge and $out duplicate key errors', () => {
  it("whenMatched: 'fail' answers 11000 with keyPattern and keyValue of _id", async () => {
    const source = await seeded('mergesrc', [{ _id: 1, v: 'new' }]);
    await seeded('mergedst', [{ _id: 1, v: 'old' }]);
    const error = await expectServerError(
      source
        .aggregate([
          { $merge: { into: 'mergedst', whenMatched: 'fail', whenNotMatched: 'insert' } },
        ])
        .toArray(),
      11000,
      'DuplicateKey',
    );
    expect(error.errorResponse.keyPattern).toEqual({ _id: 1 });
    expect(error.errorResponse.keyValue).toEqual({ _id: 1 });
    expect(error.message).toContain('E11000 duplicate key error');
  });

  it('a merge or insert that clashes on another unique index names that index', async () => {
    const source = await seeded('uniqsrc', [
      { _id: 1, email: 'b@x' },
      { _id: 3, email: 'a@x' },
    ]);
    const target = await seeded('uniqdst', [
      { _id: 1, email: 'a@x' },
      { _id: 2, email: 'b@x' },
    ]);
    await target.createIndex({ email: 1 }, { unique: true });
    const error = await expectServerError(
      source.aggregate([{ $match: { _id: 1 } }, { $merge: { into: 'uniqdst' } }]).toArray(),
      11000,
      'DuplicateKey',
    );
    expect(error.errorResponse.keyPattern).toEqual({ email: 1 });
    expect(error.errorResponse.keyValue).toEqual({ email: 'b@x' });
    const inserted = await expectServerError(
      source.aggregate([{ $match: { _id: 3 } }, { $merge: { into: 'uniqdst' } }]).toArray(),
      11000,
      'DuplicateKey',
    );
    expect(inserted.errorResponse.keyPattern).toEqual({ email: 1 });
    expect(inserted.errorResponse.keyValue).toEqual({ email: 'a@x' });
  });

  it("whenMatched: 'fail' on a unique field answers that index's key", async () => {
    const source = await seeded('onsrc', [{ _id: 7, code: 'k1' }]);
    const target = await seeded('ondst', [{ _id: 1, code: 'k1' }]);
    await target.createIndex({ code: 1 }, { unique: true });
    const error = await expectServerError(
      source
        .aggregate([
          { $project: { _id: 0, code: 1 } },
          { $merge: { into: 'ondst', on: 'code', whenMatched: 'fail' } },
        ])
        .toArray(),
      11000,
      'DuplicateKey',
    );
    expect(error.errorResponse.keyPattern).toEqual({ code: 1 });
    expect(error.errorResponse.keyValue).toEqual({ code: 'k1' });
  });

  it('$merge on fields without a unique index on exactly them is refused (51183)', async () => {
    const source = await seeded('onlesssrc', [{ _id: 7, code: 'k1', kind: 'a' }]);
    const target = await seeded('onlessdst', [{ _id: 1, code: 'k1', kind: 'a' }]);
    await target.createIndex({ code: 1 });
    await target.createIndex(
      { kind: 1 },
      { unique: true, partialFilterExpression: { kind: { $exists: true } } },
    );
    for (const on of ['code', 'kind', ['code', 'kind'], 'nowhere']) {
      await expectServerError(
        source
          .aggregate([{ $project: { _id: 0 } }, { $merge: { into: 'onlessdst', on } }])
          .toArray(),
        51183,
      );
    }
    await expectServerError(
      source.aggregate([{ $merge: { into: 'onlessnew', on: 'code' } }]).toArray(),
      51183,
    );
    expect(await target.find().toArray()).toEqual([{ _id: 1, code: 'k1', kind: 'a' }]);
    // The unique index on exactly the fields, in any order, is what it needs.
    await target.createIndex({ kind: 1, code: 1 }, { unique: true });
    await source
      .aggregate([
        { $project: { _id: 0 } },
        { $merge: { into: 'onlessdst', on: ['code', 'kind'] } },
      ])
      .toArray();
    expect(await target.countDocuments()).toBe(1);
  });

  it('$out of a result with a repeated _id answers 11000 with keyPattern and keyValue', async () => {
    const source = await seeded('outsrc', [
      { _id: 1, g: 'x' },
      { _id: 2, g: 'x' },
    ]);
    const error = await expectServerError(
      source.aggregate([{ $project: { _id: '$g' } }, { $out: 'outdst' }]).toArray(),
      11000,
      'DuplicateKey',
    );
    expect(error.errorResponse.keyPattern).toEqual({ _id: 1 });
    expect(error.errorResponse.keyValue).toEqual({ _id: 'x' });
  });
});
