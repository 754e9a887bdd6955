import type { Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

type Row = Document & { _id: number };

const rows: Row[] = [
  { _id: 1, dept: 'eng', score: 4, at: new Date('2024-01-01Z') },
  { _id: 2, dept: 'eng', score: 2, at: new Date('2024-01-02Z') },
  { _id: 3, dept: 'ops', score: 5, at: new Date('2024-01-03Z') },
  { _id: 4, dept: 'eng', score: 3, at: new Date('2024-01-04Z') },
  { _id: 5, dept: 'ops', score: 1, at: new Date('2024-01-05Z') },
];

const coll = () => ctx().db.collection<Row>('rows');

beforeAll(async () => {
  await coll().insertMany(rows.map((r) => ({ ...r })));
  await ctx()
    .db.collection('depts')
    .insertMany([
      { code: 'eng', name: 'Engineering', active: true },
      { code: 'ops', name: 'Operations', active: false },
    ]);
});

describe('more pipeline stages', () => {
  it('$replaceRoot, $replaceWith and $unset', async () => {
    const out = await coll()
      .aggregate([
        { $match: { _id: 1 } },
        { $replaceRoot: { newRoot: { d: '$dept', s: '$score' } } },
        { $replaceWith: { $mergeObjects: ['$$ROOT', { extra: true }] } },
        { $unset: 's' },
      ])
      .toArray();
    expect(out).toEqual([{ d: 'eng', extra: true }]);
  });

  it('$group with the $count accumulator and an _id of a missing field', async () => {
    const out = await coll()
      .aggregate([{ $group: { _id: '$nothing', n: { $count: {} }, last: { $max: '$at' } } }])
      .toArray();
    expect(out).toEqual([{ _id: null, n: 5, last: new Date('2024-01-05Z') }]);
  });

  it('$lookup with localField/foreignField and a pipeline together', async () => {
    const out = await coll()
      .aggregate([
        { $match: { _id: { $in: [1, 3] } } },
        {
          $lookup: {
            from: 'depts',
            localField: 'dept',
            foreignField: 'code',
            pipeline: [{ $project: { _id: 0, name: 1, active: 1 } }],
            as: 'd',
          },
        },
        { $project: { d: 1 } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: 1, d: [{ name: 'Engineering', active: true }] },
      { _id: 3, d: [{ name: 'Operations', active: false }] },
    ]);
  });

  it('$setWindowFields computes running totals per partition', async () => {
    const out = await coll()
      .aggregate([
        {
          $setWindowFields: {
            partitionBy: '$dept',
            sortBy: { at: 1 },
            output: {
              running: { $sum: '$score', window: { documents: ['unbounded', 'current'] } },
            },
          },
        },
        { $project: { running: 1 } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: 1, running: 4 },
      { _id: 2, running: 6 },
      { _id: 3, running: 5 },
      { _id: 4, running: 9 },
      { _id: 5, running: 6 },
    ]);
  });

  it('$out replaces a collection with the pipeline output', async () => {
    await ctx().db.collection('outTarget').insertOne({ stale: true });
    const out = await coll()
      .aggregate([
        { $group: { _id: '$dept', total: { $sum: '$score' } } },
        { $sort: { _id: 1 } },
        { $out: 'outTarget' },
      ])
      .toArray();
    expect(out).toEqual([]);
    const written = await ctx().db.collection('outTarget').find().sort({ _id: 1 }).toArray();
    expect(written).toEqual([
      { _id: 'eng', total: 9 },
      { _id: 'ops', total: 6 },
    ]);
  });

  it('$merge upserts rollups into another collection', async () => {
    const rollups = ctx().db.collection<{ _id: string; total: number; kept?: boolean }>('rollups');
    await rollups.insertOne({ _id: 'eng', total: 0, kept: true });
    await coll()
      .aggregate([
        { $group: { _id: '$dept', total: { $sum: '$score' } } },
        { $merge: { into: 'rollups', on: '_id', whenMatched: 'merge', whenNotMatched: 'insert' } },
      ])
      .toArray();
    expect(await rollups.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'eng', total: 9, kept: true },
      { _id: 'ops', total: 6 },
    ]);
  });
});
