import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Document, UpdateFilter } from 'mongodb';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';

import { startEngine } from '../src/index.js';
import { setupDriverDb } from './driver-context.js';
import { embeddedOnly, makeTempDir, quietLogger, removeDir } from './harness.js';
import { expectServerError } from './server-error.js';

// MongoDB treats `__proto__`, `constructor`, `prototype` (and every other name an object inherits
// in JavaScript) as ordinary field names: they are stored, returned, matched, projected, grouped on
// and updated like any other. Each test performs the attack, checks what was stored, and checks
// that nothing reached a shared prototype of this realm (the embedded engine runs in-process here,
// so pollution in the engine would show in this test's own objects).

const ctx = setupDriverDb(import.meta.url);

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const ORIGINAL = PROTOTYPES.map((proto) => Object.getOwnPropertyNames(proto).sort());
const PROBES = ['x', 'y', 'polluted', 'list', 'n', 'count', 'z'];

function expectCleanRealm(): void {
  PROTOTYPES.forEach((proto, i) => {
    expect(Object.getOwnPropertyNames(proto).sort(), 'a shared prototype was changed').toEqual(
      ORIGINAL[i],
    );
  });
  const probe: Record<string, unknown> = {};
  for (const name of PROBES) expect(probe[name], `({}).${name}`).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

afterEach(() => {
  // Leave the realm clean for the next test even if one failed part-way.
  for (const proto of PROTOTYPES) {
    for (const name of PROBES) {
      if (Object.hasOwn(proto, name)) delete (proto as Record<string, unknown>)[name];
    }
  }
});

/** A document from JSON: `__proto__` there is an own field, as it arrives from BSON. */
function doc(json: string): Row {
  return JSON.parse(json) as Row;
}

type Row = { _id: number } & Document;

/** Update documents on paths the driver's types cannot spell (__proto__.list). */
function anyUpdate(update: Document): UpdateFilter<Row> {
  return update;
}

/** Compares as JSON, which keeps own `__proto__` fields and field order. */
function expectJson(actual: unknown, json: string): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(JSON.parse(json)));
}

function coll(name: string) {
  return ctx().db.collection<Row>(name);
}

describe('field names JavaScript objects inherit are ordinary fields', () => {
  it('insert and find keep __proto__, constructor, prototype and toString fields', async () => {
    const c = coll('insert');
    await c.insertOne(
      doc(
        '{"_id":1,"__proto__":{"x":1},"constructor":{"prototype":{"y":2}},"toString":3,"a":{"__proto__":{"polluted":true},"hasOwnProperty":4}}',
      ),
    );
    expectCleanRealm();
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"__proto__":{"x":1},"constructor":{"prototype":{"y":2}},"toString":3,"a":{"__proto__":{"polluted":true},"hasOwnProperty":4}}',
    );
    expect(await c.countDocuments({ '__proto__.x': 1 })).toBe(1);
    expect(await c.countDocuments({ 'constructor.prototype.y': 2 })).toBe(1);
    expect(await c.countDocuments({ 'a.__proto__.polluted': true })).toBe(1);
    expect(await c.countDocuments({ toString: { $exists: true } })).toBe(1);
    expect(await c.countDocuments({ valueOf: { $exists: true } })).toBe(0);
    expectJson(
      await c.findOne({ _id: 1 }, { projection: { _id: 0, '__proto__.x': 1, constructor: 1 } }),
      '{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}}}',
    );
    expect(await c.distinct('__proto__.x')).toEqual([1]);
    expectCleanRealm();
  });

  it('$set on "__proto__.x" stores a field named __proto__ and pollutes nothing', async () => {
    const c = coll('set');
    await c.insertOne({ _id: 1 });
    await c.updateOne({ _id: 1 }, { $set: { '__proto__.x': 1, 'constructor.prototype.y': 2 } });
    expectCleanRealm();
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"__proto__":{"x":1},"constructor":{"prototype":{"y":2}}}',
    );
    expect(await c.countDocuments({ '__proto__.x': 1 })).toBe(1);
  });

  it('a counter keyed __proto__ or constructor is kept and counts up', async () => {
    const c = coll('counters');
    await c.insertOne({ _id: 1, counts: {} });
    for (let i = 0; i < 2; i++) {
      await c.updateOne(
        { _id: 1 },
        { $inc: { 'counts.__proto__': 1, 'counts.constructor': 2, 'counts.toString': 3 } },
      );
    }
    expectCleanRealm();
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"counts":{"__proto__":2,"constructor":4,"toString":6}}',
    );
  });

  it('the other update operators reach __proto__ fields as plain fields', async () => {
    const c = coll('operators');
    await c.insertOne(doc('{"_id":1,"__proto__":{"n":2,"list":[1,2,3]},"old":5}'));
    await c.updateOne(
      { _id: 1 },
      anyUpdate({
        $push: { '__proto__.list': 4 },
        $mul: { '__proto__.n': 10 },
        $rename: { old: 'constructor.count' },
      }),
    );
    await c.updateOne({ _id: 1 }, { $max: { 'prototype.z': 7 } });
    expectCleanRealm();
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"__proto__":{"n":20,"list":[1,2,3,4]},"constructor":{"count":5},"prototype":{"z":7}}',
    );
    await c.updateOne(
      { _id: 1 },
      anyUpdate({ $addToSet: { '__proto__.list': 9 }, $unset: { 'constructor.count': '' } }),
    );
    await c.updateOne(
      { _id: 1 },
      { $set: { '__proto__.list.$[big]': 0 } },
      { arrayFilters: [{ big: { $gte: 4 } }] },
    );
    await c.updateOne({ _id: 1 }, anyUpdate({ $pull: { '__proto__.list': 0 } }));
    expectCleanRealm();
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"__proto__":{"n":20,"list":[1,2,3]},"constructor":{},"prototype":{"z":7}}',
    );
  });

  it('upserts build __proto__ fields from the filter and $setOnInsert', async () => {
    const c = coll('upserts');
    await c.updateOne({ _id: 1, '__proto__.x': 1 }, { $set: { a: 1 } }, { upsert: true });
    await c.updateOne(
      { _id: 2 },
      { $setOnInsert: { '__proto__.y': 2, 'constructor.polluted': true } },
      { upsert: true },
    );
    await c.findOneAndUpdate(
      { _id: 3 },
      { $set: { '__proto__.z': 3 } },
      { upsert: true, returnDocument: 'after' },
    );
    expectCleanRealm();
    expectJson(
      await c.find({}, { sort: { _id: 1 } }).toArray(),
      '[{"_id":1,"__proto__":{"x":1},"a":1},{"_id":2,"__proto__":{"y":2},"constructor":{"polluted":true}},{"_id":3,"__proto__":{"z":3}}]',
    );
  });

  it('replacements and pipeline updates keep __proto__ fields', async () => {
    const c = coll('pipelines');
    await c.insertOne({ _id: 1 });
    await c.replaceOne({ _id: 1 }, doc('{"__proto__":{"polluted":true},"a":1}'));
    expectCleanRealm();
    expectJson(await c.findOne({ _id: 1 }), '{"_id":1,"__proto__":{"polluted":true},"a":1}');
    await c.updateOne({ _id: 1 }, [
      { $set: { '__proto__.x': 5, constructor: '$a' } },
      { $unset: 'a' },
    ]);
    expectCleanRealm();
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"__proto__":{"polluted":true,"x":5},"constructor":1}',
    );
    await c.updateOne({ _id: 1 }, [
      {
        $replaceWith: {
          $setField: { field: '__proto__', input: '$$ROOT', value: { polluted: 'yes' } },
        },
      },
    ]);
    expectCleanRealm();
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"__proto__":{"polluted":"yes"},"constructor":1}',
    );
  });

  it('aggregation groups, projects and builds documents with __proto__ fields', async () => {
    const c = coll('aggregate');
    await c.insertMany([
      doc('{"_id":1,"__proto__":{"x":"a"},"n":1}'),
      doc('{"_id":2,"__proto__":{"x":"a"},"n":2}'),
      doc('{"_id":3,"__proto__":{"x":"b"},"n":4}'),
    ]);
    expectJson(
      await c
        .aggregate([
          {
            $group: doc(
              '{"_id":"$__proto__.x","__proto__":{"$sum":"$n"},"constructor":{"$sum":1}}',
            ),
          },
          { $sort: { _id: 1 } },
        ])
        .toArray(),
      '[{"_id":"a","__proto__":3,"constructor":2},{"_id":"b","__proto__":4,"constructor":1}]',
    );
    expectCleanRealm();
    expectJson(
      await c
        .aggregate([
          { $match: { _id: 1 } },
          { $project: { _id: 0, '__proto__.polluted': { $literal: true } } },
          { $addFields: { 'constructor.prototype.y': '$__proto__.polluted' } },
        ])
        .toArray(),
      '[{"__proto__":{"polluted":true},"constructor":{"prototype":{"y":true}}}]',
    );
    expectCleanRealm();
    expectJson(
      await c
        .aggregate([
          { $match: { _id: 1 } },
          {
            $replaceRoot: {
              newRoot: {
                $arrayToObject: [
                  [
                    ['__proto__', { polluted: true }],
                    ['n', '$n'],
                  ],
                ],
              },
            },
          },
        ])
        .toArray(),
      '[{"__proto__":{"polluted":true},"n":1}]',
    );
    expectCleanRealm();
    expectJson(
      await c
        .aggregate([
          { $match: { _id: 3 } },
          { $replaceWith: { $setField: { field: '__proto__', input: {}, value: '$n' } } },
        ])
        .toArray(),
      '[{"__proto__":4}]',
    );
    expectJson(
      await c
        .aggregate([
          { $match: { _id: 2 } },
          { $project: { _id: 0, kv: { $objectToArray: '$$ROOT' } } },
        ])
        .toArray(),
      '[{"kv":[{"k":"_id","v":2},{"k":"__proto__","v":{"x":"a"}},{"k":"n","v":2}]}]',
    );
    expectCleanRealm();
  });

  it('indexes on __proto__ paths are used, unique and report the real names', async () => {
    const c = coll('indexes');
    await c.createIndex({ '__proto__.x': 1 }, { unique: true });
    await c.insertOne(doc('{"_id":1,"__proto__":{"x":1}}'));
    await c.insertOne({ _id: 2 });
    const error = await expectServerError(
      c.insertOne(doc('{"_id":3,"__proto__":{"x":1}}')),
      11000,
      'DuplicateKey',
    );
    expect(error.errorResponse.keyPattern).toEqual({ '__proto__.x': 1 });
    expect(error.errorResponse.keyValue).toEqual({ '__proto__.x': 1 });
    expectCleanRealm();
    const indexes = await c.listIndexes().toArray();
    expect(indexes.map((index) => (index as { key: unknown }).key)).toContainEqual({
      '__proto__.x': 1,
    });
    expect(await c.findOne({ '__proto__.x': 1 })).toMatchObject({ _id: 1 });
    expect(await c.countDocuments({ '__proto__.x': null })).toBe(1);
  });

  it('let variables may be named constructor or toString', async () => {
    const c = coll('let');
    await c.insertMany([
      { _id: 1, n: 5 },
      { _id: 2, n: 6 },
    ]);
    const found = await c
      .find({ $expr: { $eq: ['$n', '$$constructor'] } }, { let: { constructor: 5 } })
      .toArray();
    expect(found).toEqual([{ _id: 1, n: 5 }]);
    const aggregated = await c
      .aggregate([{ $match: { $expr: { $eq: ['$n', '$$toString'] } } }, { $project: { _id: 1 } }], {
        let: { toString: 6 },
      })
      .toArray();
    expect(aggregated).toEqual([{ _id: 2 }]);
    expectCleanRealm();
  });
});

describe.skipIf(embeddedOnly)('journal and snapshot (embedded engine)', () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await removeDir(dataDir);
    dataDir = undefined;
  });

  it('keep __proto__ fields across restarts, compaction included, under their real names', async () => {
    dataDir = await makeTempDir('safety-names');
    const logs: string[] = [];
    const start = () =>
      startEngine({
        dataDir: dataDir ?? '',
        port: 0,
        logger: quietLogger(logs),
        compactAfterBytes: 4096,
      });
    let engine = await startEngine({ dataDir, port: 0, logger: quietLogger(logs) });
    let client = new MongoClient(engine.uri);
    let c = client.db('names').collection<Row>('kept');
    await c.createIndex({ 'constructor.k': 1 });
    await c.insertOne(doc('{"_id":1,"__proto__":{"x":1},"counts":{}}'));
    await c.updateOne({ _id: 1 }, { $inc: { 'counts.__proto__': 1 } });
    await client.close();
    await engine.stop();
    const journal = (await readdir(dataDir)).filter((file) => file.startsWith('journal-'));
    const bytes = Buffer.concat(
      await Promise.all(journal.map((file) => readFile(join(dataDir ?? '', file)))),
    );
    expect(bytes.includes('\uFFFF')).toBe(false);
    expect(bytes.includes('__proto__')).toBe(true);

    // Restart with a small compaction threshold: the next writes fold everything into a snapshot.
    engine = await start();
    client = new MongoClient(engine.uri);
    c = client.db('names').collection<Row>('kept');
    expectJson(
      await c.findOne({ _id: 1 }),
      '{"_id":1,"__proto__":{"x":1},"counts":{"__proto__":1}}',
    );
    for (let i = 0; i < 20; i++) {
      await c.insertOne(
        doc(`{"_id":${i + 10},"constructor":{"k":${i}},"pad":"${'p'.repeat(400)}"}`),
      );
    }
    await c.updateOne({ _id: 1 }, { $inc: { 'counts.__proto__': 1 } });
    await client.close();
    await engine.stop();
    expect((await readdir(dataDir)).some((file) => file.startsWith('snapshot-'))).toBe(true);

    engine = await start();
    client = new MongoClient(engine.uri);
    c = client.db('names').collection<Row>('kept');
    try {
      expectJson(
        await c.findOne({ _id: 1 }),
        '{"_id":1,"__proto__":{"x":1},"counts":{"__proto__":2}}',
      );
      expect(await c.findOne({ 'constructor.k': 7 })).toMatchObject({ _id: 17 });
      const indexes = await c.listIndexes().toArray();
      expect(indexes.map((index) => (index as { key: unknown }).key)).toContainEqual({
        'constructor.k': 1,
      });
      expectCleanRealm();
    } finally {
      await client.close();
      await engine.stop();
    }
  });
});
