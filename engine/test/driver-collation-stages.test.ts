import { type CollationOptions, type Document, MongoServerError } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// The places a collation reaches beyond plain comparisons, from MongoDB's documentation of
// collation, $all, $lookup, $bucket, arrayFilters and views: an operation's collation governs
// every string comparison it makes, and a view compares under its own default collation, which
// an operation may not override.

const ctx = setupDriverDb(import.meta.url);

type Row = Document & { _id: number };

const coll = (name: string) => ctx().db.collection<Row>(name);

const idsOf = (docs: unknown): unknown[] => (docs as Row[]).map((doc) => doc._id);

const CASELESS: CollationOptions = { locale: 'en', strength: 2 };

beforeAll(async () => {
  await coll('tags').insertMany([
    { _id: 1, tags: ['Red', 'Blue'] },
    { _id: 2, tags: ['red', 'green'] },
    { _id: 3, tags: ['blue', 'RED'] },
  ]);
  await coll('orders').insertMany([
    { _id: 1, item: 'ALMONDS' },
    { _id: 2, item: 'pecans' },
    { _id: 3, item: 'Cashews' },
  ]);
  await coll('stock').insertMany([
    { _id: 10, sku: 'almonds', left: 120 },
    { _id: 11, sku: 'Pecans', left: 80 },
    { _id: 12, sku: 'bread', left: 60 },
  ]);
});

describe('$all under a collation', () => {
  it('matches every element by collated equality', async () => {
    const filter = { tags: { $all: ['red', 'blue'] } };
    const caseless = coll('tags').find(filter, { collation: CASELESS }).sort({ _id: 1 });
    expect(idsOf(await caseless.toArray())).toEqual([1, 3]);
    expect(await coll('tags').countDocuments(filter)).toBe(0);
  });
});

describe('$lookup under a collation', () => {
  it('joins localField to foreignField by collated equality', async () => {
    const joined = await coll('orders')
      .aggregate(
        [
          { $lookup: { from: 'stock', localField: 'item', foreignField: 'sku', as: 'stock' } },
          { $project: { skus: '$stock._id' } },
          { $sort: { _id: 1 } },
        ],
        { collation: CASELESS },
      )
      .toArray();
    expect(joined).toEqual([
      { _id: 1, skus: [10] },
      { _id: 2, skus: [11] },
      { _id: 3, skus: [] },
    ]);
  });

  it('is binary without one', async () => {
    const joined = await coll('orders')
      .aggregate([
        { $lookup: { from: 'stock', localField: 'item', foreignField: 'sku', as: 'stock' } },
        { $project: { n: { $size: '$stock' } } },
      ])
      .toArray();
    expect(joined.every((doc) => doc.n === 0)).toBe(true);
  });

  it('applies to the $match stages of a $lookup pipeline', async () => {
    const joined = await coll('orders')
      .aggregate(
        [
          { $match: { _id: 2 } },
          {
            $lookup: {
              from: 'stock',
              let: { wanted: '$item' },
              pipeline: [
                { $match: { $expr: { $eq: ['$sku', '$$wanted'] } } },
                { $match: { sku: { $in: ['PECANS', 'BREAD'] } } },
              ],
              as: 'stock',
            },
          },
        ],
        { collation: CASELESS },
      )
      .toArray();
    expect(idsOf(joined[0]?.stock)).toEqual([11]);
  });
});

describe('$bucket under a collation', () => {
  it('places strings between boundaries by the collation', async () => {
    await coll('words').insertMany([
      { _id: 1, word: 'apple' },
      { _id: 2, word: 'Banana' },
      { _id: 3, word: 'cherry' },
      { _id: 4, word: 'Date' },
    ]);
    const buckets = await coll('words')
      .aggregate(
        [{ $bucket: { groupBy: '$word', boundaries: ['a', 'c', 'e'], default: 'other' } }],
        { collation: CASELESS },
      )
      .toArray();
    expect(buckets).toEqual([
      { _id: 'a', count: 2 },
      { _id: 'c', count: 2 },
    ]);
    const binary = await coll('words')
      .aggregate([{ $bucket: { groupBy: '$word', boundaries: ['a', 'c', 'e'], default: 'other' } }])
      .toArray();
    expect(binary).toEqual([
      { _id: 'a', count: 1 },
      { _id: 'c', count: 1 },
      { _id: 'other', count: 2 },
    ]);
  });
});

describe('arrayFilters and the positional operator under a collation', () => {
  it('arrayFilters conditions compare strings by the collation', async () => {
    await coll('menus').insertOne({
      _id: 1,
      dishes: [
        { name: 'Soup', price: 4 },
        { name: 'soup', price: 5 },
        { name: 'Salad', price: 6 },
      ],
    });
    await coll('menus').updateOne(
      { _id: 1 },
      { $inc: { 'dishes.$[dish].price': 1 } },
      { arrayFilters: [{ 'dish.name': 'SOUP' }], collation: CASELESS },
    );
    const menu = await coll('menus').findOne({ _id: 1 });
    expect((menu?.dishes as { price: number }[]).map((dish) => dish.price)).toEqual([5, 6, 6]);
  });

  it('the positional $ finds the element the collated filter matched', async () => {
    await coll('rooms').insertOne({ _id: 1, names: ['Alpha', 'beta', 'Gamma'] });
    await coll('rooms').updateOne(
      { _id: 1, names: 'BETA' },
      { $set: { 'names.$': 'Beta' } },
      { collation: CASELESS },
    );
    expect((await coll('rooms').findOne({ _id: 1 }))?.names).toEqual(['Alpha', 'Beta', 'Gamma']);
  });
});

describe('a view with a default collation', () => {
  beforeAll(async () => {
    await coll('people').insertMany([
      { _id: 1, name: 'Zoë', team: 'ops' },
      { _id: 2, name: 'zoe', team: 'ops' },
      { _id: 3, name: 'ZOE', team: 'dev' },
      { _id: 4, name: 'anna', team: 'dev' },
    ]);
    await ctx().db.createCollection('peopleCaseless', {
      viewOn: 'people',
      pipeline: [{ $project: { name: 1 } }],
      collation: { locale: 'en', strength: 1 },
    });
    await ctx().db.createCollection('peopleBinary', { viewOn: 'people', pipeline: [] });
  });

  it('listCollections shows the completed collation', async () => {
    const [info] = await ctx().db.listCollections({ name: 'peopleCaseless' }).toArray();
    expect(info && 'options' in info ? info.options : undefined).toMatchObject({
      collation: { locale: 'en', strength: 1, caseLevel: false, numericOrdering: false },
    });
  });

  it('find, count, distinct and aggregate compare under it', async () => {
    const view = coll('peopleCaseless');
    const found = await view.find({ name: 'zoe' }).sort({ _id: 1 }).toArray();
    expect(found.map((doc) => doc._id)).toEqual([1, 2, 3]);
    expect(await view.countDocuments({ name: 'ZOE' })).toBe(3);
    expect(await view.distinct('name')).toHaveLength(2);
    const grouped = await view
      .aggregate([{ $group: { _id: '$name', n: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(grouped.map((group) => group.n as number)).toEqual([1, 3]);
  });

  it('a view without one is binary, whatever its collection', async () => {
    expect(await coll('peopleBinary').countDocuments({ name: 'zoe' })).toBe(1);
  });

  it('an operation may not ask for another collation', async () => {
    const attempts = [
      () =>
        coll('peopleCaseless')
          .find({}, { collation: { locale: 'fr' } })
          .toArray(),
      () =>
        coll('peopleCaseless')
          .aggregate([], { collation: { locale: 'fr' } })
          .toArray(),
      () => coll('peopleBinary').countDocuments({}, { collation: CASELESS }),
      () => coll('peopleBinary').distinct('name', {}, { collation: CASELESS }),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(MongoServerError);
      expect((error as MongoServerError).code).toBe(167);
    }
  });

  it('the same collation as the view is accepted', async () => {
    const found = await coll('peopleCaseless')
      .find({ name: 'ZOË' }, { collation: { locale: 'en', strength: 1 } })
      .toArray();
    expect(found).toHaveLength(3);
  });
});
