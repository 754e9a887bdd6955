import type { Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { commandNamesSince, setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

type Response = Document & { _id: number };

const responses: Response[] = [
  {
    _id: 1,
    dept: 'eng',
    cycle: 'Q1',
    score: 4,
    tags: ['a', 'b'],
    at: new Date('2024-03-13T10:00:00Z'),
    meta: { src: 'web' },
  },
  {
    _id: 2,
    dept: 'eng',
    cycle: 'Q1',
    score: 2,
    tags: ['b'],
    at: new Date('2024-03-10T23:59:59Z'),
    meta: { src: 'app' },
  },
  {
    _id: 3,
    dept: 'eng',
    cycle: 'Q2',
    score: 5,
    tags: [],
    at: new Date('2024-04-01T00:00:00Z'),
    meta: { src: 'web' },
  },
  {
    _id: 4,
    dept: 'sales',
    cycle: 'Q1',
    score: 3,
    tags: ['a'],
    at: new Date('2024-03-16T12:00:00Z'),
    meta: { src: 'web' },
  },
  {
    _id: 5,
    dept: 'sales',
    cycle: 'Q2',
    score: 1,
    at: new Date('2024-04-30T08:00:00Z'),
    meta: { src: 'app' },
  },
  {
    _id: 6,
    dept: 'hr',
    cycle: 'Q2',
    score: 5,
    tags: ['c', 'a'],
    at: new Date('2023-12-31T22:00:00Z'),
    meta: { src: 'web' },
  },
];

const coll = () => ctx().db.collection<Response>('responses');
const agg = (pipeline: Document[]) => coll().aggregate(pipeline).toArray();

beforeAll(async () => {
  await coll().insertMany(responses.map((r) => ({ ...r })));
  await ctx()
    .db.collection<{ _id: string; name: string }>('departments')
    .insertMany([
      { _id: 'eng', name: 'Engineering' },
      { _id: 'sales', name: 'Sales' },
    ]);
});

describe('$group accumulators', () => {
  it('$sum $avg $min $max and counts per key', async () => {
    const out = await agg([
      {
        $group: {
          _id: '$dept',
          n: { $sum: 1 },
          total: { $sum: '$score' },
          avg: { $avg: '$score' },
          min: { $min: '$score' },
          max: { $max: '$score' },
        },
      },
      { $sort: { _id: 1 } },
    ]);
    expect(out).toEqual([
      { _id: 'eng', n: 3, total: 11, avg: 11 / 3, min: 2, max: 5 },
      { _id: 'hr', n: 1, total: 5, avg: 5, min: 5, max: 5 },
      { _id: 'sales', n: 2, total: 4, avg: 2, min: 1, max: 3 },
    ]);
  });

  it('$push, $addToSet, $first, $last follow the input order', async () => {
    const out = await agg([
      { $sort: { at: 1 } },
      {
        $group: {
          _id: '$dept',
          scores: { $push: '$score' },
          cycles: { $addToSet: '$cycle' },
          first: { $first: '$_id' },
          last: { $last: '$_id' },
        },
      },
      { $sort: { _id: 1 } },
    ]);
    expect(out.map((g) => ({ ...g, cycles: [...(g.cycles as string[])].sort() }))).toEqual([
      { _id: 'eng', scores: [2, 4, 5], cycles: ['Q1', 'Q2'], first: 2, last: 3 },
      { _id: 'hr', scores: [5], cycles: ['Q2'], first: 6, last: 6 },
      { _id: 'sales', scores: [3, 1], cycles: ['Q1', 'Q2'], first: 4, last: 5 },
    ]);
  });

  it('groups by a compound key and by null', async () => {
    const byPair = await agg([
      { $group: { _id: { dept: '$dept', cycle: '$cycle' }, n: { $sum: 1 } } },
      { $sort: { '_id.dept': 1, '_id.cycle': 1 } },
    ]);
    expect(byPair).toEqual([
      { _id: { dept: 'eng', cycle: 'Q1' }, n: 2 },
      { _id: { dept: 'eng', cycle: 'Q2' }, n: 1 },
      { _id: { dept: 'hr', cycle: 'Q2' }, n: 1 },
      { _id: { dept: 'sales', cycle: 'Q1' }, n: 1 },
      { _id: { dept: 'sales', cycle: 'Q2' }, n: 1 },
    ]);
    const all = await agg([
      { $group: { _id: null, total: { $sum: '$score' }, none: { $avg: '$missing' } } },
    ]);
    expect(all).toEqual([{ _id: null, total: 20, none: null }]);
  });

  it('groups by date parts, $dateToString and $dateTrunc', async () => {
    const byMonth = await agg([
      { $group: { _id: { y: { $year: '$at' }, m: { $month: '$at' } }, n: { $sum: 1 } } },
      { $sort: { '_id.y': 1, '_id.m': 1 } },
    ]);
    expect(byMonth).toEqual([
      { _id: { y: 2023, m: 12 }, n: 1 },
      { _id: { y: 2024, m: 3 }, n: 3 },
      { _id: { y: 2024, m: 4 }, n: 2 },
    ]);
    const days = await agg([
      { $sort: { _id: 1 } },
      {
        $project: {
          day: { $dayOfMonth: '$at' },
          s: { $dateToString: { format: '%Y-%m-%d', date: '$at' } },
        },
      },
    ]);
    expect(days.map((d): unknown[] => [d.day, d.s])).toEqual([
      [13, '2024-03-13'],
      [10, '2024-03-10'],
      [1, '2024-04-01'],
      [16, '2024-03-16'],
      [30, '2024-04-30'],
      [31, '2023-12-31'],
    ]);
    const weeks = await agg([
      { $group: { _id: { $dateTrunc: { date: '$at', unit: 'week' } }, n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(weeks).toEqual([
      { _id: new Date('2023-12-31T00:00:00Z'), n: 1 },
      { _id: new Date('2024-03-10T00:00:00Z'), n: 3 },
      { _id: new Date('2024-03-31T00:00:00Z'), n: 1 },
      { _id: new Date('2024-04-28T00:00:00Z'), n: 1 },
    ]);
    const mondays = await agg([
      { $match: { _id: { $in: [1, 3, 6] } } },
      { $sort: { _id: 1 } },
      {
        $project: {
          w: { $dateTrunc: { date: '$at', unit: 'week', startOfWeek: 'monday' } },
          m: { $dateTrunc: { date: '$at', unit: 'month' } },
        },
      },
    ]);
    expect(mondays).toEqual([
      { _id: 1, w: new Date('2024-03-11T00:00:00Z'), m: new Date('2024-03-01T00:00:00Z') },
      { _id: 3, w: new Date('2024-04-01T00:00:00Z'), m: new Date('2024-04-01T00:00:00Z') },
      { _id: 6, w: new Date('2023-12-25T00:00:00Z'), m: new Date('2023-12-01T00:00:00Z') },
    ]);
  });
});

describe('reshaping stages', () => {
  it('$match $project $addFields $set $sort $skip $limit', async () => {
    const out = await agg([
      { $match: { score: { $gte: 2 } } },
      { $project: { _id: 1, dept: 1, double: { $multiply: ['$score', 2] } } },
      { $addFields: { label: { $concat: ['$dept', '-', { $toString: '$_id' }] } } },
      { $set: { big: { $gte: ['$double', 8] } } },
      { $sort: { double: -1, _id: 1 } },
      { $skip: 1 },
      { $limit: 3 },
    ]);
    expect(out).toEqual([
      { _id: 6, dept: 'hr', double: 10, label: 'hr-6', big: true },
      { _id: 1, dept: 'eng', double: 8, label: 'eng-1', big: true },
      { _id: 4, dept: 'sales', double: 6, label: 'sales-4', big: false },
    ]);
  });

  it('$unwind with and without preserveNullAndEmptyArrays', async () => {
    const plain = await agg([{ $unwind: '$tags' }, { $project: { tags: 1 } }]);
    expect(plain.map((d): unknown[] => [d._id, d.tags])).toEqual([
      [1, 'a'],
      [1, 'b'],
      [2, 'b'],
      [4, 'a'],
      [6, 'c'],
      [6, 'a'],
    ]);
    const kept = await agg([
      { $unwind: { path: '$tags', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } },
      { $project: { tags: 1, i: 1 } },
    ]);
    expect(kept).toHaveLength(8);
    expect(kept.find((d) => d._id === 3)).toEqual({ _id: 3, i: null });
    expect(kept.find((d) => d._id === 5)).toEqual({ _id: 5, i: null });
    expect(kept.filter((d) => d._id === 6).map((d): unknown => d.i)).toEqual([0, 1]);
  });

  it('$count and $sortByCount', async () => {
    expect(await agg([{ $match: { score: { $gte: 4 } } }, { $count: 'n' }])).toEqual([{ n: 3 }]);
    expect(await agg([{ $match: { score: 99 } }, { $count: 'n' }])).toEqual([]);
    const byTag = await agg([{ $unwind: '$tags' }, { $sortByCount: '$tags' }]);
    expect(byTag).toEqual([
      { _id: 'a', count: 3 },
      { _id: 'b', count: 2 },
      { _id: 'c', count: 1 },
    ]);
  });

  it('$bucket with boundaries, default and output', async () => {
    const out = await agg([
      { $sort: { _id: 1 } },
      {
        $bucket: {
          groupBy: '$score',
          boundaries: [1, 3, 5],
          default: 'other',
          output: { count: { $sum: 1 }, ids: { $push: '$_id' } },
        },
      },
    ]);
    expect(out).toEqual([
      { _id: 1, count: 2, ids: [2, 5] },
      { _id: 3, count: 2, ids: [1, 4] },
      { _id: 'other', count: 2, ids: [3, 6] },
    ]);
  });

  it('$facet runs sub-pipelines over the same input', async () => {
    const [facets] = await agg([
      { $match: { cycle: 'Q1' } },
      {
        $facet: {
          total: [{ $count: 'n' }],
          byDept: [{ $group: { _id: '$dept', sum: { $sum: '$score' } } }, { $sort: { _id: 1 } }],
        },
      },
    ]);
    expect(facets).toEqual({
      total: [{ n: 3 }],
      byDept: [
        { _id: 'eng', sum: 6 },
        { _id: 'sales', sum: 3 },
      ],
    });
  });
});

describe('$lookup', () => {
  it('joins by localField/foreignField; no match gives an empty array', async () => {
    const out = await agg([
      { $group: { _id: '$dept', n: { $sum: 1 } } },
      { $lookup: { from: 'departments', localField: '_id', foreignField: '_id', as: 'd' } },
      { $sort: { _id: 1 } },
    ]);
    expect(out).toEqual([
      { _id: 'eng', n: 3, d: [{ _id: 'eng', name: 'Engineering' }] },
      { _id: 'hr', n: 1, d: [] },
      { _id: 'sales', n: 2, d: [{ _id: 'sales', name: 'Sales' }] },
    ]);
  });

  it('joins with let and a pipeline', async () => {
    const out = await ctx()
      .db.collection('departments')
      .aggregate([
        {
          $lookup: {
            from: 'responses',
            let: { d: '$_id' },
            pipeline: [
              { $match: { $expr: { $eq: ['$dept', '$$d'] } } },
              { $group: { _id: null, total: { $sum: '$score' }, n: { $sum: 1 } } },
              { $project: { _id: 0 } },
            ],
            as: 'stats',
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: 'eng', name: 'Engineering', stats: [{ total: 11, n: 3 }] },
      { _id: 'sales', name: 'Sales', stats: [{ total: 4, n: 2 }] },
    ]);
  });
});

describe('aggregate cursors and isolation', () => {
  it('returns results in batches through getMore', async () => {
    const many = ctx().db.collection<{ _id: number; g: number }>('aggMany');
    await many.insertMany(Array.from({ length: 95 }, (_, i) => ({ _id: i, g: i % 5 })));
    const from = ctx().commands.length;
    const out = await many.aggregate([{ $sort: { _id: 1 } }], { batchSize: 10 }).toArray();
    expect(out.map((d): unknown => d._id)).toEqual(Array.from({ length: 95 }, (_, i) => i));
    const names = commandNamesSince(ctx(), from);
    expect(names.filter((n) => n === 'aggregate')).toHaveLength(1);
    expect(names.filter((n) => n === 'getMore')).toHaveLength(9);
  });

  it('never modifies the stored documents', async () => {
    const stored = await coll().find().sort({ _id: 1 }).toArray();
    await agg([
      { $set: { 'meta.src': 'changed', score: 0, tags: 'overwritten' } },
      { $unset: 'dept' },
      { $project: { meta: 1, score: 1, tags: 1 } },
    ]);
    await agg([
      { $unwind: '$tags' },
      { $addFields: { 'meta.extra': '$tags' } },
      { $group: { _id: '$meta', all: { $push: '$$ROOT' } } },
    ]);
    await agg([{ $replaceRoot: { newRoot: '$meta' } }, { $set: { src: 'x' } }]);
    expect(await coll().find().sort({ _id: 1 }).toArray()).toEqual(stored);
    expect(stored).toEqual(responses);
  });
});
