import type { CollationOptions, Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// Collation on reads and writes, from MongoDB's documentation of the collation document and of
// each command's `collation` option. Strength 1 ignores case and accents, strength 2 ignores
// case only, numericOrdering compares digit runs as numbers, and no collation is binary.

const ctx = setupDriverDb(import.meta.url);

type Row = Document & { _id: number; name: string };

const coll = (name: string) => ctx().db.collection<Row>(name);

const PRIMARY: CollationOptions = { locale: 'fr', strength: 1 };
const SECONDARY: CollationOptions = { locale: 'en', strength: 2 };

const CAFES: Row[] = [
  { _id: 1, name: 'cafe' },
  { _id: 2, name: 'Café' },
  { _id: 3, name: 'CAFE' },
  { _id: 4, name: 'thé' },
];

async function ids(cursor: { toArray(): Promise<Row[]> }): Promise<number[]> {
  return (await cursor.toArray()).map((row) => row._id);
}

beforeAll(async () => {
  await coll('cafes').insertMany(CAFES);
});

describe('find with a collation', () => {
  it('strength 1 matches across case and accents', async () => {
    const found = await ids(
      coll('cafes').find({ name: 'cafe' }, { collation: PRIMARY }).sort({ _id: 1 }),
    );
    expect(found).toEqual([1, 2, 3]);
  });

  it('strength 2 matches across case but not accents', async () => {
    const found = await ids(
      coll('cafes').find({ name: 'cafe' }, { collation: SECONDARY }).sort({ _id: 1 }),
    );
    expect(found).toEqual([1, 3]);
  });

  it('without a collation, or with locale simple, comparison is binary', async () => {
    expect(await ids(coll('cafes').find({ name: 'cafe' }))).toEqual([1]);
    expect(
      await ids(coll('cafes').find({ name: 'cafe' }, { collation: { locale: 'simple' } })),
    ).toEqual([1]);
  });

  it('applies to $eq, $ne, $in and $nin', async () => {
    const find = (filter: Document) =>
      ids(coll('cafes').find(filter, { collation: PRIMARY }).sort({ _id: 1 }));
    expect(await find({ name: { $eq: 'CAFÉ' } })).toEqual([1, 2, 3]);
    expect(await find({ name: { $ne: 'CAFÉ' } })).toEqual([4]);
    expect(await find({ name: { $in: ['THE', 'nothing'] } })).toEqual([4]);
    expect(await find({ name: { $nin: ['THE'] } })).toEqual([1, 2, 3]);
    expect(await find({ $or: [{ name: 'THE' }, { _id: 1 }] })).toEqual([1, 4]);
  });

  it('applies to range comparisons', async () => {
    await coll('letters').insertMany([
      { _id: 1, name: 'a' },
      { _id: 2, name: 'B' },
      { _id: 3, name: 'c' },
    ]);
    // Binary order puts 'B' before 'b'; the collation puts it level with 'b'.
    expect(
      await ids(
        coll('letters')
          .find({ name: { $gte: 'b' } })
          .sort({ _id: 1 }),
      ),
    ).toEqual([3]);
    expect(
      await ids(
        coll('letters')
          .find({ name: { $gte: 'b' } }, { collation: SECONDARY })
          .sort({ _id: 1 }),
      ),
    ).toEqual([2, 3]);
    expect(
      await ids(coll('letters').find({ name: { $lt: 'b' } }, { collation: SECONDARY })),
    ).toEqual([1]);
  });

  it('sorts with numericOrdering and caseFirst', async () => {
    await coll('numbers').insertMany([
      { _id: 1, name: '10' },
      { _id: 2, name: '9' },
      { _id: 3, name: '100' },
      { _id: 4, name: '2' },
    ]);
    const binary = await coll('numbers').find().sort({ name: 1 }).toArray();
    expect(binary.map((row) => row.name)).toEqual(['10', '100', '2', '9']);
    const numeric = await coll('numbers')
      .find({}, { collation: { locale: 'en', numericOrdering: true } })
      .sort({ name: 1 })
      .toArray();
    expect(numeric.map((row) => row.name)).toEqual(['2', '9', '10', '100']);
    const descending = await coll('numbers')
      .find({ name: { $gt: '9' } }, { collation: { locale: 'en', numericOrdering: true } })
      .sort({ name: -1 })
      .toArray();
    expect(descending.map((row) => row.name)).toEqual(['100', '10']);

    await coll('cases').insertMany([
      { _id: 1, name: 'b' },
      { _id: 2, name: 'A' },
      { _id: 3, name: 'a' },
      { _id: 4, name: 'B' },
    ]);
    const upperFirst = await coll('cases')
      .find({}, { collation: { locale: 'en', caseFirst: 'upper' } })
      .sort({ name: 1 })
      .toArray();
    expect(upperFirst.map((row) => row.name)).toEqual(['A', 'a', 'B', 'b']);
    const lowerFirst = await coll('cases')
      .find({}, { collation: { locale: 'en', caseFirst: 'lower' } })
      .sort({ name: 1 })
      .toArray();
    expect(lowerFirst.map((row) => row.name)).toEqual(['a', 'A', 'b', 'B']);
    const binaryCases = await coll('cases').find().sort({ name: 1 }).toArray();
    expect(binaryCases.map((row) => row.name)).toEqual(['A', 'B', 'a', 'b']);
  });

  it('caseLevel makes strength 1 tell case apart but not accents', async () => {
    const found = await ids(
      coll('cafes')
        .find({ name: 'CAFÉ' }, { collation: { locale: 'fr', strength: 1, caseLevel: true } })
        .sort({ _id: 1 }),
    );
    expect(found).toEqual([3]);
  });
});

describe('count, distinct and aggregate with a collation', () => {
  it('countDocuments and count follow the collation', async () => {
    expect(await coll('cafes').countDocuments({ name: 'cafe' }, { collation: PRIMARY })).toBe(3);
    expect(await coll('cafes').countDocuments({ name: 'cafe' })).toBe(1);
    const reply = await ctx().db.command({
      count: 'cafes',
      query: { name: 'CAFE' },
      collation: SECONDARY,
    });
    expect(reply.n).toBe(2);
  });

  it('distinct returns one value per collation-equal group', async () => {
    const values = await coll('cafes').distinct('name', {}, { collation: PRIMARY });
    expect(values).toHaveLength(2);
    const bases = values.map((value) =>
      String(value).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    );
    expect(bases.sort()).toEqual(['cafe', 'the']);
    expect(await coll('cafes').distinct('name', {}, { collation: SECONDARY })).toHaveLength(3);
    expect(await coll('cafes').distinct('name')).toHaveLength(4);
  });

  it('aggregate applies it to $match, $sort and $group', async () => {
    const matched = await coll('cafes')
      .aggregate([{ $match: { name: 'cafe' } }, { $sort: { _id: 1 } }], { collation: PRIMARY })
      .toArray();
    expect(matched.map((row) => row._id as number)).toEqual([1, 2, 3]);

    const groups = await coll('cafes')
      .aggregate<{ _id: string; n: number }>(
        [{ $group: { _id: '$name', n: { $sum: 1 } } }, { $sort: { n: -1 } }],
        { collation: SECONDARY },
      )
      .toArray();
    expect(groups.map((group) => group.n)).toEqual([2, 1, 1]);

    const binaryGroups = await coll('cafes')
      .aggregate([{ $group: { _id: '$name' } }])
      .toArray();
    expect(binaryGroups).toHaveLength(4);

    const sorted = await coll('numbers')
      .aggregate([{ $sort: { name: 1 } }], { collation: { locale: 'en', numericOrdering: true } })
      .toArray();
    expect(sorted.map((row) => row.name as string)).toEqual(['2', '9', '10', '100']);
  });
});

describe('expressions under a collation', () => {
  it('$expr comparisons in a find filter follow the collation', async () => {
    const found = await ids(
      coll('cafes')
        .find({ $expr: { $eq: ['$name', 'CAFE'] } }, { collation: SECONDARY })
        .sort({ _id: 1 }),
    );
    expect(found).toEqual([1, 3]);
    expect(await ids(coll('cafes').find({ $expr: { $eq: ['$name', 'CAFE'] } }))).toEqual([3]);
  });

  it('aggregate expressions ($eq, $cmp, $gt) and $sortByCount follow the collation', async () => {
    const rows = await coll('cafes')
      .aggregate<{ _id: number; same: boolean; order: number; after: boolean }>(
        [
          {
            $project: {
              same: { $eq: ['$name', 'cafe'] },
              order: { $cmp: ['$name', 'CAFE'] },
              after: { $gt: ['$name', 'Cafe'] },
            },
          },
          { $sort: { _id: 1 } },
        ],
        { collation: PRIMARY },
      )
      .toArray();
    expect(rows.map((row) => [row.same, row.order, row.after])).toEqual([
      [true, 0, false],
      [true, 0, false],
      [true, 0, false],
      [false, 1, true],
    ]);
    const counted = await coll('cafes')
      .aggregate<{ _id: string; count: number }>([{ $sortByCount: '$name' }], {
        collation: PRIMARY,
      })
      .toArray();
    expect(counted.map((row) => row.count)).toEqual([3, 1]);
  });

  it('accepts ICU locale names with an underscore', async () => {
    const sorted = await coll('numbers')
      .aggregate([{ $sort: { name: -1 } }], {
        collation: { locale: 'en_US', numericOrdering: true },
      })
      .toArray();
    expect(sorted.map((row) => row.name as string)).toEqual(['100', '10', '9', '2']);
  });
});

describe('writes with a collation', () => {
  it('updateMany and deleteMany match under the collation', async () => {
    await coll('writes').insertMany(CAFES);
    const updated = await coll('writes').updateMany(
      { name: 'cafe' },
      { $set: { hot: true } },
      { collation: PRIMARY },
    );
    expect(updated.matchedCount).toBe(3);
    expect(await coll('writes').countDocuments({ hot: true })).toBe(3);

    const binary = await coll('writes').updateMany({ name: 'CAFÉ' }, { $set: { cold: true } });
    expect(binary.matchedCount).toBe(0);

    const deleted = await coll('writes').deleteMany({ name: 'CAFE' }, { collation: SECONDARY });
    expect(deleted.deletedCount).toBe(2);
    expect(await ids(coll('writes').find().sort({ _id: 1 }))).toEqual([2, 4]);
  });

  it('findOneAndUpdate and findOneAndDelete match and sort under the collation', async () => {
    await coll('fam').insertMany([
      { _id: 1, name: 'b', n: 0 },
      { _id: 2, name: 'A', n: 0 },
      { _id: 3, name: 'a', n: 0 },
    ]);
    const updated = await coll('fam').findOneAndUpdate(
      { name: 'A' },
      { $inc: { n: 1 } },
      { collation: SECONDARY, sort: { _id: -1 }, returnDocument: 'after' },
    );
    expect(updated).toMatchObject({ _id: 3, n: 1 });
    const first = await coll('fam').findOneAndDelete(
      { name: { $gte: 'A' } },
      { collation: { locale: 'en', caseFirst: 'upper' }, sort: { name: 1 } },
    );
    expect(first).toMatchObject({ _id: 2 });
  });

  it('bulkWrite uses each operation own collation', async () => {
    await coll('bulk').insertMany(CAFES);
    const result = await coll('bulk').bulkWrite([
      { updateMany: { filter: { name: 'cafe' }, update: { $set: { a: 1 } }, collation: PRIMARY } },
      { updateOne: { filter: { name: 'CAFE' }, update: { $set: { b: 1 } } } },
      { deleteMany: { filter: { name: 'THÉ' }, collation: SECONDARY } },
      {
        replaceOne: { filter: { name: 'cafe' }, replacement: { name: 'x' }, collation: SECONDARY },
      },
    ]);
    expect(result.matchedCount).toBe(3 + 1 + 1);
    expect(result.deletedCount).toBe(1);
    expect(await coll('bulk').countDocuments({ a: 1 })).toBe(2);
    expect(await coll('bulk').countDocuments({ name: 'x' })).toBe(1);
  });
});
