import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Target } from './harness.js';
import { connectTarget, uniqueDbName } from './harness.js';

const CLIENTS = 50;
const WRITES_PER_CLIENT = 20;

let target: Target;
let clients: MongoClient[] = [];
const dbName = uniqueDbName(import.meta.url);

beforeAll(async () => {
  target = await connectTarget();
  clients = Array.from({ length: CLIENTS }, () => new MongoClient(target.uri, { maxPoolSize: 2 }));
  await Promise.all(clients.map((c) => c.connect()));
  await clients[0].db(dbName).collection('items').createIndex({ key: 1 }, { unique: true });
  await clients[0].db(dbName).collection('upserts').createIndex({ key: 1 }, { unique: true });
});

afterAll(async () => {
  if (clients.length > 0) await clients[0].db(dbName).dropDatabase();
  await Promise.all(clients.map((c) => c.close()));
  await target?.cleanup();
});

describe('many connections at once', () => {
  it(`${CLIENTS} clients writing in parallel: every write is visible`, async () => {
    await Promise.all(
      clients.map(async (client, c) => {
        const db = client.db(dbName);
        for (let i = 0; i < WRITES_PER_CLIENT; i++) {
          await db.collection('items').insertOne({ key: `c${c}-${i}`, client: c, i });
          await db
            .collection<{ _id: string; n: number }>('counters')
            .updateOne({ _id: 'shared' }, { $inc: { n: 1 } }, { upsert: true });
          if (i % 5 === 0) await db.collection('items').findOne({ key: `c${c}-${i}` });
        }
      }),
    );
    const db = clients[0].db(dbName);
    expect(await db.collection('items').countDocuments()).toBe(CLIENTS * WRITES_PER_CLIENT);
    const counter = await db
      .collection<{ _id: string; n: number }>('counters')
      .findOne({ _id: 'shared' });
    expect(counter?.n).toBe(CLIENTS * WRITES_PER_CLIENT);
    // Every client sees everything, not only its own writes.
    const seen = await Promise.all(
      clients.map((client) => client.db(dbName).collection('items').countDocuments()),
    );
    expect(new Set(seen)).toEqual(new Set([CLIENTS * WRITES_PER_CLIENT]));
    const perClient = await db
      .collection('items')
      .aggregate<{ _id: number; n: number }>([{ $group: { _id: '$client', n: { $sum: 1 } } }])
      .toArray();
    expect(perClient).toHaveLength(CLIENTS);
    expect(perClient.every((g) => g.n === WRITES_PER_CLIENT)).toBe(true);
  });

  it('concurrent upserts on one unique key create one document', async () => {
    await Promise.all(
      clients.map((client) =>
        client
          .db(dbName)
          .collection<{ key: string; n: number }>('upserts')
          .updateOne({ key: 'same' }, { $inc: { n: 1 } }, { upsert: true }),
      ),
    );
    const docs = await clients[0].db(dbName).collection('upserts').find({ key: 'same' }).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0].n).toBe(CLIENTS);
  });

  it('concurrent inserts of the same unique key: exactly one wins', async () => {
    const results = await Promise.allSettled(
      clients.map((client, c) =>
        client.db(dbName).collection('items').insertOne({ key: 'contested', client: c }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(CLIENTS - 1);
    expect(rejected.every((r) => (r.reason as { code?: number }).code === 11000)).toBe(true);
    expect(
      await clients[0].db(dbName).collection('items').countDocuments({ key: 'contested' }),
    ).toBe(1);
  });

  it('one client with a large pool runs many operations concurrently', async () => {
    const client = new MongoClient(target.uri, { maxPoolSize: 50 });
    try {
      const coll = client.db(dbName).collection<{ _id: number }>('pooled');
      await Promise.all(Array.from({ length: 500 }, (_, i) => coll.insertOne({ _id: i })));
      const found = await Promise.all(
        Array.from({ length: 500 }, (_, i) => coll.findOne({ _id: i })),
      );
      expect(found.every((d, i) => d?._id === i)).toBe(true);
    } finally {
      await client.close();
    }
  });
});
