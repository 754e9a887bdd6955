import type { Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// $$NOW (MongoDB's aggregation variables): "a variable that returns the current datetime value.
// NOW returns the same value for all members of the deployment and remains the same throughout
// all stages of the aggregation pipeline." One instant per command, whichever document, stage,
// filter, let value or sub-pipeline reads it.

const ctx = setupDriverDb(import.meta.url);

type Item = Document & { _id: number };

// Each document takes a little work to evaluate (a 200,000-element $range), so that reading the
// clock per document would give several instants over the 40 documents.
const SLOW = { $size: { $range: [0, 200_000] } };
const COUNT = 40;

function distinctTimes(docs: Document[], field: string): number[] {
  const times = docs.map((doc) => {
    const value: unknown = doc[field];
    expect(value).toBeInstanceOf(Date);
    return (value as Date).getTime();
  });
  return [...new Set(times)];
}

beforeAll(async () => {
  const coll = ctx().db.collection<Item>('items');
  await coll.insertMany(Array.from({ length: COUNT }, (_, index) => ({ _id: index, n: index })));
  await ctx()
    .db.collection<Item>('others')
    .insertMany([{ _id: 1 }, { _id: 2 }]);
});

describe('$$NOW is one value per command', () => {
  it('every document of an aggregate sees the same $$NOW, in each stage and in let', async () => {
    const before = Date.now();
    const docs = await ctx()
      .db.collection<Item>('items')
      .aggregate(
        [
          { $addFields: { first: '$$NOW', work: SLOW } },
          { $sort: { _id: 1 } },
          { $addFields: { second: '$$NOW', given: '$$when', work: SLOW } },
        ],
        { let: { when: '$$NOW' } },
      )
      .toArray();
    const after = Date.now();
    expect(docs).toHaveLength(COUNT);
    const [now] = distinctTimes(docs, 'first');
    expect(distinctTimes(docs, 'first')).toEqual([now]);
    expect(distinctTimes(docs, 'second')).toEqual([now]);
    expect(distinctTimes(docs, 'given')).toEqual([now]);
    // The clock of the test and the server's agree to within a minute.
    expect(now).toBeGreaterThan(before - 60_000);
    expect(now).toBeLessThan(after + 60_000);
  });

  it('a $lookup sub-pipeline and a $facet see the outer $$NOW', async () => {
    const docs = await ctx()
      .db.collection<Item>('items')
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $lookup: {
            from: 'others',
            pipeline: [{ $project: { inner: '$$NOW', work: SLOW } }],
            as: 'joined',
          },
        },
        { $facet: { out: [{ $project: { outer: '$$NOW', joined: 1 } }] } },
        { $unwind: '$out' },
        { $replaceWith: '$out' },
        { $unwind: '$joined' },
        { $project: { outer: 1, inner: '$joined.inner' } },
      ])
      .toArray();
    expect(docs).toHaveLength(COUNT * 2);
    const [now] = distinctTimes(docs, 'outer');
    expect(distinctTimes(docs, 'outer')).toEqual([now]);
    expect(distinctTimes(docs, 'inner')).toEqual([now]);
  });

  it('find: a projection and the $expr filter read one $$NOW', async () => {
    const docs = await ctx()
      .db.collection<Item>('items')
      .find({ $expr: { $lte: ['$$NOW', { $add: ['$$NOW', 0] }] } })
      .project({ at: '$$NOW', year: { $year: '$$NOW' }, work: SLOW })
      .toArray();
    expect(docs).toHaveLength(COUNT);
    const [now] = distinctTimes(docs, 'at');
    expect(distinctTimes(docs, 'at')).toEqual([now]);
    expect(docs.every((doc) => doc.year === new Date(now).getUTCFullYear())).toBe(true);
  });

  it('updateMany with a pipeline stamps every document with the same $$NOW', async () => {
    const coll = ctx().db.collection<Item>('stamped');
    await coll.insertMany(Array.from({ length: COUNT }, (_, index) => ({ _id: index })));
    const result = await coll.updateMany({}, [
      { $set: { work: SLOW } },
      { $set: { at: '$$NOW', work: SLOW } },
    ]);
    expect(result.modifiedCount).toBe(COUNT);
    const docs = await coll.find().toArray();
    expect(distinctTimes(docs, 'at')).toHaveLength(1);
  });

  it('findAndModify and delete read $$NOW in their filters, let and pipeline update', async () => {
    const coll = ctx().db.collection<Item>('modified');
    await coll.insertMany([
      { _id: 1, due: new Date(Date.now() - 3_600_000) },
      { _id: 2, due: new Date(Date.now() + 3_600_000) },
    ]);
    const found = await coll.findOneAndUpdate(
      { $expr: { $lt: ['$due', '$$NOW'] } },
      [{ $set: { at: '$$NOW', given: '$$when' } }],
      { let: { when: '$$NOW' }, returnDocument: 'after' },
    );
    expect(found?._id).toBe(1);
    expect(found?.at).toEqual(found?.given);
    const removed = await coll.deleteMany({ $expr: { $gt: ['$due', '$$NOW'] } });
    expect(removed.deletedCount).toBe(1);
    expect(await coll.countDocuments()).toBe(1);
  });

  it('a classic update stores the string "$$NOW" as given, not a date', async () => {
    const coll = ctx().db.collection<Item>('literal');
    await coll.insertOne({ _id: 1 });
    await coll.updateOne({ _id: 1 }, { $set: { text: '$$NOW' } });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, text: '$$NOW' });
    // A filter outside $expr compares with the string too, and $literal keeps it a string.
    const docs = await coll
      .aggregate([{ $match: { text: '$$NOW' } }, { $project: { same: { $literal: '$$NOW' } } }])
      .toArray();
    expect(docs).toEqual([{ _id: 1, same: '$$NOW' }]);
  });

  it('a view whose pipeline reads $$NOW gives one value per read', async () => {
    await ctx().db.createCollection('nowView', {
      viewOn: 'items',
      pipeline: [{ $addFields: { at: '$$NOW', work: SLOW } }],
    });
    const docs = await ctx().db.collection('nowView').find().toArray();
    expect(docs).toHaveLength(COUNT);
    expect(distinctTimes(docs, 'at')).toHaveLength(1);
  });

  // Whether the instant's millisecond is even: one instant per command gives every document the
  // same answer, a clock read per document (each taking a few milliseconds) a mix.
  const EVEN_NOW = {
    $and: [{ $gt: [SLOW, 0] }, { $eq: [{ $mod: [{ $toLong: '$$NOW' }, 2] }, 0] }],
  };

  it('count and distinct read one $$NOW for every document', async () => {
    const coll = ctx().db.collection<Item>('items');
    const counted = await coll.countDocuments({ $expr: EVEN_NOW });
    expect([0, COUNT]).toContain(counted);
    const command = await ctx().db.command({ count: 'items', query: { $expr: EVEN_NOW } });
    expect([0, COUNT]).toContain(command.n);
    const values = await coll.distinct('n', { $expr: EVEN_NOW });
    expect([0, COUNT]).toContain(values.length);
  });

  function returned(explained: Document): unknown {
    return (explained.executionStats as Document | undefined)?.nReturned;
  }

  it('explain runs its find, count or distinct with one $$NOW', async () => {
    const coll = ctx().db.collection<Item>('items');
    const found = await coll.find({ $expr: EVEN_NOW }).explain('executionStats');
    expect([0, COUNT]).toContain(returned(found));
    for (const inner of [
      { count: 'items', query: { $expr: EVEN_NOW } },
      { distinct: 'items', key: 'n', query: { $expr: EVEN_NOW } },
    ]) {
      const explained = await ctx().db.command({ explain: inner, verbosity: 'executionStats' });
      expect([0, COUNT]).toContain(returned(explained));
    }
  });

  it("findAndModify's fields read the command's $$NOW and its let values", async () => {
    const coll = ctx().db.collection<Item>('projected');
    await coll.insertOne({ _id: 1 });
    const updated = await coll.findOneAndUpdate(
      { _id: 1 },
      [{ $set: { stamped: '$$NOW', work: SLOW } }],
      {
        let: { when: '$$NOW' },
        projection: { stamped: 1, at: '$$NOW', given: '$$when', work: SLOW },
        returnDocument: 'after',
      },
    );
    expect(updated?.at).toBeInstanceOf(Date);
    expect(updated?.at).toEqual(updated?.stamped);
    expect(updated?.given).toEqual(updated?.stamped);
    const removed = await coll.findOneAndDelete(
      { _id: 1 },
      { projection: { at: '$$NOW', year: { $year: '$$NOW' } } },
    );
    expect(removed?.at).toBeInstanceOf(Date);
    expect(removed?.year).toBe((removed?.at as Date).getUTCFullYear());
  });
});
