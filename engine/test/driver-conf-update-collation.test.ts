import { Binary } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// $addToSet, $pull and $pullAll under a collation (MongoDB's Collation page: an update's
// collation governs its string comparisons; SERVER-24404 made $addToSet and $pull follow it). At
// strength 2, "a" and "A" are the same string; BinData is compared byte by byte whatever the
// collation, since collation only applies to strings.

const ctx = setupDriverDb(import.meta.url);

interface Tagged {
  _id: number;
  tags?: string[];
  people?: { name: string; n?: number }[];
  blobs?: Binary[];
}

const CASELESS = { locale: 'en', strength: 2 };

async function tagged(name: string, docs: Tagged[]) {
  const coll = ctx().db.collection<Tagged>(name);
  await coll.insertMany(docs);
  return coll;
}

describe('$addToSet under a collation', () => {
  it('does not add a string the array holds in another case', async () => {
    const coll = await tagged('addOne', [{ _id: 1, tags: ['a', 'b'] }]);
    const same = await coll.updateOne(
      { _id: 1 },
      { $addToSet: { tags: 'A' } },
      { collation: CASELESS },
    );
    expect(same.modifiedCount).toBe(0);
    expect((await coll.findOne({ _id: 1 }))?.tags).toEqual(['a', 'b']);
    // Without a collation the comparison is binary: "A" is new.
    await coll.updateOne({ _id: 1 }, { $addToSet: { tags: 'A' } });
    expect((await coll.findOne({ _id: 1 }))?.tags).toEqual(['a', 'b', 'A']);
  });

  it('$each adds only what is new, counting what it added before', async () => {
    const coll = await tagged('addEach', [{ _id: 1, tags: ['a', 'b'] }]);
    await coll.updateOne(
      { _id: 1 },
      { $addToSet: { tags: { $each: ['C', 'B', 'c', 'd'] } } },
      { collation: CASELESS },
    );
    expect((await coll.findOne({ _id: 1 }))?.tags).toEqual(['a', 'b', 'C', 'd']);
  });

  it('compares strings inside documents by the collation too', async () => {
    const coll = await tagged('addDocs', [{ _id: 1, people: [{ name: 'ann' }] }]);
    await coll.updateOne(
      { _id: 1 },
      { $addToSet: { people: { $each: [{ name: 'ANN' }, { name: 'bo' }] } } },
      { collation: CASELESS },
    );
    expect((await coll.findOne({ _id: 1 }))?.people).toEqual([{ name: 'ann' }, { name: 'bo' }]);
  });

  it("follows the collection's default collation", async () => {
    await ctx().db.createCollection('addDefault', { collation: CASELESS });
    const coll = ctx().db.collection<Tagged>('addDefault');
    await coll.insertOne({ _id: 1, tags: ['x'] });
    await coll.updateOne({ _id: 1 }, { $addToSet: { tags: { $each: ['X', 'y'] } } });
    expect((await coll.findOne({ _id: 1 }))?.tags).toEqual(['x', 'y']);
  });

  it('compares BinData byte by byte whatever the collation', async () => {
    const lower = new Binary(Buffer.from('a'));
    const upper = new Binary(Buffer.from('A'));
    const coll = await tagged('addBinary', [{ _id: 1, blobs: [lower] }]);
    await coll.updateOne(
      { _id: 1 },
      { $addToSet: { blobs: { $each: [upper, new Binary(Buffer.from('a'))] } } },
      { collation: CASELESS },
    );
    const blobs = (await coll.findOne({ _id: 1 }))?.blobs ?? [];
    expect(blobs.map((blob) => Buffer.from(blob.buffer).toString())).toEqual(['a', 'A']);
  });
});

describe('$pull and $pullAll under a collation', () => {
  it('$pull of a string removes it in every case', async () => {
    const coll = await tagged('pullValue', [{ _id: 1, tags: ['a', 'A', 'b', 'á'] }]);
    await coll.updateOne({ _id: 1 }, { $pull: { tags: 'A' } }, { collation: CASELESS });
    // Strength 2 still tells accents apart.
    expect((await coll.findOne({ _id: 1 }))?.tags).toEqual(['b', 'á']);
  });

  it('$pull with a condition and with a document condition', async () => {
    const coll = await tagged('pullCondition', [
      {
        _id: 1,
        tags: ['red', 'Green', 'blue'],
        people: [
          { name: 'Ann', n: 1 },
          { name: 'bo', n: 2 },
        ],
      },
    ]);
    await coll.updateOne(
      { _id: 1 },
      { $pull: { tags: { $in: ['GREEN', 'BLUE'] }, people: { name: 'ANN' } } },
      { collation: CASELESS },
    );
    const doc = await coll.findOne({ _id: 1 });
    expect(doc?.tags).toEqual(['red']);
    expect(doc?.people).toEqual([{ name: 'bo', n: 2 }]);
  });

  it('$pullAll removes every value equal under the collation', async () => {
    const coll = await tagged('pullAll', [{ _id: 1, tags: ['a', 'A', 'b', 'B', 'c'] }]);
    await coll.updateOne({ _id: 1 }, { $pullAll: { tags: ['A', 'b'] } }, { collation: CASELESS });
    expect((await coll.findOne({ _id: 1 }))?.tags).toEqual(['c']);
  });

  it('updateMany and findOneAndUpdate take the collation as well; BinData stays bytewise', async () => {
    const lower = new Binary(Buffer.from('a'));
    const coll = await tagged('pullMany', [
      { _id: 1, tags: ['X', 'y'], blobs: [lower] },
      { _id: 2, tags: ['x'], blobs: [lower] },
    ]);
    await coll.updateMany(
      {},
      { $pull: { tags: 'x', blobs: new Binary(Buffer.from('A')) } },
      { collation: CASELESS },
    );
    const docs = await coll.find().sort({ _id: 1 }).toArray();
    expect(docs.map((doc) => doc.tags)).toEqual([['y'], []]);
    expect(docs.map((doc) => doc.blobs?.length)).toEqual([1, 1]);
    const after = await coll.findOneAndUpdate(
      { _id: 1 },
      { $addToSet: { tags: 'Y' } },
      { collation: CASELESS, returnDocument: 'after' },
    );
    expect(after?.tags).toEqual(['y']);
  });
});
