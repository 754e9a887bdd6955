import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// $addToSet, $pull and $pullAll under a collation where the array is named through the positional
// operators ($, $[] and $[<identifier>] with arrayFilters) and in upserts. MongoDB's Collation page:
// the operation's collation governs every string comparison the update makes, whichever path
// names the array; at strength 2, "x" and "X" are one string.

const ctx = setupDriverDb(import.meta.url);

interface Group {
  name: string;
  tags: string[];
}

interface Grouped {
  _id: number;
  groups?: Group[];
  tags?: string[];
}

const CASELESS = { locale: 'en', strength: 2 };

async function grouped(name: string) {
  const coll = ctx().db.collection<Grouped>(name);
  await coll.insertOne({
    _id: 1,
    groups: [
      { name: 'a', tags: ['x'] },
      { name: 'b', tags: ['y'] },
    ],
  });
  return coll;
}

async function tagsOf(coll: Awaited<ReturnType<typeof grouped>>) {
  return (await coll.findOne({ _id: 1 }))?.groups?.map((group) => group.tags);
}

describe('$addToSet through positional operators under a collation', () => {
  it('$[] compares with each element by the collation', async () => {
    const coll = await grouped('allPositional');
    const result = await coll.updateOne(
      { _id: 1 },
      { $addToSet: { 'groups.$[].tags': 'X' } },
      { collation: CASELESS },
    );
    expect(result.modifiedCount).toBe(1);
    expect(await tagsOf(coll)).toEqual([['x'], ['y', 'X']]);
  });

  it('$ names the element the filter matched, and $each adds only what is new', async () => {
    const coll = await grouped('firstPositional');
    await coll.updateOne(
      { _id: 1, 'groups.name': 'B' },
      { $addToSet: { 'groups.$.tags': { $each: ['Y', 'z', 'Z'] } } },
      { collation: CASELESS },
    );
    expect(await tagsOf(coll)).toEqual([['x'], ['y', 'z']]);
  });

  it('$[<identifier>] with arrayFilters, and the collection default collation', async () => {
    await ctx().db.createCollection('filteredPositional', { collation: CASELESS });
    const coll = ctx().db.collection<Grouped>('filteredPositional');
    await coll.insertOne({
      _id: 1,
      groups: [
        { name: 'a', tags: ['x'] },
        { name: 'b', tags: ['y'] },
      ],
    });
    const same = await coll.updateOne(
      { _id: 1 },
      { $addToSet: { 'groups.$[g].tags': 'X' } },
      { arrayFilters: [{ 'g.name': 'A' }] },
    );
    expect(same.modifiedCount).toBe(0);
    await coll.updateOne(
      { _id: 1 },
      { $addToSet: { 'groups.$[g].tags': { $each: ['X', 'w'] } } },
      { arrayFilters: [{ 'g.name': 'A' }] },
    );
    expect(await tagsOf(coll)).toEqual([['x', 'w'], ['y']]);
  });

  it('without a collation the comparison stays binary', async () => {
    const coll = await grouped('binaryPositional');
    await coll.updateOne({ _id: 1 }, { $addToSet: { 'groups.$[].tags': 'X' } });
    expect(await tagsOf(coll)).toEqual([
      ['x', 'X'],
      ['y', 'X'],
    ]);
  });
});

describe('$pull and $pullAll through positional operators under a collation', () => {
  it('$pull at $[] and $pullAll at $[<identifier>] remove every case', async () => {
    const coll = await grouped('pullPositional');
    await coll.updateOne(
      { _id: 1 },
      { $pull: { 'groups.$[].tags': 'X' } },
      { collation: CASELESS },
    );
    expect(await tagsOf(coll)).toEqual([[], ['y']]);
    await coll.updateOne(
      { _id: 1 },
      { $pullAll: { 'groups.$[g].tags': ['Y'] } },
      { collation: CASELESS, arrayFilters: [{ 'g.name': 'B' }] },
    );
    expect(await tagsOf(coll)).toEqual([[], []]);
  });

  it('$pull at $ removes in the matched element only', async () => {
    const coll = ctx().db.collection<Grouped>('pullFirst');
    await coll.insertOne({
      _id: 1,
      groups: [
        { name: 'a', tags: ['x', 'X'] },
        { name: 'b', tags: ['x', 'y'] },
      ],
    });
    await coll.updateOne(
      { _id: 1, 'groups.name': 'B' },
      { $pull: { 'groups.$.tags': 'X' } },
      { collation: CASELESS },
    );
    expect(await tagsOf(coll)).toEqual([['x', 'X'], ['y']]);
  });
});

describe('upserts compare under the collation', () => {
  it('updateOne with upsert: $addToSet $each keeps one of each string', async () => {
    const coll = ctx().db.collection<Grouped>('upsertAdd');
    const result = await coll.updateOne(
      { _id: 7 },
      { $addToSet: { tags: { $each: ['a', 'A', 'b', 'B', 'c'] } } },
      { upsert: true, collation: CASELESS },
    );
    expect(result.upsertedId).toBe(7);
    expect(await coll.findOne({ _id: 7 })).toEqual({ _id: 7, tags: ['a', 'b', 'c'] });
  });

  it('findOneAndUpdate with upsert, and the collection default collation', async () => {
    await ctx().db.createCollection('upsertDefault', { collation: CASELESS });
    const coll = ctx().db.collection<Grouped>('upsertDefault');
    const doc = await coll.findOneAndUpdate(
      { _id: 3 },
      { $addToSet: { tags: { $each: ['q', 'Q'] } } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(doc).toEqual({ _id: 3, tags: ['q'] });
    await coll.updateOne(
      { _id: 4 },
      { $addToSet: { tags: { $each: ['r', 'R'] } } },
      { upsert: true },
    );
    expect(await coll.findOne({ _id: 4 })).toEqual({ _id: 4, tags: ['r'] });
  });

  it("an upsert's $pull removes from the array its filter seeded, in every case", async () => {
    const coll = ctx().db.collection<Grouped>('upsertPull');
    await coll.updateOne(
      { _id: 9, tags: ['a', 'b'] },
      { $pull: { tags: 'A' } },
      { upsert: true, collation: CASELESS },
    );
    expect(await coll.findOne({ _id: 9 })).toEqual({ _id: 9, tags: ['b'] });
  });
});
