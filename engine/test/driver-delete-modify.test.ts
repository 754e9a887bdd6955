import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { seededCollection, setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

type Doc = Document & { _id: number };

const seeded = (name: string, docs: Doc[]) => seededCollection<Doc>(ctx, name, docs);

const five = (): Doc[] =>
  [1, 2, 3, 4, 5].map((i) => ({ _id: i, group: i % 2 === 0 ? 'even' : 'odd', n: i * 10 }));

describe('delete', () => {
  it('deleteOne removes a single matching document', async () => {
    const coll = await seeded('deleteOne', five());
    const result = await coll.deleteOne({ group: 'odd' });
    expect(result).toEqual({ acknowledged: true, deletedCount: 1 });
    expect(await coll.countDocuments({ group: 'odd' })).toBe(2);
    expect((await coll.deleteOne({ group: 'none' })).deletedCount).toBe(0);
  });

  it('deleteMany removes every match and reports the count', async () => {
    const coll = await seeded('deleteMany', five());
    expect((await coll.deleteMany({ n: { $gte: 30 } })).deletedCount).toBe(3);
    expect((await coll.find().toArray()).map((d) => d._id)).toEqual([1, 2]);
    expect((await coll.deleteMany({})).deletedCount).toBe(2);
    expect(await coll.countDocuments()).toBe(0);
  });

  it('deleting from a missing collection deletes nothing', async () => {
    const result = await ctx().db.collection('missingDelete').deleteMany({});
    expect(result.deletedCount).toBe(0);
  });

  it('raw delete with limit 0 and 1', async () => {
    await seeded('rawDelete', five());
    const reply = await ctx().db.command({
      delete: 'rawDelete',
      deletes: [
        { q: { group: 'odd' }, limit: 1 },
        { q: { group: 'even' }, limit: 0 },
      ],
    });
    expect(reply).toMatchObject({ ok: 1, n: 3 });
    expect(await ctx().db.collection('rawDelete').countDocuments()).toBe(2);
  });
});

describe('findOneAndUpdate / findOneAndReplace / findOneAndDelete', () => {
  it('returns the document before or after the update', async () => {
    const coll = await seeded('fam', five());
    const before = await coll.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } });
    expect(before).toEqual({ _id: 1, group: 'odd', n: 10 });
    const after = await coll.findOneAndUpdate(
      { _id: 1 },
      { $inc: { n: 1 } },
      { returnDocument: 'after' },
    );
    expect(after).toEqual({ _id: 1, group: 'odd', n: 12 });
    expect(await coll.findOneAndUpdate({ _id: 99 }, { $inc: { n: 1 } })).toBeNull();
  });

  it('uses sort to choose the document and projection to shape it', async () => {
    const coll = await seeded('famSort', five());
    const top = await coll.findOneAndUpdate(
      { group: 'odd' },
      { $set: { picked: true } },
      { sort: { n: -1 }, projection: { n: 1, picked: 1, _id: 0 }, returnDocument: 'after' },
    );
    expect(top).toEqual({ n: 50, picked: true });
    expect(await coll.countDocuments({ picked: true })).toBe(1);
    expect((await coll.findOne({ picked: true }))?._id).toBe(5);
  });

  it('upserts: null before, the new document after', async () => {
    const coll = ctx().db.collection<Doc>('famUpsert');
    const before = await coll.findOneAndUpdate(
      { _id: 1 },
      { $set: { a: 1 } },
      { upsert: true, returnDocument: 'before' },
    );
    expect(before).toBeNull();
    const after = await coll.findOneAndUpdate(
      { _id: 2, kind: 'k' },
      { $set: { a: 2 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(after).toEqual({ _id: 2, kind: 'k', a: 2 });
    expect(await coll.countDocuments()).toBe(2);
  });

  it('reports lastErrorObject with includeResultMetadata', async () => {
    const coll = await seeded('famMeta', five());
    const updated = await coll.findOneAndUpdate(
      { _id: 2 },
      { $set: { x: 1 } },
      { includeResultMetadata: true, returnDocument: 'after' },
    );
    expect(updated.ok).toBe(1);
    expect(updated.value).toEqual({ _id: 2, group: 'even', n: 20, x: 1 });
    expect(updated.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
    const upserted = await coll.findOneAndUpdate(
      { _id: 77 },
      { $set: { x: 1 } },
      { includeResultMetadata: true, upsert: true, returnDocument: 'after' },
    );
    expect(upserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false, upserted: 77 });
  });

  it('findOneAndReplace keeps _id and honours returnDocument', async () => {
    const coll = await seeded('far', five());
    const before = await coll.findOneAndReplace({ _id: 3 }, { replaced: true });
    expect(before).toEqual({ _id: 3, group: 'odd', n: 30 });
    expect(await coll.findOne({ _id: 3 })).toEqual({ _id: 3, replaced: true });
    const after = await coll.findOneAndReplace(
      { group: 'even' },
      { replaced: 'even' },
      { sort: { _id: -1 }, returnDocument: 'after' },
    );
    expect(after).toEqual({ _id: 4, replaced: 'even' });
    const upserted = await coll.findOneAndReplace(
      { _id: 100 },
      { fresh: 1 },
      { upsert: true, returnDocument: 'after' },
    );
    expect(upserted).toEqual({ _id: 100, fresh: 1 });
  });

  it('findOneAndDelete removes and returns the first document in sort order', async () => {
    const coll = await seeded('fad', five());
    const gone = await coll.findOneAndDelete({ group: 'even' }, { sort: { n: -1 } });
    expect(gone).toEqual({ _id: 4, group: 'even', n: 40 });
    const projected = await coll.findOneAndDelete({}, { sort: { _id: 1 }, projection: { _id: 1 } });
    expect(projected).toEqual({ _id: 1 });
    expect((await coll.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([2, 3, 5]);
    expect(await coll.findOneAndDelete({ _id: 999 })).toBeNull();
  });
});
