import type { Document } from 'mongodb';
import { Binary, MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// Database-level aggregate ({aggregate: 1}, the driver's db.aggregate()): stages that make their own
// documents ($documents, $currentOp on admin, $listLocalSessions), and the error for a pipeline
// whose first stage needs a collection.

const ctx = setupDriverDb(import.meta.url);

describe('$documents', () => {
  it('db.aggregate starts from literal documents', async () => {
    const docs = await ctx()
      .db.aggregate([
        { $documents: [{ x: 10 }, { x: 2 }, { x: 5 }] },
        { $match: { x: { $gt: 3 } } },
        { $sort: { x: 1 } },
      ])
      .toArray();
    expect(docs).toEqual([{ x: 5 }, { x: 10 }]);
  });

  it('$documents takes an expression, which may read let variables', async () => {
    const docs = await ctx()
      .db.aggregate(
        [{ $documents: '$$rows' }, { $project: { doubled: { $multiply: ['$n', 2] } } }],
        {
          let: { rows: [{ n: 1 }, { n: 4 }] },
        },
      )
      .toArray();
    expect(docs).toEqual([{ doubled: 2 }, { doubled: 8 }]);
  });

  it('$documents joins a collection through $lookup', async () => {
    const people = ctx().db.collection<Document & { _id: number }>('people');
    await people.insertMany([
      { _id: 1, name: 'Ann' },
      { _id: 2, name: 'Bo' },
    ]);
    const docs = await ctx()
      .db.aggregate([
        { $documents: [{ who: 2 }, { who: 3 }] },
        { $lookup: { from: 'people', localField: 'who', foreignField: '_id', as: 'found' } },
      ])
      .toArray();
    expect(docs).toEqual([
      { who: 2, found: [{ _id: 2, name: 'Bo' }] },
      { who: 3, found: [] },
    ]);
  });

  it('$documents inside a $lookup or $unionWith sub-pipeline of a collection aggregate', async () => {
    const items = ctx().db.collection<Document & { _id: number }>('items');
    await items.insertMany([{ _id: 1, code: 'a' }]);
    const looked = await items
      .aggregate([
        {
          $lookup: {
            pipeline: [
              {
                $documents: [
                  { code: 'a', label: 'Alpha' },
                  { code: 'b', label: 'Beta' },
                ],
              },
            ],
            as: 'labels',
          },
        },
      ])
      .toArray();
    expect(looked).toEqual([
      {
        _id: 1,
        code: 'a',
        labels: [
          { code: 'a', label: 'Alpha' },
          { code: 'b', label: 'Beta' },
        ],
      },
    ]);
    const union = await items
      .aggregate([{ $unionWith: { pipeline: [{ $documents: [{ _id: 9, code: 'z' }] }] } }])
      .toArray();
    expect(union).toEqual([
      { _id: 1, code: 'a' },
      { _id: 9, code: 'z' },
    ]);
  });

  it('$documents only as the first stage', async () => {
    await expectServerError(
      ctx()
        .db.aggregate([{ $documents: [{ a: 1 }] }, { $documents: [{ a: 2 }] }])
        .toArray(),
      40602,
    );
  });
});

describe('a stage that needs a collection', () => {
  it('answers 73 InvalidNamespace at database level', async () => {
    const error = await expectServerError(
      ctx()
        .db.aggregate([{ $match: {} }])
        .toArray(),
      73,
      'InvalidNamespace',
    );
    expect(error.message).toContain('{aggregate: 1} is not valid for');
    await expectServerError(
      ctx()
        .db.aggregate([{ $group: { _id: null } }])
        .toArray(),
      73,
      'InvalidNamespace',
    );
  });
});

describe('$currentOp', () => {
  it('lists the aggregate running it, on admin', async () => {
    const marker = `currentop-${Date.now()}`;
    const ops = await ctx()
      .client.db('admin')
      .aggregate([{ $currentOp: {} }, { $match: { 'command.comment': marker } }], {
        comment: marker,
      })
      .toArray();
    expect(ops).toHaveLength(1);
    const [op] = ops;
    expect(op).toMatchObject({
      type: 'op',
      active: true,
      op: 'command',
      ns: 'admin.$cmd.aggregate',
      command: { aggregate: 1, comment: marker },
    });
    expect(typeof op.opid).toBe('number');
    expect(typeof op.desc).toBe('string');
    expect(typeof op.host).toBe('string');
    expect(typeof op.client).toBe('string');
    expect(op.connectionId).toEqual(expect.any(Number));
  });

  it('idleConnections adds the connections doing nothing; without it every op is active', async () => {
    const other = new MongoClient(ctx().target.uri);
    await other.connect();
    try {
      await other.db('admin').command({ ping: 1 });
      const admin = ctx().client.db('admin');
      const active = await admin.aggregate([{ $currentOp: { allUsers: true } }]).toArray();
      expect(active.length).toBeGreaterThan(0);
      expect(active.every((op) => op.active === true)).toBe(true);
      const all = await admin
        .aggregate([{ $currentOp: { allUsers: true, idleConnections: true } }])
        .toArray();
      expect(all.some((op) => op.active === false)).toBe(true);
      expect(all.length).toBeGreaterThan(active.length);
    } finally {
      await other.close();
    }
  });

  it('runs only on admin, only at database level, only first', async () => {
    await expectServerError(
      ctx()
        .db.aggregate([{ $currentOp: {} }])
        .toArray(),
      73,
      'InvalidNamespace',
    );
    await expectServerError(
      ctx()
        .client.db('admin')
        .aggregate([{ $match: {} }, { $currentOp: {} }])
        .toArray(),
      40602,
    );
    await expectServerError(
      ctx()
        .client.db('admin')
        .aggregate([{ $currentOp: { allUsers: 'yes' } }])
        .toArray(),
      9,
      'FailedToParse',
    );
  });
});

describe('$listLocalSessions', () => {
  it("lists the sessions this server has seen, the caller's by default", async () => {
    const session = ctx().client.startSession();
    try {
      await ctx().db.collection('sessions').findOne({}, { session });
      const id = session.id?.id;
      expect(id).toBeInstanceOf(Binary);
      const mine = await ctx()
        .client.db('admin')
        .aggregate([{ $listLocalSessions: {} }])
        .toArray();
      const found = mine.find(
        (doc) => (doc._id as { id: Binary }).id.toString('hex') === id?.toString('hex'),
      );
      expect(found).toBeDefined();
      expect(found?.lastUse).toBeInstanceOf(Date);
      expect((found?._id as { uid: unknown }).uid).toBeInstanceOf(Binary);
      const all = await ctx()
        .db.aggregate([{ $listLocalSessions: { allUsers: true } }])
        .toArray();
      expect(all.length).toBeGreaterThanOrEqual(mine.length);
    } finally {
      await session.endSession();
    }
  });

  it('needs {aggregate: 1}', async () => {
    await expectServerError(
      ctx()
        .db.collection('sessions')
        .aggregate([{ $listLocalSessions: {} }])
        .toArray(),
      73,
      'InvalidNamespace',
    );
  });
});
