import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

type Doc = Document & { _id: number };

async function names(filter: Document = {}): Promise<string[]> {
  const list = await ctx().db.listCollections(filter, { nameOnly: true }).toArray();
  return list.map((c) => c.name).sort();
}

describe('collections', () => {
  it('createCollection creates an empty collection listed by listCollections', async () => {
    const coll = await ctx().db.createCollection('created');
    expect(coll.collectionName).toBe('created');
    expect(await names()).toContain('created');
    const [info] = await ctx()
      .db.listCollections({ name: 'created' }, { nameOnly: false })
      .toArray();
    expect(info).toMatchObject({ name: 'created', type: 'collection', options: {} });
    expect(info.info).toMatchObject({ readOnly: false });
    expect(await coll.countDocuments()).toBe(0);
  });

  it('create on an existing name: same options succeed, different options → 48', async () => {
    await ctx().db.createCollection('dupe');
    // Since MongoDB 7.0, create reports success when the collection exists with identical options.
    expect(await ctx().db.command({ create: 'dupe' })).toMatchObject({ ok: 1 });
    await expectServerError(
      ctx().db.command({ create: 'dupe', capped: true, size: 65536 }),
      48,
      'NamespaceExists',
    );
    await ctx().db.collection('implicitDupe').insertOne({ a: 1 });
    await expectServerError(
      ctx().db.createCollection('implicitDupe', { capped: true, size: 65536 }),
      48,
      'NamespaceExists',
    );
  });

  it('listCollections filters by name and returns nothing for unknown names', async () => {
    await ctx().db.collection('alpha').insertOne({ a: 1 });
    await ctx().db.collection('beta').insertOne({ b: 1 });
    expect(await names({ name: 'alpha' })).toEqual(['alpha']);
    expect(await names({ name: { $in: ['alpha', 'beta', 'gamma'] } })).toEqual(['alpha', 'beta']);
    expect(await names({ name: 'gamma' })).toEqual([]);
    const full = await ctx().db.listCollections({ name: 'beta' }).toArray();
    expect(full).toHaveLength(1);
    expect(full[0].type).toBe('collection');
  });

  it('drop removes the collection, its documents and its indexes', async () => {
    const coll = ctx().db.collection<Doc>('toDrop');
    await coll.insertMany([
      { _id: 1, x: 1 },
      { _id: 2, x: 2 },
    ]);
    await coll.createIndex({ x: 1 }, { unique: true });
    expect(await coll.drop()).toBe(true);
    expect(await names()).not.toContain('toDrop');
    expect(await coll.countDocuments()).toBe(0);
    await coll.insertOne({ _id: 3, x: 1 });
    await coll.insertOne({ _id: 4, x: 1 });
    const indexNames = (await coll.indexes()).map((i) => i.name);
    expect(indexNames).toEqual(['_id_']);
  });

  it('dropping a collection that does not exist does not throw', async () => {
    await expect(ctx().db.collection('neverThere').drop()).resolves.toBeDefined();
  });

  it('dropDatabase removes every collection of the database', async () => {
    const other = ctx().client.db(`${ctx().dbName}_drop`);
    await other.collection('a').insertOne({ a: 1 });
    await other.createCollection('b');
    expect((await other.listCollections().toArray()).length).toBe(2);
    expect(await other.dropDatabase()).toBe(true);
    expect(await other.listCollections().toArray()).toEqual([]);
  });
});

describe('counting', () => {
  it('countDocuments with filter, skip and limit; estimatedDocumentCount', async () => {
    const coll = ctx().db.collection<Doc>('counting');
    await coll.insertMany(Array.from({ length: 25 }, (_, i) => ({ _id: i, even: i % 2 === 0 })));
    expect(await coll.countDocuments()).toBe(25);
    expect(await coll.countDocuments({ even: true })).toBe(13);
    expect(await coll.countDocuments({ even: true }, { skip: 10 })).toBe(3);
    expect(await coll.countDocuments({}, { limit: 5 })).toBe(5);
    expect(await coll.estimatedDocumentCount()).toBe(25);
    expect(await ctx().db.collection('noSuchColl').countDocuments()).toBe(0);
    expect(await ctx().db.collection('noSuchColl').estimatedDocumentCount()).toBe(0);
  });

  it('the count command answers n', async () => {
    const coll = ctx().db.collection<Doc>('countCmd');
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i })));
    expect(await ctx().db.command({ count: 'countCmd' })).toMatchObject({ ok: 1, n: 10 });
    expect(await ctx().db.command({ count: 'countCmd', query: { _id: { $lt: 4 } } })).toMatchObject(
      {
        n: 4,
      },
    );
    expect(await ctx().db.command({ count: 'countCmd', skip: 8 })).toMatchObject({ n: 2 });
    expect(await ctx().db.command({ count: 'countCmd', limit: 3 })).toMatchObject({ n: 3 });
    expect(await ctx().db.command({ count: 'absent' })).toMatchObject({ ok: 1, n: 0 });
  });
});

describe('distinct', () => {
  it('unwinds arrays, honours a filter and reads nested paths', async () => {
    const coll = ctx().db.collection<Doc>('distinct');
    await coll.insertMany([
      { _id: 1, dept: 'eng', tags: ['a', 'b'], loc: { city: 'Oslo' } },
      { _id: 2, dept: 'eng', tags: ['b', 'c'], loc: { city: 'Rome' } },
      { _id: 3, dept: 'ops', tags: 'd', loc: { city: 'Oslo' } },
      { _id: 4, dept: 'ops' },
    ]);
    expect((await coll.distinct('dept')).sort()).toEqual(['eng', 'ops']);
    expect((await coll.distinct('tags')).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect((await coll.distinct('tags', { dept: 'eng' })).sort()).toEqual(['a', 'b', 'c']);
    expect((await coll.distinct('loc.city')).sort()).toEqual(['Oslo', 'Rome']);
    expect(await coll.distinct('nothing')).toEqual([]);
    expect(await ctx().db.collection('noDistinct').distinct('x')).toEqual([]);
  });

  it('the distinct command answers values', async () => {
    const reply = await ctx().db.command({ distinct: 'distinct', key: 'dept', query: { _id: 1 } });
    expect(reply).toMatchObject({ ok: 1, values: ['eng'] });
  });
});
