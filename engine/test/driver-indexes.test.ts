import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

type Doc = Document & { _id: number };

interface CreateIndexesReply {
  ok: number;
  numIndexesBefore: number;
  numIndexesAfter: number;
  note?: string;
}

const coll = (name: string) => ctx().db.collection<Doc>(name);

async function indexNames(name: string): Promise<string[]> {
  return (await coll(name).indexes()).map((i) => i.name ?? '').sort();
}

describe('createIndex / listIndexes', () => {
  it('names indexes from their keys or the given name', async () => {
    expect(await coll('names').createIndex({ email: 1 }, { unique: true })).toBe('email_1');
    expect(await coll('names').createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    expect(await coll('names').createIndex({ c: 1 }, { name: 'by_c' })).toBe('by_c');
    expect(await indexNames('names')).toEqual(['_id_', 'a_1_b_-1', 'by_c', 'email_1']);
  });

  it('listIndexes reports v, key, name and unique', async () => {
    await coll('list').createIndex({ email: 1 }, { unique: true });
    await coll('list').createIndex({ org: 1, email: 1 }, { unique: true, name: 'org_email' });
    const indexes = await coll('list').indexes();
    expect(indexes).toHaveLength(3);
    expect(indexes[0]).toMatchObject({ v: 2, key: { _id: 1 }, name: '_id_' });
    expect(indexes[0].unique).toBeUndefined();
    expect(indexes.find((i) => i.name === 'email_1')).toMatchObject({
      v: 2,
      key: { email: 1 },
      unique: true,
    });
    const compound = indexes.find((i) => i.name === 'org_email');
    expect(compound).toMatchObject({ key: { org: 1, email: 1 }, unique: true });
    expect(Object.keys(compound?.key ?? {})).toEqual(['org', 'email']);
  });

  it('listIndexes on a missing collection → 26 NamespaceNotFound', async () => {
    await expectServerError(
      ctx().db.command({ listIndexes: 'noSuchCollection' }),
      26,
      'NamespaceNotFound',
    );
  });

  it('creating the same index twice is a no-op', async () => {
    const first = (await ctx().db.command({
      createIndexes: 'twice',
      indexes: [{ key: { k: 1 }, name: 'k_1', unique: true }],
    })) as CreateIndexesReply;
    expect(first).toMatchObject({ ok: 1, numIndexesBefore: 1, numIndexesAfter: 2 });
    const again = (await ctx().db.command({
      createIndexes: 'twice',
      indexes: [{ key: { k: 1 }, name: 'k_1', unique: true }],
    })) as CreateIndexesReply;
    expect(again).toMatchObject({ ok: 1, numIndexesBefore: 2, numIndexesAfter: 2 });
    expect(await coll('twice').createIndex({ k: 1 }, { unique: true })).toBe('k_1');
    expect(await indexNames('twice')).toEqual(['_id_', 'k_1']);
  });

  it('same name with a different key → 86; same key with a different name → 85', async () => {
    await coll('conflict').createIndex({ x: 1 }, { name: 'idx' });
    await expectServerError(
      coll('conflict').createIndex({ y: 1 }, { name: 'idx' }),
      86,
      'IndexKeySpecsConflict',
    );
    await expectServerError(
      coll('conflict').createIndex({ x: 1 }, { name: 'other' }),
      85,
      'IndexOptionsConflict',
    );
    expect(await indexNames('conflict')).toEqual(['_id_', 'idx']);
  });
});

describe('dropIndex / dropIndexes', () => {
  it('drops by name, by key pattern and all with *', async () => {
    const c = coll('drops');
    await c.createIndex({ a: 1 });
    await c.createIndex({ b: 1 });
    await c.createIndex({ c: 1, d: 1 });
    await c.createIndex({ e: 1 });
    await c.dropIndex('a_1');
    expect(await indexNames('drops')).toEqual(['_id_', 'b_1', 'c_1_d_1', 'e_1']);
    await ctx().db.command({ dropIndexes: 'drops', index: { c: 1, d: 1 } });
    expect(await indexNames('drops')).toEqual(['_id_', 'b_1', 'e_1']);
    await c.dropIndex('*');
    expect(await indexNames('drops')).toEqual(['_id_']);
    await c.createIndex({ f: 1 });
    await c.dropIndexes();
    expect(await indexNames('drops')).toEqual(['_id_']);
  });

  it('dropping a missing index → 27 IndexNotFound; the _id index cannot be dropped', async () => {
    await coll('dropMissing').insertOne({ _id: 1 });
    await expectServerError(coll('dropMissing').dropIndex('nope_1'), 27, 'IndexNotFound');
    await expectServerError(
      ctx().db.command({ dropIndexes: 'dropMissing', index: { nope: 1 } }),
      27,
      'IndexNotFound',
    );
    await expectServerError(coll('dropMissing').dropIndex('_id_'), 72, 'InvalidOptions');
    expect(await indexNames('dropMissing')).toEqual(['_id_']);
  });
});

describe('unique indexes', () => {
  it('reject duplicate inserts with 11000, keyPattern and keyValue', async () => {
    const c = coll('uniqueInsert');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ _id: 1, email: 'a@x.io' });
    const error = await expectServerError(c.insertOne({ _id: 2, email: 'a@x.io' }), 11000);
    expect(error.keyPattern).toEqual({ email: 1 });
    expect(error.keyValue).toEqual({ email: 'a@x.io' });
    expect(error.message).toMatch(/E11000 duplicate key error/);
    expect(error.message).toContain('email_1');
    expect(await c.countDocuments()).toBe(1);
  });

  it('reject updates and upserts that would duplicate a key', async () => {
    const c = coll('uniqueUpdate');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertMany([
      { _id: 1, email: 'a' },
      { _id: 2, email: 'b' },
    ]);
    const error = await expectServerError(c.updateOne({ _id: 2 }, { $set: { email: 'a' } }), 11000);
    expect(error.keyValue).toEqual({ email: 'a' });
    await expectServerError(
      c.updateOne({ _id: 3 }, { $set: { email: 'b' } }, { upsert: true }),
      11000,
    );
    await expectServerError(c.replaceOne({ _id: 1 }, { email: 'b' }), 11000);
    await expectServerError(c.findOneAndUpdate({ _id: 1 }, { $set: { email: 'b' } }), 11000);
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, email: 'a' },
      { _id: 2, email: 'b' },
    ]);
  });

  it('frees a key when its document is deleted or changes the key', async () => {
    const c = coll('uniqueFree');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertMany([
      { _id: 1, email: 'a' },
      { _id: 2, email: 'b' },
    ]);
    await c.deleteOne({ _id: 1 });
    await c.insertOne({ _id: 3, email: 'a' });
    await c.updateOne({ _id: 2 }, { $set: { email: 'c' } });
    await c.insertOne({ _id: 4, email: 'b' });
    expect(await c.countDocuments()).toBe(3);
  });

  it('a compound unique index only rejects equal combinations', async () => {
    const c = coll('uniqueCompound');
    await c.createIndex({ org: 1, email: 1 }, { unique: true });
    await c.insertMany([
      { _id: 1, org: 'x', email: 'a' },
      { _id: 2, org: 'y', email: 'a' },
      { _id: 3, org: 'x', email: 'b' },
    ]);
    const error = await expectServerError(c.insertOne({ _id: 4, org: 'x', email: 'a' }), 11000);
    expect(error.keyValue).toEqual({ org: 'x', email: 'a' });
    expect(error.keyPattern).toEqual({ org: 1, email: 1 });
  });

  it('treats a missing field as null, unless the index is sparse', async () => {
    const c = coll('uniqueMissing');
    await c.createIndex({ code: 1 }, { unique: true });
    await c.insertOne({ _id: 1 });
    const error = await expectServerError(c.insertOne({ _id: 2 }), 11000);
    expect(error.keyValue).toEqual({ code: null });
    const sparse = coll('uniqueSparse');
    await sparse.createIndex({ code: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3, code: 'z' }]);
    await expectServerError(sparse.insertOne({ _id: 4, code: 'z' }), 11000);
  });

  it('indexes each element of an array', async () => {
    const c = coll('uniqueArray');
    await c.createIndex({ tags: 1 }, { unique: true });
    await c.insertOne({ _id: 1, tags: ['a', 'b'] });
    await c.insertOne({ _id: 2, tags: ['c', 'c'] });
    await expectServerError(c.insertOne({ _id: 3, tags: ['d', 'b'] }), 11000);
  });

  it('building a unique index over duplicates fails with 11000 and creates nothing', async () => {
    const c = coll('uniqueBuild');
    await c.insertMany([
      { _id: 1, v: 'same' },
      { _id: 2, v: 'same' },
    ]);
    await expectServerError(c.createIndex({ v: 1 }, { unique: true }), 11000);
    expect(await indexNames('uniqueBuild')).toEqual(['_id_']);
    await c.insertOne({ _id: 3, v: 'same' });
  });

  it('createIndexes creates several indexes at once', async () => {
    const created = await coll('several').createIndexes([
      { key: { a: 1 }, unique: true },
      { key: { b: -1 }, name: 'b_desc' },
    ]);
    expect(created).toEqual(['a_1', 'b_desc']);
    expect(await indexNames('several')).toEqual(['_id_', 'a_1', 'b_desc']);
  });
});
