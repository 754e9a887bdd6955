import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { ids, people } from './find-fixtures.js';
import type { CursorReply } from './replies.js';
import { run } from './replies.js';

const ctx = setupDriverDb(import.meta.url);

const coll = () => ctx().db.collection<{ _id: number; [key: string]: unknown }>('people');

beforeAll(async () => {
  await coll().insertMany(people);
});

describe('find filters', () => {
  it('equality, comparison and logical operators', async () => {
    expect(ids(await coll().find({ dept: 'eng' }).toArray())).toEqual([1, 2]);
    expect(
      ids(
        await coll()
          .find({ age: { $gte: 36 } })
          .toArray(),
      ),
    ).toEqual([1, 3, 5]);
    expect(
      ids(
        await coll()
          .find({ age: { $gt: 28, $lt: 50 } })
          .toArray(),
      ),
    ).toEqual([1, 3]);
    expect(
      ids(
        await coll()
          .find({ $and: [{ dept: 'sales' }, { age: 28 }] })
          .toArray(),
      ),
    ).toEqual([4]);
    expect(
      ids(
        await coll()
          .find({ $or: [{ dept: 'eng' }, { age: 50 }] })
          .toArray(),
      ),
    ).toEqual([1, 2, 5]);
    expect(
      ids(
        await coll()
          .find({ $nor: [{ dept: 'eng' }, { dept: 'sales' }] })
          .toArray(),
      ),
    ).toEqual([5]);
    expect(
      ids(
        await coll()
          .find({ age: { $in: [28, 50] } })
          .toArray(),
      ),
    ).toEqual([2, 4, 5]);
    expect(
      ids(
        await coll()
          .find({ age: { $nin: [28, 50] } })
          .toArray(),
      ),
    ).toEqual([1, 3]);
    expect(
      ids(
        await coll()
          .find({ dept: { $ne: 'eng' } })
          .toArray(),
      ),
    ).toEqual([3, 4, 5]);
    expect(
      ids(
        await coll()
          .find({ age: { $not: { $gt: 30 } } })
          .toArray(),
      ),
    ).toEqual([2, 4]);
  });

  it('null and $exists match missing fields', async () => {
    expect(ids(await coll().find({ dept: null }).toArray())).toEqual([5]);
    expect(
      ids(
        await coll()
          .find({ dept: { $exists: false } })
          .toArray(),
      ),
    ).toEqual([5]);
    expect(
      ids(
        await coll()
          .find({ address: { $exists: true } })
          .toArray(),
      ),
    ).toEqual([1, 2, 3]);
  });

  it('$regex with options and regex inside $in', async () => {
    expect(
      ids(
        await coll()
          .find({ name: { $regex: '^c', $options: 'i' } })
          .toArray(),
      ),
    ).toEqual([3]);
    expect(
      ids(
        await coll()
          .find({ name: /^[A-C]/ })
          .toArray(),
      ),
    ).toEqual([1, 2]);
    expect(
      ids(
        await coll()
          .find({ name: { $in: [/^E/, 'Ada'] } })
          .toArray(),
      ),
    ).toEqual([1, 5]);
  });

  it('dotted paths into subdocuments and arrays of subdocuments', async () => {
    expect(ids(await coll().find({ 'address.city': 'London' }).toArray())).toEqual([1, 3]);
    expect(
      ids(
        await coll()
          .find({ 'address.zip': { $exists: true } })
          .toArray(),
      ),
    ).toEqual([1]);
    expect(ids(await coll().find({ 'scores.subject': 'art' }).toArray())).toEqual([1, 4]);
    expect(
      ids(
        await coll()
          .find({ 'scores.score': { $gte: 90 } })
          .toArray(),
      ),
    ).toEqual([1, 4]);
    expect(ids(await coll().find({ 'scores.0.score': 70 }).toArray())).toEqual([2]);
    expect(
      ids(
        await coll()
          .find({ address: { city: 'Paris' } })
          .toArray(),
      ),
    ).toEqual([2]);
  });

  it('array fields: element match, whole-array match, $all, $size, $elemMatch', async () => {
    expect(ids(await coll().find({ tags: 'lead' }).toArray())).toEqual([1, 4]);
    expect(
      ids(
        await coll()
          .find({ tags: ['lead', 'math'] })
          .toArray(),
      ),
    ).toEqual([1]);
    expect(
      ids(
        await coll()
          .find({ tags: ['math', 'lead'] })
          .toArray(),
      ),
    ).toEqual([]);
    expect(
      ids(
        await coll()
          .find({ tags: { $all: ['math', 'lead'] } })
          .toArray(),
      ),
    ).toEqual([1]);
    expect(
      ids(
        await coll()
          .find({ tags: { $size: 0 } })
          .toArray(),
      ),
    ).toEqual([3]);
    // Without $elemMatch the two conditions may be met by different elements.
    expect(
      ids(
        await coll()
          .find({ 'scores.subject': 'math', 'scores.score': { $lt: 65 } })
          .toArray(),
      ),
    ).toEqual([1]);
    expect(
      ids(
        await coll()
          .find({ scores: { $elemMatch: { subject: 'math', score: { $lt: 65 } } } })
          .toArray(),
      ),
    ).toEqual([]);
    expect(
      ids(
        await coll()
          .find({ scores: { $elemMatch: { subject: 'art', score: { $gte: 60 } } } })
          .toArray(),
      ),
    ).toEqual([1, 4]);
  });

  it('$type, $mod and $expr', async () => {
    expect(
      ids(
        await coll()
          .find({ address: { $type: 'object' } })
          .toArray(),
      ),
    ).toEqual([1, 2, 3]);
    expect(
      ids(
        await coll()
          .find({ age: { $mod: [7, 0] } })
          .toArray(),
      ),
    ).toEqual([2, 4]);
    expect(
      ids(
        await coll()
          .find({ $expr: { $gt: ['$age', 40] } })
          .toArray(),
      ),
    ).toEqual([3, 5]);
  });

  it('finds nothing in a collection that does not exist', async () => {
    expect(await ctx().db.collection('nope').find({}).toArray()).toEqual([]);
    const reply = await run<CursorReply>(ctx().db, { find: 'nope', filter: {} });
    expect(reply.ok).toBe(1);
    expect(reply.cursor.firstBatch).toEqual([]);
    expect(reply.cursor.id.toString()).toBe('0');
    expect(reply.cursor.ns).toBe(`${ctx().dbName}.nope`);
  });
});
