import type { Document, UpdateFilter } from 'mongodb';
import { ObjectId, Timestamp } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { seededCollection, setupDriverDb } from './driver-context.js';
import type { WriteReply } from './replies.js';
import { run } from './replies.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

type Doc = Document & { _id: number | string | ObjectId };

/** The driver's update typings reject operators on untyped fields; the server is what we test. */
const u = (update: Document): UpdateFilter<Doc> => update;

const seeded = (name: string, docs: Doc[]) => seededCollection<Doc>(ctx, name, docs);

describe('field update operators', () => {
  it('$set $unset $inc $mul $min $max $rename in one update', async () => {
    const coll = await seeded('fields', [
      { _id: 1, a: 1, b: { c: 2 }, n: 10, m: 3, lo: 5, hi: 5, old: 'x', gone: true },
    ]);
    const result = await coll.updateOne(
      { _id: 1 },
      {
        $set: { a: 2, 'b.d': 3, 'new.deep.path': 'v' },
        $unset: { gone: '' },
        $inc: { n: 5, fresh: 2 },
        $mul: { m: 2, zero: 4 },
        $min: { lo: 3 },
        $max: { hi: 3 },
        $rename: { old: 'renamed' },
      },
    );
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(result.upsertedId).toBeNull();
    expect(await coll.findOne({ _id: 1 })).toEqual({
      _id: 1,
      a: 2,
      b: { c: 2, d: 3 },
      n: 15,
      m: 6,
      lo: 3,
      hi: 5,
      renamed: 'x',
      new: { deep: { path: 'v' } },
      fresh: 2,
      zero: 0,
    });
  });

  it('$set on an array index pads with nulls; $unset of an element leaves null', async () => {
    const coll = await seeded('pad', [{ _id: 1, arr: [1, 2], other: [7, 8, 9] }]);
    await coll.updateOne({ _id: 1 }, { $set: { 'arr.4': 'x' }, $unset: { 'other.1': '' } });
    expect(await coll.findOne({ _id: 1 })).toEqual({
      _id: 1,
      arr: [1, 2, null, null, 'x'],
      other: [7, null, 9],
    });
  });

  it('new fields take lexicographic order; a scalar in the path refuses $set', async () => {
    const coll = await seeded('order', [{ _id: 1, a: 5 }]);
    await coll.updateOne({ _id: 1 }, u({ $set: { z: 1, m: { y: 1, b: 2 } }, $inc: { c: 1 } }));
    const doc = await coll.findOne({ _id: 1 });
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'a', 'c', 'm', 'z']);
    await expectServerError(
      coll.updateOne({ _id: 1 }, u({ $set: { 'a.b': 1 } })),
      28,
      'PathNotViable',
    );
    const unset = await coll.updateOne({ _id: 1 }, u({ $unset: { 'a.b': 1 } }));
    expect(unset.modifiedCount).toBe(0);
  });

  it('a no-op update matches but does not modify', async () => {
    const coll = await seeded('noop', [{ _id: 1, a: 1 }]);
    const result = await coll.updateOne({ _id: 1 }, { $set: { a: 1 } });
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    const none = await coll.updateOne({ _id: 99 }, { $set: { a: 1 } });
    expect(none).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 0 });
  });

  it('$currentDate sets a Date or a Timestamp', async () => {
    const coll = await seeded('current', [{ _id: 1 }]);
    const before = Date.now();
    await coll.updateOne(
      { _id: 1 },
      u({ $currentDate: { touched: true, d: { $type: 'date' }, ts: { $type: 'timestamp' } } }),
    );
    const doc = await coll.findOne({ _id: 1 });
    expect(doc?.touched).toBeInstanceOf(Date);
    expect(doc?.d).toBeInstanceOf(Date);
    expect(doc?.ts).toBeInstanceOf(Timestamp);
    const touched = (doc?.touched as Date).getTime();
    expect(touched).toBeGreaterThanOrEqual(before - 5000);
    expect(touched).toBeLessThanOrEqual(Date.now() + 5000);
  });

  it('$bit and, or, xor', async () => {
    const coll = await seeded('bit', [{ _id: 1, n: 13 }]);
    await coll.updateOne({ _id: 1 }, { $bit: { n: { and: 10 } } });
    expect((await coll.findOne({ _id: 1 }))?.n).toBe(8);
    await coll.updateOne({ _id: 1 }, { $bit: { n: { or: 5 } } });
    expect((await coll.findOne({ _id: 1 }))?.n).toBe(13);
    await coll.updateOne({ _id: 1 }, { $bit: { n: { xor: 1 } } });
    expect((await coll.findOne({ _id: 1 }))?.n).toBe(12);
  });
});

describe('array update operators', () => {
  it('$push with $each, $position, $sort and $slice', async () => {
    const coll = await seeded('push', [{ _id: 1, arr: [1, 2] }]);
    await coll.updateOne({ _id: 1 }, u({ $push: { arr: 3 } }));
    expect((await coll.findOne({ _id: 1 }))?.arr).toEqual([1, 2, 3]);
    await coll.updateOne({ _id: 1 }, u({ $push: { arr: { $each: [4, 5], $position: 0 } } }));
    expect((await coll.findOne({ _id: 1 }))?.arr).toEqual([4, 5, 1, 2, 3]);
    await coll.updateOne({ _id: 1 }, u({ $push: { arr: { $each: [9], $sort: 1, $slice: 3 } } }));
    expect((await coll.findOne({ _id: 1 }))?.arr).toEqual([1, 2, 3]);
    await coll.updateOne({ _id: 1 }, u({ $push: { arr: { $each: [], $slice: -2 } } }));
    expect((await coll.findOne({ _id: 1 }))?.arr).toEqual([2, 3]);
    await coll.updateOne({ _id: 1 }, u({ $push: { created: 'x' } }));
    expect((await coll.findOne({ _id: 1 }))?.created).toEqual(['x']);
    await coll.updateOne(
      { _id: 1 },
      u({
        $push: { items: { $each: [{ s: 3 }, { s: 1 }, { s: 2 }], $sort: { s: -1 }, $slice: 2 } },
      }),
    );
    expect((await coll.findOne({ _id: 1 }))?.items).toEqual([{ s: 3 }, { s: 2 }]);
  });

  it('$addToSet with and without $each', async () => {
    const coll = await seeded('addToSet', [{ _id: 1, tags: ['a'] }]);
    const same = await coll.updateOne({ _id: 1 }, { $addToSet: { tags: 'a' } });
    expect(same.modifiedCount).toBe(0);
    await coll.updateOne({ _id: 1 }, { $addToSet: { tags: { $each: ['b', 'a', 'c', 'b'] } } });
    expect((await coll.findOne({ _id: 1 }))?.tags).toEqual(['a', 'b', 'c']);
    await coll.updateOne({ _id: 1 }, { $addToSet: { objs: { x: 1, y: 2 } } });
    await coll.updateOne({ _id: 1 }, { $addToSet: { objs: { x: 1, y: 2 } } });
    await coll.updateOne({ _id: 1 }, { $addToSet: { objs: { y: 2, x: 1 } } });
    // Documents compare field by field in order, so {y, x} is a different value.
    expect((await coll.findOne({ _id: 1 }))?.objs).toEqual([
      { x: 1, y: 2 },
      { y: 2, x: 1 },
    ]);
  });

  it('$pull by value and by condition, $pullAll, $pop', async () => {
    const coll = await seeded('pull', [
      {
        _id: 1,
        nums: [1, 6, 7, 2, 8, 2],
        tags: ['a', 'b', 'a'],
        items: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 5 },
          { sku: 'c', qty: 0 },
        ],
      },
    ]);
    await coll.updateOne({ _id: 1 }, u({ $pull: { nums: { $gte: 6 }, tags: 'a' } }));
    expect(await coll.findOne({ _id: 1 }, { projection: { nums: 1, tags: 1, _id: 0 } })).toEqual({
      nums: [1, 2, 2],
      tags: ['b'],
    });
    await coll.updateOne({ _id: 1 }, u({ $pull: { items: { qty: { $lt: 2 } } } }));
    expect((await coll.findOne({ _id: 1 }))?.items).toEqual([{ sku: 'b', qty: 5 }]);
    await coll.updateOne({ _id: 1 }, u({ $pullAll: { nums: [2, 9] } }));
    expect((await coll.findOne({ _id: 1 }))?.nums).toEqual([1]);
    await coll.updateOne({ _id: 1 }, { $set: { q: [1, 2, 3, 4] } });
    await coll.updateOne({ _id: 1 }, { $pop: { q: 1 } });
    expect((await coll.findOne({ _id: 1 }))?.q).toEqual([1, 2, 3]);
    await coll.updateOne({ _id: 1 }, { $pop: { q: -1 } });
    expect((await coll.findOne({ _id: 1 }))?.q).toEqual([2, 3]);
  });

  it('positional $ updates the first matching element', async () => {
    const coll = await seeded('positional', [
      {
        _id: 1,
        grades: [80, 85, 80],
        items: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 2 },
        ],
      },
    ]);
    await coll.updateOne({ _id: 1, grades: 80 }, { $set: { 'grades.$': 82 } });
    await coll.updateOne({ _id: 1, 'items.sku': 'b' }, { $inc: { 'items.$.qty': 10 } });
    expect(await coll.findOne({ _id: 1 })).toEqual({
      _id: 1,
      grades: [82, 85, 80],
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 12 },
      ],
    });
  });

  it('$[] updates every element and $[name] those matching arrayFilters', async () => {
    const coll = await seeded('allPositional', [
      {
        _id: 1,
        grades: [95, 92, 90],
        items: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 2 },
          { sku: 'a', qty: 3 },
        ],
      },
    ]);
    await coll.updateOne({ _id: 1 }, { $inc: { 'grades.$[]': 10 } });
    expect((await coll.findOne({ _id: 1 }))?.grades).toEqual([105, 102, 100]);
    await coll.updateOne(
      { _id: 1 },
      { $set: { 'grades.$[g]': 100 } },
      { arrayFilters: [{ g: { $gt: 100 } }] },
    );
    expect((await coll.findOne({ _id: 1 }))?.grades).toEqual([100, 100, 100]);
    await coll.updateOne(
      { _id: 1 },
      { $set: { 'items.$[it].qty': 0 } },
      { arrayFilters: [{ 'it.sku': 'a' }] },
    );
    expect((await coll.findOne({ _id: 1 }))?.items).toEqual([
      { sku: 'a', qty: 0 },
      { sku: 'b', qty: 2 },
      { sku: 'a', qty: 0 },
    ]);
  });
});

describe('updateMany and upserts', () => {
  it('updateMany counts matched and modified documents', async () => {
    const coll = await seeded('many', [
      { _id: 1, dept: 'a', flag: true },
      { _id: 2, dept: 'a' },
      { _id: 3, dept: 'a' },
      { _id: 4, dept: 'b' },
    ]);
    const result = await coll.updateMany({ dept: 'a' }, { $set: { flag: true } });
    expect(result).toMatchObject({ matchedCount: 3, modifiedCount: 2, upsertedCount: 0 });
    expect(await coll.countDocuments({ flag: true })).toBe(3);
    const inc = await coll.updateMany({}, { $inc: { n: 1 } });
    expect(inc).toMatchObject({ matchedCount: 4, modifiedCount: 4 });
  });

  it('upsert builds the new document from the equality fields of the filter', async () => {
    const coll = ctx().db.collection<Doc>('upsert');
    const result = await coll.updateOne(
      { name: 'x', age: { $gt: 5 }, 'a.b': 3, $and: [{ p: 1 }], q: { $eq: 'z' } },
      { $set: { c: 1 }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect(result).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
    expect(result.upsertedId).toBeInstanceOf(ObjectId);
    const doc = await coll.findOne({ _id: result.upsertedId as ObjectId });
    expect(doc).toEqual({
      _id: result.upsertedId,
      name: 'x',
      a: { b: 3 },
      p: 1,
      q: 'z',
      c: 1,
      created: true,
    });
  });

  it('upsert takes _id from the filter; $setOnInsert is skipped when the document exists', async () => {
    const coll = ctx().db.collection<Doc>('upsertId');
    const first = await coll.updateOne(
      { _id: 42 },
      { $inc: { n: 1 }, $setOnInsert: { at: 'insert' } },
      { upsert: true },
    );
    expect(first.upsertedId).toBe(42);
    const second = await coll.updateOne(
      { _id: 42 },
      { $inc: { n: 1 }, $setOnInsert: { at: 'again' } },
      { upsert: true },
    );
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(second.upsertedId).toBeNull();
    expect(await coll.findOne({ _id: 42 })).toEqual({ _id: 42, n: 2, at: 'insert' });
  });

  it('a replacement upsert does not copy filter fields other than _id', async () => {
    const coll = ctx().db.collection<Doc>('replaceUpsert');
    const result = await coll.replaceOne({ k: 'z' }, { v: 1 }, { upsert: true });
    expect(result.upsertedCount).toBe(1);
    const doc = await coll.findOne({ _id: result.upsertedId as ObjectId });
    expect(doc).toEqual({ _id: result.upsertedId, v: 1 });
    const withId = await coll.replaceOne({ _id: 'fixed', k: 'y' }, { v: 2 }, { upsert: true });
    expect(withId.upsertedId).toBe('fixed');
    expect(await coll.findOne({ _id: 'fixed' })).toEqual({ _id: 'fixed', v: 2 });
  });

  it('raw update reply carries n, nModified and upserted', async () => {
    const reply = await run<WriteReply>(ctx().db, {
      update: 'rawUpdate',
      updates: [
        { q: { _id: 1 }, u: { $set: { a: 1 } }, upsert: true },
        { q: { _id: 1 }, u: { $set: { a: 2 } } },
        { q: { _id: 2 }, u: { $set: { a: 1 } } },
      ],
    });
    expect(reply.ok).toBe(1);
    expect(reply.n).toBe(2);
    expect(reply.nModified).toBe(1);
    expect(reply.upserted).toEqual([{ index: 0, _id: 1 }]);
  });

  it('accepts an aggregation pipeline as the update', async () => {
    const coll = await seeded('pipelineUpdate', [{ _id: 1, a: 2, b: 3, tmp: 'x' }]);
    await coll.updateOne({ _id: 1 }, [
      { $set: { total: { $add: ['$a', '$b'] } } },
      { $unset: 'tmp' },
    ]);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2, b: 3, total: 5 });
  });
});

describe('replace and _id immutability', () => {
  it('replaceOne keeps the _id and drops the other fields', async () => {
    const coll = await seeded('replace', [{ _id: 5, a: 1, b: 2 }]);
    const result = await coll.replaceOne({ _id: 5 }, { c: 3 });
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await coll.findOne({ _id: 5 })).toEqual({ _id: 5, c: 3 });
  });

  it('changing _id fails with 66 ImmutableField', async () => {
    const coll = await seeded('immutable', [{ _id: 6, a: 1 }]);
    await expectServerError(coll.replaceOne({ _id: 6 }, { _id: 7, a: 2 }), 66, 'ImmutableField');
    await expectServerError(coll.updateOne({ _id: 6 }, { $set: { _id: 8 } }), 66, 'ImmutableField');
    expect(await coll.find().toArray()).toEqual([{ _id: 6, a: 1 }]);
    const same = await coll.updateOne({ _id: 6 }, { $set: { _id: 6, a: 3 } });
    expect(same.modifiedCount).toBe(1);
    expect(await coll.findOne({ _id: 6 })).toEqual({ _id: 6, a: 3 });
  });
});
