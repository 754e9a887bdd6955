import type { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupMongoose } from './mongoose-context.js';

const models = setupMongoose(import.meta.url);

describe('survey dashboard aggregations', () => {
  const cycles = ['2024-Q1', '2024-Q2'];

  beforeAll(async () => {
    const hr = await models().Department.create({ name: 'People', code: 'HR' });
    const eng = await models().Department.create({ name: 'Engineering', code: 'ENG' });
    const depts = [eng._id, hr._id];
    const docs = [];
    for (let i = 0; i < 40; i++) {
      docs.push({
        dept: depts[i % 2],
        cycle: cycles[Math.floor(i / 20)],
        score: (i % 5) + 1,
        // Mondays to Sundays across four weeks starting Monday 2024-03-04.
        submittedAt: new Date(Date.UTC(2024, 2, 4 + (i % 28), 9, 30)),
      });
    }
    await models().Response.insertMany(docs);
    const rollups = await models().Response.aggregate<{
      _id: { dept: Types.ObjectId; cycle: string };
      count: number;
      sum: number;
    }>([
      {
        $group: {
          _id: { dept: '$dept', cycle: '$cycle' },
          count: { $sum: 1 },
          sum: { $sum: '$score' },
        },
      },
    ]);
    await models().Rollup.insertMany(
      rollups.map((r) => ({ ...r._id, count: r.count, sum: r.sum })),
    );
  });

  it('rolls up responses by department and cycle', async () => {
    const rows = await models().Rollup.aggregate<{
      _id: { dept: string; cycle: string };
      responses: number;
      total: number;
      avg: number;
    }>([
      {
        $group: {
          _id: { dept: '$dept', cycle: '$cycle' },
          responses: { $sum: '$count' },
          total: { $sum: '$sum' },
        },
      },
      { $lookup: { from: 'departments', localField: '_id.dept', foreignField: '_id', as: 'd' } },
      { $unwind: '$d' },
      {
        $project: {
          _id: { dept: '$d.code', cycle: '$_id.cycle' },
          responses: 1,
          total: 1,
          avg: { $round: [{ $divide: ['$total', '$responses'] }, 2] },
        },
      },
      { $sort: { '_id.dept': 1, '_id.cycle': 1 } },
    ]);
    expect(rows).toEqual([
      { _id: { dept: 'ENG', cycle: '2024-Q1' }, responses: 10, total: 30, avg: 3 },
      { _id: { dept: 'ENG', cycle: '2024-Q2' }, responses: 10, total: 30, avg: 3 },
      { _id: { dept: 'HR', cycle: '2024-Q1' }, responses: 10, total: 30, avg: 3 },
      { _id: { dept: 'HR', cycle: '2024-Q2' }, responses: 10, total: 30, avg: 3 },
    ]);
  });

  it('$facet with totals and per-department figures', async () => {
    const [facets] = await models().Response.aggregate<{
      totals: { n: number; sum: number }[];
      perDept: { _id: string; n: number; high: number }[];
    }>([
      { $match: { cycle: '2024-Q1' } },
      {
        $facet: {
          totals: [
            { $group: { _id: null, n: { $sum: 1 }, sum: { $sum: '$score' } } },
            { $project: { _id: 0 } },
          ],
          perDept: [
            {
              $group: {
                _id: '$dept',
                n: { $sum: 1 },
                high: { $sum: { $cond: [{ $gte: ['$score', 4] }, 1, 0] } },
              },
            },
            { $lookup: { from: 'departments', localField: '_id', foreignField: '_id', as: 'd' } },
            { $project: { _id: { $first: '$d.code' }, n: 1, high: 1 } },
            { $sort: { _id: 1 } },
          ],
        },
      },
    ]);
    expect(facets.totals).toEqual([{ n: 20, sum: 60 }]);
    // Scores cycle 1..5; ENG takes the even indexes (scores 1,3,5,2,4), HR the odd ones.
    expect(facets.perDept).toEqual([
      { _id: 'ENG', n: 10, high: 4 },
      { _id: 'HR', n: 10, high: 4 },
    ]);
  });

  it('$dateTrunc by week groups responses per week', async () => {
    const weeks = await models().Response.aggregate<{ _id: Date; n: number }>([
      {
        $group: {
          _id: { $dateTrunc: { date: '$submittedAt', unit: 'week', startOfWeek: 'monday' } },
          n: { $sum: 1 },
        },
      },
      { $sort: { _id: 1 } },
    ]);
    expect(weeks.map((w) => [w._id.toISOString().slice(0, 10), w.n])).toEqual([
      ['2024-03-04', 14],
      ['2024-03-11', 12],
      ['2024-03-18', 7],
      ['2024-03-25', 7],
    ]);
  });
});
