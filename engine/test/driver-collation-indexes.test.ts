import type { CollationOptions, Document } from 'mongodb';
import { MongoServerError } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// Indexes with a collation, a collection's default collation, and the checks on a collation
// document, from MongoDB's documentation of collation, createIndexes and create.

const ctx = setupDriverDb(import.meta.url);

type Row = Document & { _id: number; name: string };

const coll = (name: string) => ctx().db.collection<Row>(name);

const CASELESS: CollationOptions = { locale: 'en', strength: 2 };

/** The stages of a query plan, depth first. */
function stagesOf(plan: unknown): Document[] {
  if (Array.isArray(plan)) return plan.flatMap(stagesOf);
  if (plan === null || typeof plan !== 'object') return [];
  const node = plan as Document;
  const own = typeof node.stage === 'string' ? [node] : [];
  return [...own, ...Object.values(node).flatMap(stagesOf)];
}

async function winningStages(
  name: string,
  filter: Document,
  collation?: CollationOptions,
): Promise<Document[]> {
  const plan = await coll(name)
    .find(filter, collation ? { collation } : {})
    .explain('queryPlanner');
  return stagesOf((plan.queryPlanner as Document).winningPlan);
}

describe('indexes with a collation', () => {
  it('listIndexes shows the collation, completed with its defaults', async () => {
    await coll('listed').createIndex({ name: 1 }, { collation: CASELESS });
    const index = (await coll('listed').indexes()).find((i) => i.name === 'name_1');
    expect(index?.collation).toMatchObject({
      locale: 'en',
      strength: 2,
      caseLevel: false,
      caseFirst: 'off',
      numericOrdering: false,
      alternate: 'non-ignorable',
      maxVariable: 'punct',
      normalization: false,
      backwards: false,
    });
    expect(typeof (index?.collation as Document | undefined)?.version).toBe('string');
  });

  it('a unique index under strength 2 refuses case variants', async () => {
    await coll('users').createIndex({ name: 1 }, { unique: true, collation: CASELESS });
    await coll('users').insertOne({ _id: 1, name: 'Bob' });
    const error = await expectServerError(coll('users').insertOne({ _id: 2, name: 'BOB' }), 11000);
    expect(error.message).toContain('E11000');
    await coll('users').insertOne({ _id: 3, name: 'Böb' });
    expect(await coll('users').countDocuments()).toBe(2);
    await expectServerError(coll('users').updateOne({ _id: 3 }, { $set: { name: 'bob' } }), 11000);
  });

  it('building a unique collated index over case variants fails', async () => {
    await coll('dupes').insertMany([
      { _id: 1, name: 'ann' },
      { _id: 2, name: 'ANN' },
    ]);
    await expectServerError(
      coll('dupes').createIndex({ name: 1 }, { unique: true, collation: CASELESS }),
      11000,
    );
    await coll('dupes').createIndex({ name: 1 }, { unique: true });
  });

  it('a query uses the index only when its collation matches the index', async () => {
    await coll('planned').insertMany(
      Array.from({ length: 50 }, (_, i) => ({ _id: i, name: `Name${i}` })),
    );
    await coll('planned').createIndex({ name: 1 }, { collation: CASELESS });
    const matching = await winningStages('planned', { name: 'name7' }, CASELESS);
    expect(matching.map((stage) => stage.stage as string)).toContain('IXSCAN');
    expect(matching.find((stage) => stage.stage === 'IXSCAN')?.indexName).toBe('name_1');
    const binary = await winningStages('planned', { name: 'Name7' });
    const binaryNames = binary.map((stage) => stage.stage as string);
    expect(binaryNames).toContain('COLLSCAN');
    expect(binaryNames).not.toContain('IXSCAN');

    const found = await coll('planned').find({ name: 'NAME7' }, { collation: CASELESS }).toArray();
    expect(found.map((row) => row._id)).toEqual([7]);
    expect(await coll('planned').find({ name: 'NAME7' }).toArray()).toEqual([]);
    expect(
      await coll('planned').countDocuments(
        { name: { $gte: 'name1', $lt: 'name2' } },
        { collation: CASELESS },
      ),
    ).toBe(11);
  });

  it('indexes on the same keys with different collations can both exist', async () => {
    await coll('twice').createIndex({ name: 1 });
    await coll('twice').createIndex({ name: 1 }, { collation: CASELESS, name: 'name_caseless' });
    const names = (await coll('twice').indexes()).map((index) => index.name).sort();
    expect(names).toEqual(['_id_', 'name_1', 'name_caseless']);
  });
});

describe('a collection default collation', () => {
  it('create stores it and listCollections shows it', async () => {
    await ctx().db.createCollection('defaulted', { collation: { locale: 'fr', strength: 1 } });
    const [info] = await ctx().db.listCollections({ name: 'defaulted' }).toArray();
    expect((info as { options: Document }).options.collation).toMatchObject({
      locale: 'fr',
      strength: 1,
    });
  });

  it('operations without a collation inherit it; locale simple overrides it', async () => {
    await ctx().db.createCollection('inherits', { collation: { locale: 'fr', strength: 1 } });
    await coll('inherits').insertMany([
      { _id: 1, name: 'Élan' },
      { _id: 2, name: 'elan' },
      { _id: 3, name: 'other' },
    ]);
    expect(await coll('inherits').countDocuments({ name: 'ELAN' })).toBe(2);
    expect(
      await coll('inherits').countDocuments({ name: 'elan' }, { collation: { locale: 'simple' } }),
    ).toBe(1);
    expect(await coll('inherits').distinct('name')).toHaveLength(2);
    const updated = await coll('inherits').updateMany({ name: 'ELAN' }, { $set: { seen: true } });
    expect(updated.modifiedCount).toBe(2);
    const grouped = await coll('inherits')
      .aggregate([{ $group: { _id: '$name' } }])
      .toArray();
    expect(grouped).toHaveLength(2);
  });

  it('the _id index takes the collection default too', async () => {
    await ctx().db.createCollection('ids', { collation: CASELESS });
    const ids = ctx().db.collection<{ _id: string; n: number }>('ids');
    await ids.insertOne({ _id: 'key', n: 1 });
    await expectServerError(ids.insertOne({ _id: 'KEY', n: 2 }), 11000);
    expect(await ids.findOne({ _id: 'Key' })).toEqual({ _id: 'key', n: 1 });
    expect(await ids.findOne({ _id: 'Key' }, { collation: { locale: 'simple' } })).toBeNull();
    const [idIndex] = await ids.indexes();
    expect(idIndex.name).toBe('_id_');
    expect(idIndex.collation).toMatchObject({ locale: 'en', strength: 2 });
  });

  it('an index created without a collation takes the collection default', async () => {
    await ctx().db.createCollection('inheritsIndex', { collation: CASELESS });
    await coll('inheritsIndex').createIndex({ name: 1 }, { unique: true });
    const index = (await coll('inheritsIndex').indexes()).find((i) => i.name === 'name_1');
    expect(index?.collation).toMatchObject({ locale: 'en', strength: 2 });
    await coll('inheritsIndex').insertOne({ _id: 1, name: 'x' });
    await expectServerError(coll('inheritsIndex').insertOne({ _id: 2, name: 'X' }), 11000);

    await coll('inheritsIndex').createIndex(
      { other: 1 },
      { collation: { locale: 'simple' }, unique: true },
    );
    const simple = (await coll('inheritsIndex').indexes()).find((i) => i.name === 'other_1');
    expect(simple?.collation).toBeUndefined();
  });
});

describe('invalid collation documents', () => {
  beforeAll(async () => {
    await coll('cafes').insertOne({ _id: 1, name: 'cafe' });
  });

  async function rejects(collation: Document): Promise<MongoServerError> {
    let caught: unknown;
    try {
      await coll('cafes')
        .find({}, { collation: collation as CollationOptions })
        .toArray();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MongoServerError);
    return caught as MongoServerError;
  }

  it('refuses a collation without locale, with an unknown field or a bad strength', async () => {
    await rejects({ strength: 1 });
    await rejects({ locale: 'en', colour: 'blue' });
    await rejects({ locale: 'en', strength: 0 });
    await rejects({ locale: 'en', strength: 6 });
    await rejects({ locale: 'en', caseFirst: 'sideways' });
    await rejects({ locale: 'simple', strength: 1 });
  });

  it('refuses a locale that is not supported with BadValue', async () => {
    const error = await rejects({ locale: 'xx_nonsense' });
    expect(error.code).toBe(2);
    expect(error.codeName).toBe('BadValue');
  });

  it('checks the collation of writes and indexes too', async () => {
    let caught: unknown;
    try {
      await coll('cafes').updateOne(
        { name: 'x' },
        { $set: { y: 1 } },
        { collation: { locale: 'xx_nonsense' } },
      );
    } catch (error) {
      caught = error;
    }
    expect((caught as MongoServerError).code).toBe(2);
    await expectServerError(
      coll('badIndex').createIndex({ name: 1 }, { collation: { locale: 'xx_nonsense' } }),
      2,
    );
    await expectServerError(
      ctx().db.createCollection('badDefault', { collation: { locale: 'xx_nonsense' } }),
      2,
    );
  });
});
