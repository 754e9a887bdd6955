import type { Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

type Doc = Document & { _id: number };

const docs: Doc[] = [
  { _id: 1, name: 'Ann', a: null, nums: [1, 6, 9], grades: [80, 90, 95], sub: { x: 1 } },
  { _id: 2, name: 'bob', nums: [7], grades: [70, 85], sub: { x: 2 } },
  { _id: 3, name: 'Cid', a: 5, nums: [], grades: [60] },
  { _id: 4, a: 'text', nums: [2, 3] },
];

const coll = () => ctx().db.collection<Doc>('edge');
const ids = async (filter: Document, sort: Document = { _id: 1 }) =>
  (await coll().find(filter).sort(sort).toArray()).map((d) => d._id);

beforeAll(async () => {
  await coll().insertMany(docs.map((d) => ({ ...d })));
});

describe('query edge cases', () => {
  it('null, $exists and $ne null', async () => {
    expect(await ids({ a: null })).toEqual([1, 2]);
    expect(await ids({ a: { $exists: true } })).toEqual([1, 3, 4]);
    expect(await ids({ a: { $ne: null } })).toEqual([3, 4]);
    expect(await ids({ a: { $type: 'null' } })).toEqual([1]);
    expect(await ids({ a: { $type: ['string', 'null'] } })).toEqual([1, 4]);
  });

  it('empty $in, $nin and $all', async () => {
    expect(await ids({ nums: { $in: [] } })).toEqual([]);
    expect(await ids({ nums: { $nin: [] } })).toEqual([1, 2, 3, 4]);
    expect(await ids({ nums: { $all: [] } })).toEqual([]);
  });

  it('$elemMatch on scalars, $not with a regex, missing fields', async () => {
    expect(await ids({ nums: { $elemMatch: { $gt: 5, $lt: 8 } } })).toEqual([1, 2]);
    // Without $elemMatch, different elements may satisfy each bound.
    expect(await ids({ nums: { $gt: 5, $lt: 8 } })).toEqual([1, 2]);
    expect(await ids({ nums: { $gt: 8, $lt: 2 } })).toEqual([1]);
    expect(await ids({ nums: { $elemMatch: { $gt: 8, $lt: 2 } } })).toEqual([]);
    expect(await ids({ name: { $not: /^[A-Z]/ } })).toEqual([2, 4]);
    expect(await ids({ nums: [] })).toEqual([3]);
  });

  it('sorts by a nested field with missing values first', async () => {
    expect(await ids({}, { 'sub.x': -1, _id: 1 })).toEqual([2, 1, 3, 4]);
    expect(await ids({}, { 'sub.x': 1, _id: 1 })).toEqual([3, 4, 1, 2]);
  });

  it('positional projection returns the first matching element', async () => {
    const doc = await coll().findOne({ grades: { $gte: 85 } }, { projection: { 'grades.$': 1 } });
    expect(doc).toEqual({ _id: 1, grades: [90] });
  });

  it('limit with batchSize, limit(0) and distinct on _id', async () => {
    const many = ctx().db.collection<Doc>('edgeMany');
    await many.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i })));
    expect(await many.find().batchSize(3).limit(10).toArray()).toHaveLength(10);
    expect(await many.find().limit(0).toArray()).toHaveLength(30);
    expect((await many.distinct('_id', { _id: { $lt: 3 } })).sort()).toEqual([0, 1, 2]);
  });
});

describe('update edge cases', () => {
  it('no-op operators leave modifiedCount at 0', async () => {
    const c = ctx().db.collection<Doc>('edgeNoop');
    await c.insertOne({ _id: 1, arr: [], a: 1 });
    expect((await c.updateOne({ _id: 1 }, { $unset: { missing: '' } })).modifiedCount).toBe(0);
    expect((await c.updateOne({ _id: 1 }, { $rename: { missing: 'b' } })).modifiedCount).toBe(0);
    expect((await c.updateOne({ _id: 1 }, { $pop: { arr: 1 } })).modifiedCount).toBe(0);
    expect((await c.updateOne({ _id: 1 }, { $min: { a: 5 } })).modifiedCount).toBe(0);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, arr: [], a: 1 });
  });

  it('$addToSet creates the array; $min and $max compare dates', async () => {
    const c = ctx().db.collection<Doc>('edgeCreate');
    await c.insertOne({ _id: 1, first: new Date('2024-05-01Z'), last: new Date('2024-05-01Z') });
    await c.updateOne(
      { _id: 1 },
      {
        $addToSet: { tags: 'x' },
        $min: { first: new Date('2024-01-01Z') },
        $max: { last: new Date('2024-12-31Z') },
      },
    );
    expect(await c.findOne({ _id: 1 })).toEqual({
      _id: 1,
      first: new Date('2024-01-01Z'),
      last: new Date('2024-12-31Z'),
      tags: ['x'],
    });
  });

  it('$set and $setOnInsert on the same path conflict (40)', async () => {
    await expectServerError(
      ctx()
        .db.collection<Doc>('edgeConflict')
        .updateOne({ _id: 1 }, { $set: { a: 1 }, $setOnInsert: { a: 2 } }, { upsert: true }),
      40,
    );
  });

  it('updateMany with upsert inserts exactly one document when nothing matches', async () => {
    const c = ctx().db.collection<Doc>('edgeUpsertMany');
    const result = await c.updateMany({ kind: 'k' }, { $set: { v: 1 } }, { upsert: true });
    expect(result).toMatchObject({ matchedCount: 0, upsertedCount: 1 });
    expect(await c.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ kind: 'k', v: 1 }]);
  });

  it('findOneAndUpdate honours arrayFilters', async () => {
    const c = ctx().db.collection<Doc>('edgeFam');
    await c.insertOne({
      _id: 1,
      items: [
        { k: 'a', n: 1 },
        { k: 'b', n: 2 },
      ],
    });
    const after = await c.findOneAndUpdate(
      { _id: 1 },
      { $inc: { 'items.$[i].n': 10 } },
      { arrayFilters: [{ 'i.k': 'b' }], returnDocument: 'after' },
    );
    expect(after?.items).toEqual([
      { k: 'a', n: 1 },
      { k: 'b', n: 12 },
    ]);
  });
});

describe('index options', () => {
  it('a TTL index reports expireAfterSeconds', async () => {
    const c = ctx().db.collection<Doc>('edgeTtl');
    expect(await c.createIndex({ at: 1 }, { expireAfterSeconds: 3600 })).toBe('at_1');
    const index = (await c.indexes()).find((i) => i.name === 'at_1');
    expect(index).toMatchObject({ key: { at: 1 }, expireAfterSeconds: 3600 });
  });

  it('a partial unique index only constrains matching documents', async () => {
    const c = ctx().db.collection<Doc>('edgePartial');
    await c.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { active: true } });
    const index = (await c.indexes()).find((i) => i.name === 'email_1');
    expect(index).toMatchObject({ unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([
      { _id: 1, email: 'x', active: false },
      { _id: 2, email: 'x', active: false },
      { _id: 3, email: 'x', active: true },
    ]);
    await expectServerError(c.insertOne({ _id: 4, email: 'x', active: true }), 11000);
    await c.updateOne({ _id: 3 }, { $set: { active: false } });
    await c.insertOne({ _id: 4, email: 'x', active: true });
  });

  it('a unique index on a nested field', async () => {
    const c = ctx().db.collection<Doc>('edgeNested');
    await c.createIndex({ 'profile.handle': 1 }, { unique: true });
    await c.insertOne({ _id: 1, profile: { handle: 'h' } });
    const error = await expectServerError(c.insertOne({ _id: 2, profile: { handle: 'h' } }), 11000);
    expect(error.keyValue).toEqual({ 'profile.handle': 'h' });
  });
});
