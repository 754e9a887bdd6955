import type { Document } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// Views as MongoDB 7.0 documents them (Views; create with viewOn/pipeline; collMod): read-only
// results of a pipeline over a collection or another view, computed when read.

const ctx = setupDriverDb(import.meta.url);

interface Person {
  _id: number;
  name: string;
  dept: string;
  age: number;
  tags?: string[];
}

const people: Person[] = [
  { _id: 1, name: 'Ana', dept: 'eng', age: 31, tags: ['a', 'b'] },
  { _id: 2, name: 'Ben', dept: 'eng', age: 25, tags: ['b'] },
  { _id: 3, name: 'Cai', dept: 'ops', age: 42 },
  { _id: 4, name: 'Dee', dept: 'eng', age: 38, tags: ['c'] },
  { _id: 5, name: 'Eli', dept: 'hr', age: 29 },
];

async function info(name: string): Promise<Document | undefined> {
  const [entry] = await ctx().db.listCollections({ name }).toArray();
  return entry;
}

describe('views: create and read', () => {
  beforeAll(async () => {
    await ctx().db.collection<Person>('people').insertMany(people);
    await ctx().db.command({
      create: 'engineers',
      viewOn: 'people',
      pipeline: [{ $match: { dept: 'eng' } }, { $project: { name: 1, age: 1 } }],
    });
  });

  it('find applies the view pipeline, then filter, sort, skip, limit and projection', async () => {
    const view = ctx().db.collection<Person>('engineers');
    expect(await view.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, name: 'Ana', age: 31 },
      { _id: 2, name: 'Ben', age: 25 },
      { _id: 4, name: 'Dee', age: 38 },
    ]);
    expect(
      await view
        .find({ age: { $gt: 30 } })
        .sort({ age: -1 })
        .toArray(),
    ).toEqual([
      { _id: 4, name: 'Dee', age: 38 },
      { _id: 1, name: 'Ana', age: 31 },
    ]);
    expect(
      await view
        .find({}, { projection: { _id: 0, name: 1 } })
        .sort({ age: 1 })
        .skip(1)
        .limit(1)
        .toArray(),
    ).toEqual([{ name: 'Ana' }]);
    // Fields the view projected away are gone for the reader, even in the filter.
    expect(await view.countDocuments({ dept: 'eng' })).toBe(0);
    expect(await view.findOne({ _id: 2 })).toEqual({ _id: 2, name: 'Ben', age: 25 });
  });

  it('aggregate runs the view pipeline first', async () => {
    const result = await ctx()
      .db.collection('engineers')
      .aggregate([{ $group: { _id: null, total: { $sum: '$age' } } }])
      .toArray();
    expect(result).toEqual([{ _id: null, total: 94 }]);
  });

  it('count, countDocuments, distinct and estimatedDocumentCount read the view', async () => {
    const view = ctx().db.collection('engineers');
    expect(await view.estimatedDocumentCount()).toBe(3);
    expect(await view.countDocuments({ age: { $lt: 35 } })).toBe(2);
    expect(await ctx().db.command({ count: 'engineers' })).toMatchObject({ n: 3, ok: 1 });
    expect(
      await ctx().db.command({ count: 'engineers', query: {}, skip: 1, limit: 1 }),
    ).toMatchObject({ n: 1 });
    expect(await view.distinct('name', { age: { $gt: 26 } })).toEqual(['Ana', 'Dee']);
  });

  it('a view reads the collection as it is now', async () => {
    const people = ctx().db.collection<Person>('people');
    await people.insertOne({ _id: 6, name: 'Fay', dept: 'eng', age: 22 });
    expect(await ctx().db.collection('engineers').estimatedDocumentCount()).toBe(4);
    await people.deleteOne({ _id: 6 });
    expect(await ctx().db.collection('engineers').estimatedDocumentCount()).toBe(3);
  });

  it('views on views apply each pipeline in turn', async () => {
    await ctx().db.createCollection('seniorEngineers', {
      viewOn: 'engineers',
      pipeline: [{ $match: { age: { $gte: 30 } } }, { $sort: { age: 1 } }],
    });
    const rows = await ctx().db.collection<Person>('seniorEngineers').find().toArray();
    expect(rows.map((row) => row.name)).toEqual(['Ana', 'Dee']);
    expect(rows[0]).toEqual({ _id: 1, name: 'Ana', age: 31 });
    expect(await ctx().db.collection('seniorEngineers').estimatedDocumentCount()).toBe(2);
  });

  it('a view on a collection that does not exist is empty', async () => {
    await ctx().db.createCollection('ghostView', { viewOn: 'noSuchCollection', pipeline: [] });
    expect(await ctx().db.collection('ghostView').find().toArray()).toEqual([]);
    expect(await ctx().db.collection('ghostView').estimatedDocumentCount()).toBe(0);
  });

  it('a view can be the from of a $lookup', async () => {
    const joined = await ctx()
      .db.collection('people')
      .aggregate([
        { $match: { _id: 3 } },
        { $lookup: { from: 'engineers', pipeline: [{ $count: 'n' }], as: 'eng' } },
      ])
      .toArray();
    expect(joined[0].eng).toEqual([{ n: 3 }]);
  });
});

describe('views: listCollections, collMod, drop', () => {
  it("listCollections shows type 'view' with its viewOn and pipeline", async () => {
    await ctx().db.createCollection('listedView', {
      viewOn: 'people',
      pipeline: [{ $match: { dept: 'ops' } }],
    });
    const entry = await info('listedView');
    expect(entry).toMatchObject({
      name: 'listedView',
      type: 'view',
      options: { viewOn: 'people', pipeline: [{ $match: { dept: 'ops' } }] },
      info: { readOnly: true },
    });
    const [named] = await ctx()
      .db.listCollections({ name: 'listedView' }, { nameOnly: true })
      .toArray();
    expect(named).toEqual({ name: 'listedView', type: 'view' });
    const views = await ctx().db.listCollections({ type: 'view' }, { nameOnly: true }).toArray();
    expect(views.map((view) => view.name)).toContain('listedView');
    expect(views.map((view) => view.name)).not.toContain('people');
  });

  it('a view created without a pipeline lists an empty one and shows the whole collection', async () => {
    await ctx().db.command({ create: 'allPeople', viewOn: 'people' });
    expect((await info('allPeople'))?.options).toEqual({ viewOn: 'people', pipeline: [] });
    expect(await ctx().db.collection('allPeople').estimatedDocumentCount()).toBe(people.length);
  });

  it('collMod changes a view definition', async () => {
    await ctx().db.createCollection('changing', {
      viewOn: 'people',
      pipeline: [{ $match: { dept: 'hr' } }],
    });
    expect(await ctx().db.collection('changing').estimatedDocumentCount()).toBe(1);
    const reply = await ctx().db.command({
      collMod: 'changing',
      viewOn: 'people',
      pipeline: [{ $match: { dept: 'eng' } }],
    });
    expect(reply.ok).toBe(1);
    expect(await ctx().db.collection('changing').estimatedDocumentCount()).toBe(3);
    expect((await info('changing'))?.options).toEqual({
      viewOn: 'people',
      pipeline: [{ $match: { dept: 'eng' } }],
    });
  });

  it('collMod refuses a definition that makes a cycle of views (5)', async () => {
    await ctx().db.createCollection('cycleA', { viewOn: 'people', pipeline: [] });
    await ctx().db.createCollection('cycleB', { viewOn: 'cycleA', pipeline: [] });
    await expectServerError(
      ctx().db.command({ collMod: 'cycleA', viewOn: 'cycleB', pipeline: [] }),
      5,
      'GraphContainsCycle',
    );
    expect(await ctx().db.collection('cycleB').estimatedDocumentCount()).toBe(people.length);
  });

  it('collMod on a name that does not exist answers 26', async () => {
    await expectServerError(
      ctx().db.command({ collMod: 'noSuchView', viewOn: 'people', pipeline: [] }),
      26,
      'NamespaceNotFound',
    );
  });

  it('drop removes a view and leaves its collection', async () => {
    await ctx().db.createCollection('dropMe', { viewOn: 'people', pipeline: [] });
    expect(await ctx().db.collection('dropMe').drop()).toBe(true);
    expect(await info('dropMe')).toBeUndefined();
    expect(await ctx().db.collection('people').estimatedDocumentCount()).toBe(people.length);
  });

  it('creating a view whose name is taken answers 48 NamespaceExists', async () => {
    await expectServerError(
      ctx().db.command({ create: 'people', viewOn: 'engineers', pipeline: [] }),
      48,
      'NamespaceExists',
    );
    await ctx().db.createCollection('takenView', { viewOn: 'people', pipeline: [] });
    await expectServerError(
      ctx().db.command({ create: 'takenView', viewOn: 'people', pipeline: [{ $limit: 1 }] }),
      48,
      'NamespaceExists',
    );
    await expectServerError(ctx().db.command({ create: 'takenView' }), 48, 'NamespaceExists');
  });

  it('create refuses a view pipeline with an unknown stage (40324)', async () => {
    await expectServerError(
      ctx().db.command({ create: 'badStage', viewOn: 'people', pipeline: [{ $noSuchStage: {} }] }),
      40324,
    );
    expect(await info('badStage')).toBeUndefined();
  });

  it('create refuses a view pipeline with $out', async () => {
    const failure = ctx().db.command({
      create: 'writingView',
      viewOn: 'people',
      pipeline: [{ $out: 'elsewhere' }],
    });
    await expect(failure).rejects.toThrow();
    expect(await info('writingView')).toBeUndefined();
  });
});

describe('views: writes are refused with 166 CommandNotSupportedOnView', () => {
  beforeAll(async () => {
    await ctx().db.createCollection('readOnly', { viewOn: 'people', pipeline: [] });
  });
  const view = () => ctx().db.collection<Person>('readOnly');

  it('insert', async () => {
    const error = await expectServerError(
      view().insertOne({ _id: 99, name: 'X', dept: 'x', age: 1 }),
      166,
    );
    expect(error.message).toContain('is a view, not a collection');
  });

  it('update and replace', async () => {
    await expectServerError(view().updateOne({ _id: 1 }, { $set: { age: 1 } }), 166);
    await expectServerError(view().updateMany({}, { $set: { age: 1 } }), 166);
    await expectServerError(view().replaceOne({ _id: 1 }, { name: 'Z', dept: 'z', age: 2 }), 166);
  });

  it('delete', async () => {
    await expectServerError(view().deleteOne({ _id: 1 }), 166);
    await expectServerError(view().deleteMany({}), 166);
  });

  it('findAndModify', async () => {
    await expectServerError(
      view().findOneAndUpdate({ _id: 1 }, { $set: { age: 1 } }),
      166,
      'CommandNotSupportedOnView',
    );
    await expectServerError(view().findOneAndDelete({ _id: 1 }), 166, 'CommandNotSupportedOnView');
  });

  it('createIndexes', async () => {
    await expectServerError(view().createIndex({ name: 1 }), 166, 'CommandNotSupportedOnView');
  });

  it('nothing reached the collection underneath', async () => {
    expect(await ctx().db.collection('people').find().sort({ _id: 1 }).toArray()).toEqual(people);
  });
});
