import type { Document } from 'mongodb';
import { MongoServerError, Timestamp } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// `let` on find, aggregate, update, delete, findAndModify and bulk writes (MongoDB 5.0+): constants
// the command defines once and its filters ($expr), pipelines and sub-pipelines read as $$name.

const ctx = setupDriverDb(import.meta.url);

type Item = Document & { _id: number };

async function items(name: string) {
  const coll = ctx().db.collection<Item>(name);
  await coll.insertMany([
    { _id: 1, flavor: 'cherry', qty: 3 },
    { _id: 2, flavor: 'lemon', qty: 7 },
    { _id: 3, flavor: 'cherry', qty: 9 },
  ]);
  return coll;
}

describe('let on reads', () => {
  it('find reads $$name in $expr and in a projection expression', async () => {
    const coll = await items('find');
    const docs = await coll
      .find(
        { $expr: { $eq: ['$flavor', '$$wanted'] } },
        { let: { wanted: 'cherry', label: 'picked' }, sort: { _id: 1 } },
      )
      .project({ qty: 1, tag: '$$label' })
      .toArray();
    expect(docs).toEqual([
      { _id: 1, qty: 3, tag: 'picked' },
      { _id: 3, qty: 9, tag: 'picked' },
    ]);
  });

  it('a let value is an expression evaluated once; later variables may use earlier ones', async () => {
    const coll = await items('evaluated');
    const docs = await coll
      .find(
        { $expr: { $gt: ['$qty', '$$limit'] } },
        { let: { base: { $add: [2, 3] }, limit: { $multiply: ['$$base', 1] } } },
      )
      .toArray();
    expect(docs.map((doc) => doc._id).sort()).toEqual([2, 3]);
    const literal = await coll
      .find({ _id: 1 }, { let: { raw: { $literal: '$qty' } } })
      .project({ raw: '$$raw' })
      .toArray();
    expect(literal).toEqual([{ _id: 1, raw: '$qty' }]);
  });

  it('aggregate reads $$name in stages and in a $lookup sub-pipeline', async () => {
    const coll = await items('agg');
    const orders = ctx().db.collection<Item>('agg_orders');
    await orders.insertMany([
      { _id: 10, flavor: 'cherry', size: 1 },
      { _id: 11, flavor: 'cherry', size: 5 },
      { _id: 12, flavor: 'lemon', size: 5 },
    ]);
    const docs = await coll
      .aggregate(
        [
          { $match: { $expr: { $eq: ['$flavor', '$$wanted'] } } },
          {
            $lookup: {
              from: 'agg_orders',
              let: { f: '$flavor' },
              pipeline: [
                {
                  $match: {
                    $expr: {
                      $and: [{ $eq: ['$flavor', '$$f'] }, { $gte: ['$size', '$$minSize'] }],
                    },
                  },
                },
                { $project: { _id: 1 } },
              ],
              as: 'orders',
            },
          },
          { $project: { orders: 1, note: '$$note' } },
          { $sort: { _id: 1 } },
        ],
        { let: { wanted: 'cherry', minSize: 2, note: { $concat: ['a', 'b'] } } },
      )
      .toArray();
    expect(docs).toEqual([
      { _id: 1, orders: [{ _id: 11 }], note: 'ab' },
      { _id: 3, orders: [{ _id: 11 }], note: 'ab' },
    ]);
  });

  it('$$NOW reads the current date, in a filter, a stage and a let value', async () => {
    const coll = ctx().db.collection<Item>('now');
    await coll.insertMany([
      { _id: 1, at: new Date(Date.now() - 3_600_000) },
      { _id: 2, at: new Date(Date.now() + 3_600_000) },
    ]);
    const past = await coll.find({ $expr: { $lt: ['$at', '$$NOW'] } }).toArray();
    expect(past.map((doc) => doc._id)).toEqual([1]);
    const stamped = await coll
      .aggregate([{ $match: { _id: 1 } }, { $project: { now: '$$NOW', given: '$$when' } }], {
        let: { when: '$$NOW' },
      })
      .toArray();
    expect(stamped).toHaveLength(1);
    expect(stamped[0].now).toBeInstanceOf(Date);
    expect(stamped[0].given).toBeInstanceOf(Date);
  });

  it('$$CLUSTER_TIME exists only on a replica set or sharded cluster', async () => {
    const hello = await ctx().db.admin().command({ hello: 1 });
    const clustered = hello.setName !== undefined || hello.msg === 'isdbgrid';
    const read = ctx()
      .db.collection('now')
      .aggregate([{ $limit: 1 }, { $project: { t: '$$CLUSTER_TIME' } }])
      .toArray();
    if (clustered) {
      expect((await read)[0].t).toBeInstanceOf(Timestamp);
    } else {
      await expectServerError(read, 51144);
    }
  });
});

describe('let on writes', () => {
  it('updateOne and updateMany: $expr in the filter and $$name in a pipeline update', async () => {
    const coll = await items('update');
    const one = await coll.updateOne(
      { $expr: { $eq: ['$_id', '$$target'] } },
      { $set: { flavor: 'orange' } },
      { let: { target: 2 } },
    );
    expect(one).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const many = await coll.updateMany(
      { $expr: { $eq: ['$flavor', '$$which'] } },
      [{ $set: { qty: { $add: ['$qty', '$$step'] }, seen: '$$which' } }],
      { let: { which: 'cherry', step: 100 } },
    );
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, flavor: 'cherry', qty: 103, seen: 'cherry' },
      { _id: 2, flavor: 'orange', qty: 7 },
      { _id: 3, flavor: 'cherry', qty: 109, seen: 'cherry' },
    ]);
  });

  it('an upsert by pipeline update reads the let variables', async () => {
    const coll = await items('upsert');
    const result = await coll.updateOne(
      { _id: 9 },
      [{ $set: { flavor: '$$flavor', qty: '$$qty' } }],
      { upsert: true, let: { flavor: 'plum', qty: 1 } },
    );
    expect(result.upsertedId).toBe(9);
    expect(await coll.findOne({ _id: 9 })).toEqual({ _id: 9, flavor: 'plum', qty: 1 });
  });

  it('replaceOne and deleteMany filter with $expr and let', async () => {
    const coll = await items('delete');
    const replaced = await coll.replaceOne(
      { $expr: { $eq: ['$qty', '$$q'] } },
      { flavor: 'none', qty: 0 },
      { let: { q: 7 } },
    );
    expect(replaced.modifiedCount).toBe(1);
    expect(await coll.findOne({ _id: 2 })).toEqual({ _id: 2, flavor: 'none', qty: 0 });
    const deleted = await coll.deleteMany(
      { $expr: { $gt: ['$qty', '$$min'] } },
      { let: { min: 2 } },
    );
    expect(deleted.deletedCount).toBe(2);
    expect(await coll.find().toArray()).toEqual([{ _id: 2, flavor: 'none', qty: 0 }]);
  });

  it('findOneAndUpdate and findOneAndDelete read let in the query and the pipeline', async () => {
    const coll = await items('fam');
    const updated = await coll.findOneAndUpdate(
      { $expr: { $eq: ['$flavor', '$$f'] } },
      [{ $set: { qty: { $multiply: ['$qty', '$$times'] } } }],
      { let: { f: 'lemon', times: 10 }, returnDocument: 'after' },
    );
    expect(updated).toEqual({ _id: 2, flavor: 'lemon', qty: 70 });
    const removed = await coll.findOneAndDelete(
      { $expr: { $eq: ['$qty', '$$q'] } },
      { let: { q: 9 } },
    );
    expect(removed).toEqual({ _id: 3, flavor: 'cherry', qty: 9 });
  });

  it('bulkWrite sends let with each command; every statement reads it', async () => {
    const coll = await items('bulk');
    const result = await coll.bulkWrite(
      [
        {
          updateOne: { filter: { $expr: { $eq: ['$_id', '$$a'] } }, update: { $set: { hit: 1 } } },
        },
        {
          updateMany: {
            filter: { $expr: { $eq: ['$flavor', '$$f'] } },
            update: [{ $set: { mark: '$$f' } }],
          },
        },
        { deleteOne: { filter: { $expr: { $eq: ['$_id', '$$b'] } } } },
      ],
      { let: { a: 1, b: 2, f: 'cherry' } },
    );
    expect(result.matchedCount).toBe(3);
    expect(result.deletedCount).toBe(1);
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, flavor: 'cherry', qty: 3, hit: 1, mark: 'cherry' },
      { _id: 3, flavor: 'cherry', qty: 9, mark: 'cherry' },
    ]);
  });
});

describe('a bad let', () => {
  it('must be an object', async () => {
    await items('badtype');
    await expectServerError(
      ctx().db.command({ find: 'badtype', filter: {}, let: 5 }),
      14,
      'TypeMismatch',
    );
    await expectServerError(
      ctx().db.command({ delete: 'badtype', deletes: [{ q: {}, limit: 1 }], let: 'x' }),
      14,
      'TypeMismatch',
    );
  });

  async function refusedName(name: string) {
    let caught: unknown;
    try {
      await ctx()
        .db.collection('badname')
        .find({}, { let: { [name]: 1 } })
        .toArray();
    } catch (error) {
      caught = error;
    }
    expect(caught, `let ${name}`).toBeInstanceOf(MongoServerError);
    const error = caught as MongoServerError;
    // 7.0 numbers the check 16867; later releases answer it as FailedToParse (9).
    expect([16867, 9]).toContain(error.code);
    expect(error.message).toContain(`'${name}' starts with an invalid character`);
  }

  it('names start with a lowercase letter: uppercase, $ and system names are refused', async () => {
    await items('badname');
    await refusedName('Upper');
    await refusedName('$dollar');
    await refusedName('ROOT');
    await refusedName('REMOVE');
    await refusedName('9lives');
  });

  it('a let value cannot read a document field', async () => {
    await items('badfield');
    await expectServerError(
      ctx()
        .db.collection('badfield')
        .find({}, { let: { x: '$qty' } })
        .toArray(),
      4890500,
    );
  });

  it('an undefined variable answers 17276', async () => {
    const coll = await items('undefinedvar');
    await expectServerError(
      coll.find({ $expr: { $eq: ['$qty', '$$nothing'] } }, { let: { something: 1 } }).toArray(),
      17276,
    );
    await expectServerError(coll.updateOne({}, [{ $set: { a: '$$nothing' } }]), 17276);
  });
});
