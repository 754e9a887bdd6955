import type { Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

const AT = new Date('2024-03-13T10:00:00Z'); // a Wednesday

beforeAll(async () => {
  await ctx()
    .db.collection('one')
    .insertOne({
      _id: 1 as never,
      arr: [1, 2, 3, 4],
      s: 'héllo wörld',
      at: AT,
      n: 7.89,
      str: '42',
    });
});

async function project(expressions: Document): Promise<Document> {
  const [doc] = await ctx()
    .db.collection('one')
    .aggregate([{ $project: { _id: 0, ...expressions } }])
    .toArray();
  return doc;
}

describe('aggregation expressions', () => {
  it('arithmetic and rounding (half to even)', async () => {
    expect(
      await project({
        r1: { $round: [10.5, 0] },
        r2: { $round: [11.5, 0] },
        r3: { $round: ['$n', 1] },
        t: { $trunc: ['$n', 1] },
        m: { $mod: [17, 5] },
        a: { $abs: -3 },
        sum: { $add: [1, 2, 3] },
        sub: { $subtract: [10, 4] },
        mul: { $multiply: [2, 3.5] },
        div: { $divide: [9, 2] },
      }),
    ).toEqual({ r1: 10, r2: 12, r3: 7.9, t: 7.8, m: 2, a: 3, sum: 6, sub: 6, mul: 7, div: 4.5 });
  });

  it('conditionals, arrays and objects', async () => {
    expect(
      await project({
        c: { $cond: [{ $gt: ['$n', 5] }, 'big', 'small'] },
        sw: {
          $switch: {
            branches: [{ case: { $lt: ['$n', 5] }, then: 'low' }],
            default: 'high',
          },
        },
        nul: { $ifNull: ['$missing', 'fallback'] },
        size: { $size: '$arr' },
        last: { $arrayElemAt: ['$arr', -1] },
        doubled: { $map: { input: '$arr', as: 'x', in: { $multiply: ['$$x', 2] } } },
        big: { $filter: { input: '$arr', as: 'x', cond: { $gt: ['$$x', 2] } } },
        total: { $reduce: { input: '$arr', initialValue: 0, in: { $add: ['$$value', '$$this'] } } },
        isIn: { $in: [3, '$arr'] },
        slice: { $slice: ['$arr', 1, 2] },
        merged: { $mergeObjects: [{ a: 1, b: 1 }, { b: 2 }] },
        letted: { $let: { vars: { k: 10 }, in: { $add: ['$$k', 1] } } },
      }),
    ).toEqual({
      c: 'big',
      sw: 'high',
      nul: 'fallback',
      size: 4,
      last: 4,
      doubled: [2, 4, 6, 8],
      big: [3, 4],
      total: 10,
      isIn: true,
      slice: [2, 3],
      merged: { a: 1, b: 2 },
      letted: 11,
    });
  });

  // $toUpper is only well defined for ASCII in MongoDB, so it gets ASCII input here.
  it('strings count code points, not bytes', async () => {
    expect(
      await project({
        up: { $toUpper: 'abc Xyz' },
        cp: { $strLenCP: '$s' },
        bytes: { $strLenBytes: 'héllo' },
        sub: { $substrCP: ['$s', 1, 3] },
        parts: { $split: ['$s', ' '] },
        cat: { $concat: ['a', '-', 'b'] },
        num: { $toInt: '$str' },
        str: { $toString: 42 },
        trimmed: { $trim: { input: '  x  ' } },
        cmp: { $strcasecmp: ['ABC', 'abc'] },
      }),
    ).toEqual({
      up: 'ABC XYZ',
      cp: 11,
      bytes: 6,
      sub: 'éll',
      parts: ['héllo', 'wörld'],
      cat: 'a-b',
      num: 42,
      str: '42',
      trimmed: 'x',
      cmp: 0,
    });
  });

  it('date parts, time zones and date arithmetic', async () => {
    expect(
      await project({
        dow: { $dayOfWeek: '$at' },
        isoDow: { $isoDayOfWeek: '$at' },
        isoWeek: { $isoWeek: '$at' },
        hour: { $hour: '$at' },
        oslo: { $dateToString: { format: '%H:%M', date: '$at', timezone: 'Europe/Oslo' } },
        offset: { $dateToString: { format: '%Y-%m-%dT%H:%M', date: '$at', timezone: '+05:30' } },
        iso: { $toString: '$at' },
        parsed: { $dateFromString: { dateString: '2024-03-13' } },
        plus: { $dateAdd: { startDate: '$at', unit: 'day', amount: 3 } },
        diff: { $dateDiff: { startDate: '$at', endDate: new Date('2024-04-01Z'), unit: 'day' } },
      }),
    ).toEqual({
      dow: 4,
      isoDow: 3,
      isoWeek: 11,
      hour: 10,
      oslo: '11:00',
      offset: '2024-03-13T15:30',
      iso: '2024-03-13T10:00:00.000Z',
      parsed: new Date('2024-03-13T00:00:00Z'),
      plus: new Date('2024-03-16T10:00:00Z'),
      diff: 19,
    });
  });

  it('comparison follows BSON order across types', async () => {
    expect(
      await project({
        numLtStr: { $lt: [5, 'a'] },
        nullLtNum: { $lt: [null, 0] },
        cmpArr: {
          $cmp: [
            [1, 2],
            [1, 3],
          ],
        },
        eqNum: { $eq: [1, 1.0] },
      }),
    ).toEqual({ numLtStr: true, nullLtNum: true, cmpArr: -1, eqNum: true });
  });
});
