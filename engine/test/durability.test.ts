import { describe, expect, it } from 'vitest';

import { embeddedOnly, makeTempDir, removeDir } from './harness.js';
import { session, start } from './restarts.js';

interface Item {
  _id: number;
  email: string;
  n: number;
  tags?: string[];
}

describe.skipIf(embeddedOnly)('restart on the same data folder (embedded engine)', () => {
  it('keeps documents, updates, deletes, indexes and drops across stop/start', async () => {
    const dataDir = await makeTempDir('restart');
    try {
      const first = await start(dataDir);
      await session(first, async (client) => {
        const db = client.db('app');
        const items = db.collection<Item>('items');
        await items.createIndex({ email: 1 }, { unique: true });
        await items.createIndex({ n: -1, email: 1 }, { name: 'by_n' });
        await items.insertMany(
          Array.from({ length: 300 }, (_, i) => ({ _id: i, email: `u${i}@x.io`, n: i })),
        );
        await items.updateMany({ n: { $lt: 10 } }, { $set: { tags: ['early'] } });
        await items.deleteMany({ n: { $gte: 290 } });
        await items.replaceOne({ _id: 100 }, { email: 'replaced@x.io', n: -1 });
        await db.collection('doomed').insertOne({ a: 1 });
        await db.collection('doomed').drop();
        await db.collection('indexDropped').createIndex({ z: 1 });
        await db.collection('indexDropped').dropIndex('z_1');
        await client.db('gone').collection('c').insertOne({ a: 1 });
        await client.db('gone').dropDatabase();
      });
      await first.stop();

      for (let restart = 0; restart < 2; restart++) {
        const again = await start(dataDir);
        try {
          await session(again, async (client) => {
            const db = client.db('app');
            const items = db.collection<Item>('items');
            expect(await items.countDocuments()).toBe(290);
            expect(await items.countDocuments({ tags: 'early' })).toBe(10);
            expect(await items.findOne({ _id: 100 })).toEqual({
              _id: 100,
              email: 'replaced@x.io',
              n: -1,
            });
            expect(await items.findOne({ _id: 295 })).toBeNull();
            const indexes = (await items.indexes()).map((i) => [i.name, i.key, i.unique ?? false]);
            expect(indexes).toEqual([
              ['_id_', { _id: 1 }, false],
              ['email_1', { email: 1 }, true],
              ['by_n', { n: -1, email: 1 }, false],
            ]);
            const dup = await items.insertOne({ _id: 1000, email: 'u5@x.io', n: 5 }).then(
              () => undefined,
              (e: unknown) => e,
            );
            expect((dup as { code?: number } | undefined)?.code).toBe(11000);
            const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
            expect(names).toEqual(['indexDropped', 'items']);
            expect((await db.collection('indexDropped').indexes()).map((i) => i.name)).toEqual([
              '_id_',
            ]);
            const dbs = (await client.db().admin().listDatabases()).databases.map((d) => d.name);
            expect(dbs).not.toContain('gone');
          });
        } finally {
          await again.stop();
        }
      }
    } finally {
      await removeDir(dataDir);
    }
  });

  it('loses nothing when compaction runs while writes continue', { timeout: 60_000 }, async () => {
    const dataDir = await makeTempDir('compact');
    try {
      const engine = await start(dataDir, 16 * 1024);
      const writers = 8;
      const perWriter = 150;
      await session(engine, async (client) => {
        const coll = client.db('app').collection<Item>('compacted');
        await coll.createIndex({ email: 1 }, { unique: true });
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) {
              const id = w * perWriter + i;
              await coll.insertOne({
                _id: id,
                email: `c${id}@x.io`,
                n: 0,
                tags: ['x'.repeat(200)],
              });
              await coll.updateOne({ _id: id }, { $inc: { n: 1 } });
              if (i % 10 === 0) await coll.deleteOne({ _id: id });
            }
          }),
        );
      });
      await engine.stop();
      const reopened = await start(dataDir, 16 * 1024);
      try {
        await session(reopened, async (client) => {
          const coll = client.db('app').collection<Item>('compacted');
          const expected = writers * perWriter - writers * Math.ceil(perWriter / 10);
          expect(await coll.countDocuments()).toBe(expected);
          expect(await coll.countDocuments({ n: 1 })).toBe(expected);
          const dup = await coll.insertOne({ _id: -1, email: 'c1@x.io', n: 0 }).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect((dup as { code?: number } | undefined)?.code).toBe(11000);
        });
      } finally {
        await reopened.stop();
      }
    } finally {
      await removeDir(dataDir);
    }
  });
});
