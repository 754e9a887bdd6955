import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { ids, mixedValues, people } from './find-fixtures.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

const coll = () => ctx().db.collection<{ _id: number; [key: string]: unknown }>('people');

beforeAll(async () => {
  await coll().insertMany(people);
});

describe('find projection', () => {
  it('inclusion keeps _id unless excluded', async () => {
    expect(await coll().findOne({ _id: 1 }, { projection: { name: 1 } })).toEqual({
      _id: 1,
      name: 'Ada',
    });
    expect(await coll().findOne({ _id: 1 }, { projection: { name: 1, _id: 0 } })).toEqual({
      name: 'Ada',
    });
  });

  it('exclusion drops only the named fields', async () => {
    expect(
      await coll().findOne({ _id: 2 }, { projection: { scores: 0, tags: 0, address: 0 } }),
    ).toEqual({ _id: 2, name: 'Brian', dept: 'eng', age: 28 });
  });

  it('nested inclusion and exclusion, also through arrays', async () => {
    expect(await coll().findOne({ _id: 1 }, { projection: { 'address.city': 1, _id: 0 } })).toEqual(
      {
        address: { city: 'London' },
      },
    );
    expect(await coll().findOne({ _id: 1 }, { projection: { 'scores.score': 1 } })).toEqual({
      _id: 1,
      scores: [{ score: 95 }, { score: 60 }],
    });
    expect(
      await coll().findOne({ _id: 1 }, { projection: { 'address.zip': 0, scores: 0, tags: 0 } }),
    ).toEqual({ _id: 1, name: 'Ada', dept: 'eng', age: 36, address: { city: 'London' } });
  });

  it('$slice and $elemMatch projections', async () => {
    expect(
      await coll().findOne({ _id: 1 }, { projection: { tags: { $slice: 1 }, _id: 0, name: 1 } }),
    ).toEqual({
      name: 'Ada',
      tags: ['lead'],
    });
    expect(
      await coll().findOne(
        { _id: 1 },
        { projection: { scores: { $elemMatch: { subject: 'art' } } } },
      ),
    ).toEqual({ _id: 1, scores: [{ subject: 'art', score: 60 }] });
  });

  it('mixing inclusion and exclusion is an error (31254)', async () => {
    await expectServerError(
      coll()
        .find({}, { projection: { name: 1, age: 0 } })
        .toArray(),
      31254,
    );
  });
});

describe('find sort, skip, limit', () => {
  it('sorts on several keys', async () => {
    const docs = await coll().find({}).sort({ age: -1, name: 1 }).toArray();
    expect(ids(docs)).toEqual([5, 3, 1, 2, 4]);
    const byDept = await coll().find({}).sort({ dept: 1, age: 1, _id: -1 }).toArray();
    // Missing dept sorts first (as null).
    expect(ids(byDept)).toEqual([5, 2, 1, 4, 3]);
  });

  it('sorts mixed types in BSON order', async () => {
    const mixed = ctx().db.collection<{ _id: number; v: unknown }>('mixed');
    await mixed.insertMany(mixedValues());
    const sorted = await mixed.find().sort({ v: 1 }).toArray();
    expect(ids(sorted)).toEqual([3, 6, 2, 8, 1, 4, 5, 7]);
  });

  it('comparison operators only match values of the same type bracket', async () => {
    const mixed = ctx().db.collection<{ _id: number; v: unknown }>('bracket');
    await mixed.insertMany(mixedValues());
    expect(
      ids(
        await mixed
          .find({ v: { $gt: 1 } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([2, 6]);
    expect(
      ids(
        await mixed
          .find({ v: { $gte: 'a' } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 8]);
    expect(ids(await mixed.find({ v: { $lt: new Date(1) } }).toArray())).toEqual([7]);
    expect(ids(await mixed.find({ v: { $lte: null } }).toArray())).toEqual([3]);
  });

  it('sorts strings by their UTF-8 bytes when no collation is given', async () => {
    const words = ctx().db.collection<{ _id: number; w: string }>('words');
    const values = ['b', '😀', 'a', 'Ａ', 'é', 'B'];
    await words.insertMany(values.map((w, i) => ({ _id: i, w })));
    const sorted = (await words.find().sort({ w: 1 }).toArray()).map((d) => d.w);
    expect(sorted).toEqual(['B', 'a', 'b', 'é', 'Ａ', '😀']);
  });

  it('compares strings by their UTF-8 bytes in query operators', async () => {
    const words = ctx().db.collection<{ _id: number; w: string }>('words-query');
    await words.insertMany(['b', '😀', 'a', 'Ａ', 'é', 'B'].map((w, i) => ({ _id: i, w })));
    expect(await words.countDocuments({ w: { $gt: 'Ａ' } })).toBe(1);
  });

  it('sorts on an array field by its smallest element ascending, largest descending', async () => {
    const arrays = ctx().db.collection<{ _id: number; v: number[] }>('arrays');
    await arrays.insertMany([
      { _id: 1, v: [5, 1] },
      { _id: 2, v: [3] },
      { _id: 3, v: [4, 9] },
    ]);
    expect(ids(await arrays.find().sort({ v: 1 }).toArray())).toEqual([1, 2, 3]);
    expect(ids(await arrays.find().sort({ v: -1 }).toArray())).toEqual([3, 1, 2]);
  });

  it('skip and limit apply after sort', async () => {
    expect(ids(await coll().find({}).sort({ _id: 1 }).skip(1).limit(2).toArray())).toEqual([2, 3]);
    expect(ids(await coll().find({}).sort({ _id: -1 }).limit(2).toArray())).toEqual([5, 4]);
    expect(await coll().find({}).skip(10).toArray()).toEqual([]);
  });
});
