import type { MongoClient } from 'mongodb';
import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { embeddedOnly, makeTempDir, removeDir } from './harness.js';
import { session, start } from './restarts.js';

// Views and validators are DDL: they must come back after a restart, from the journal alone and
// from a snapshot written by compaction.

interface Item {
  _id: number;
  kind: string;
  qty: number;
}

const schema = {
  bsonType: 'object',
  required: ['kind', 'qty'],
  properties: { qty: { bsonType: 'int', minimum: 0 } },
};

async function define(client: MongoClient): Promise<void> {
  const db = client.db('app');
  await db.createCollection('items', { validator: { $jsonSchema: schema } });
  await db.collection<Item>('items').insertMany([
    { _id: 1, kind: 'a', qty: 5 },
    { _id: 2, kind: 'b', qty: 0 },
    { _id: 3, kind: 'a', qty: 9 },
  ]);
  await db.createCollection('aItems', { viewOn: 'items', pipeline: [{ $match: { kind: 'a' } }] });
  await db.createCollection('bigAItems', {
    viewOn: 'aItems',
    pipeline: [{ $match: { qty: { $gt: 6 } } }],
  });
  await db.createCollection('changed', { viewOn: 'items', pipeline: [] });
  await db.command({ collMod: 'changed', viewOn: 'items', pipeline: [{ $match: { _id: 2 } }] });
  await db.createCollection('dropped', { viewOn: 'items', pipeline: [] });
  await db.collection('dropped').drop();
  await db.createCollection('laterValidated');
  await db.command({
    collMod: 'laterValidated',
    validator: { qty: { $gte: 0 } },
    validationAction: 'error',
  });
}

async function check(client: MongoClient): Promise<void> {
  const db = client.db('app');
  const items = db.collection<Item>('items');
  expect(await db.collection('aItems').estimatedDocumentCount()).toBe(2);
  expect(await db.collection<Item>('bigAItems').find().toArray()).toEqual([
    { _id: 3, kind: 'a', qty: 9 },
  ]);
  expect(await db.collection<Item>('changed').find().toArray()).toEqual([
    { _id: 2, kind: 'b', qty: 0 },
  ]);
  const views = await db.listCollections({ type: 'view' }, { nameOnly: true }).toArray();
  expect(views.map((view) => view.name).sort()).toEqual(['aItems', 'bigAItems', 'changed']);
  const [info] = await db.listCollections({ name: 'items' }, { nameOnly: false }).toArray();
  expect(info.options).toEqual({ validator: { $jsonSchema: schema } });
  const refused = await items.insertOne({ _id: 4, kind: 'c', qty: -1 }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(MongoServerError);
  expect((refused as MongoServerError).code).toBe(121);
  const later = db.collection<Item>('laterValidated');
  const refusedLater = await later
    .insertOne({ _id: 1, kind: 'x', qty: -1 })
    .catch((e: unknown) => e);
  expect((refusedLater as MongoServerError).code).toBe(121);
  const onView = await db
    .collection<Item>('aItems')
    .insertOne({ _id: 9, kind: 'a', qty: 1 })
    .catch((e: unknown) => e);
  expect((onView as MongoServerError).code).toBe(166);
}

describe.skipIf(embeddedOnly)('views and validators across a restart (embedded engine)', () => {
  for (const [label, compactAfterBytes] of [
    ['from the journal', undefined],
    ['from a compaction snapshot', 1],
  ] as const) {
    it(`come back ${label}`, async () => {
      const dataDir = await makeTempDir('views-restart');
      try {
        const first = await start(dataDir, compactAfterBytes);
        await session(first, define);
        await session(first, check);
        await first.stop();
        for (let restart = 0; restart < 2; restart++) {
          const again = await start(dataDir, compactAfterBytes);
          try {
            await session(again, check);
          } finally {
            await again.stop();
          }
        }
      } finally {
        await removeDir(dataDir);
      }
    });
  }
});
