import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// MongoDB's "Create a View with Default Collation": "If performing an aggregation that involves
// multiple views, such as with $lookup or $graphLookup, the views must have the same collation."
// An aggregate whose collation differs from a view it reads that way answers 167
// OptionNotSupportedOnView (SERVER-25186); with the same collation, the view's pipeline compares
// strings under it.

const ctx = setupDriverDb(import.meta.url);

const FR = { locale: 'fr', strength: 1 };

beforeAll(async () => {
  const db = ctx().db;
  await db
    .collection<{ _id: number; name: string; city: string; boss: string | null }>('people')
    .insertMany([
      { _id: 1, name: 'Ann', city: 'Café', boss: null },
      { _id: 2, name: 'bo', city: 'Paris', boss: 'Ann' },
    ]);
  await db.collection<{ _id: number; who: string }>('orders').insertMany([{ _id: 1, who: 'ann' }]);
  await db.createCollection('cafePeople', {
    viewOn: 'people',
    pipeline: [{ $match: { city: 'cafe' } }],
    collation: FR,
  });
  await db.createCollection('plainPeople', { viewOn: 'people', pipeline: [] });
});

describe('$lookup and $graphLookup into a view with a default collation', () => {
  it('answer 167 when the aggregate runs under another collation', async () => {
    const orders = ctx().db.collection('orders');
    const lookup = {
      $lookup: { from: 'cafePeople', localField: 'who', foreignField: 'name', as: 'people' },
    };
    await expectServerError(orders.aggregate([lookup]).toArray(), 167);
    await expectServerError(
      orders.aggregate([{ $facet: { joined: [lookup] } }]).toArray(),
      167,
      'OptionNotSupportedOnView',
    );
    await expectServerError(
      orders
        .aggregate([
          {
            $graphLookup: {
              from: 'cafePeople',
              startWith: '$who',
              connectFromField: 'boss',
              connectToField: 'name',
              as: 'chain',
            },
          },
        ])
        .toArray(),
      167,
    );
    // A simple view under a simple aggregate is fine.
    const plain = await orders
      .aggregate([
        { $lookup: { from: 'plainPeople', localField: 'who', foreignField: 'name', as: 'p' } },
      ])
      .toArray();
    expect(plain[0].p).toEqual([]);
  });

  it("under the view's collation, the join and the view's own pipeline use it", async () => {
    const joined = await ctx()
      .db.collection('orders')
      .aggregate(
        [
          {
            $lookup: { from: 'cafePeople', localField: 'who', foreignField: 'name', as: 'people' },
          },
          { $project: { who: 1, names: '$people.name' } },
        ],
        { collation: FR },
      )
      .toArray();
    expect(joined).toEqual([{ _id: 1, who: 'ann', names: ['Ann'] }]);
  });
});
