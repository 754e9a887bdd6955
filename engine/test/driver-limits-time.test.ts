import type { Document } from 'mongodb';
import { MongoClient, MongoServerError } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// maxTimeMS: "the time limit in milliseconds for processing operations on a cursor"; past it the
// server ends the operation with 50 MaxTimeMSExpired ("operation exceeded time limit"). And one
// client's long or runaway query must not stall the server for the others.

const ctx = setupDriverDb(import.meta.url);

const DOCS = 2000;
/** Each document costs the server real work: a 200,000-element array built and measured. */
const SLOW: Document = { $expr: { $gt: [{ $size: { $range: [0, 200_000] } }, -1] } };

type Row = { _id: number; n: number; s: string };

function rows() {
  return ctx().db.collection<Row>('slow');
}

beforeAll(async () => {
  const docs = Array.from({ length: DOCS }, (_, i) => ({
    _id: i,
    n: i,
    s: `${'a'.repeat(28)}!`,
  }));
  await rows().insertMany(docs);
});

async function expectExpired(action: Promise<unknown>): Promise<void> {
  const error = await expectServerError(action, 50, 'MaxTimeMSExpired');
  expect(error.message).toContain('operation exceeded time limit');
}

describe('maxTimeMS', () => {
  it('ends a find, aggregate, count and distinct that run past it with 50 MaxTimeMSExpired', async () => {
    const db = ctx().db;
    await expectExpired(rows().find(SLOW).maxTimeMS(20).toArray());
    await expectExpired(
      rows()
        .aggregate([{ $match: SLOW }], { maxTimeMS: 20 })
        .toArray(),
    );
    await expectExpired(db.command({ count: 'slow', query: SLOW, maxTimeMS: 20 }));
    await expectExpired(db.command({ distinct: 'slow', key: 'n', query: SLOW, maxTimeMS: 20 }));
  });

  it('ends an update, delete and findAndModify that run past it, changing nothing more', async () => {
    const db = ctx().db;
    const last = { ...SLOW, _id: { $gte: DOCS - 1 } };
    await expectExpired(
      db.command({
        update: 'slow',
        updates: [{ q: { $and: [SLOW, { n: -1 }] }, u: { $set: { touched: true } }, multi: true }],
        maxTimeMS: 20,
      }),
    );
    await expectExpired(
      db.command({
        delete: 'slow',
        deletes: [{ q: { $and: [SLOW, { n: -1 }] }, limit: 0 }],
        maxTimeMS: 20,
      }),
    );
    await expectExpired(
      db.command({
        findAndModify: 'slow',
        query: { $and: [SLOW, { n: -1 }] },
        update: { $set: { touched: true } },
        maxTimeMS: 20,
      }),
    );
    expect(await rows().countDocuments({ touched: true })).toBe(0);
    expect(await rows().countDocuments({})).toBe(DOCS);
    // Within its time, the same kind of command succeeds.
    const quick = await db.command({ count: 'slow', query: last, maxTimeMS: 60_000 });
    expect(quick).toMatchObject({ n: 1, ok: 1 });
  });

  it('refuses values that are not a non-negative whole number', async () => {
    const db = ctx().db;
    await expectServerError(db.command({ find: 'slow', filter: {}, maxTimeMS: -1 }), 2, 'BadValue');
    await expectServerError(
      db.command({ find: 'slow', filter: {}, maxTimeMS: 1.5 }),
      2,
      'BadValue',
    );
    await expectServerError(db.command({ count: 'slow', maxTimeMS: -5 }), 2, 'BadValue');
    await expectServerError(
      db.command({ getMore: 1, collection: 'slow', maxTimeMS: -1 }),
      2,
      'BadValue',
    );
    let error: unknown;
    try {
      await db.command({ find: 'slow', filter: {}, maxTimeMS: 'soon' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MongoServerError);
    expect([2, 14]).toContain((error as MongoServerError).code);
    // 0 means no limit.
    const none = await db.command({ find: 'slow', filter: { _id: 1 }, maxTimeMS: 0 });
    expect(none).toMatchObject({ ok: 1 });
  });
});

describe('a runaway query does not stall the server for other clients', () => {
  /** Starts `runaway` on one client, then pings on another; returns which finished first. */
  async function race(runaway: (db: ReturnType<MongoClient['db']>) => Promise<unknown>) {
    const uri = ctx().target.uri;
    const slowClient = new MongoClient(uri, { maxPoolSize: 1, monitorCommands: true });
    const otherClient = new MongoClient(uri, { maxPoolSize: 1 });
    await Promise.all([slowClient.connect(), otherClient.connect()]);
    const order: string[] = [];
    try {
      const slowDb = slowClient.db(ctx().dbName);
      const otherDb = otherClient.db(ctx().dbName);
      await otherDb.command({ ping: 1 });
      let started = false;
      slowClient.on('commandStarted', () => (started = true));
      const slow = runaway(slowDb).then(
        (value) => {
          order.push('runaway');
          return { value, error: undefined };
        },
        (error: unknown) => {
          order.push('runaway');
          return { value: undefined, error };
        },
      );
      // Give the runaway command time to reach the server before the others are sent.
      while (!started) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await otherDb.command({ ping: 1 });
      const found = await otherDb.collection<Row>('slow').findOne({ _id: 7 });
      order.push('other');
      expect(found).toMatchObject({ _id: 7 });
      return { order, outcome: await slow };
    } finally {
      await Promise.all([slowClient.close(), otherClient.close()]);
    }
  }

  it('a long find with maxTimeMS: the other client is answered first, the find ends with 50', async () => {
    const { order, outcome } = await race((db) =>
      db.collection<Row>('slow').find(SLOW).maxTimeMS(2000).toArray(),
    );
    expect(order).toEqual(['other', 'runaway']);
    expect(outcome.error).toBeInstanceOf(MongoServerError);
    expect((outcome.error as MongoServerError).code).toBe(50);
  });

  it('a long $match + $group with maxTimeMS: the other client is answered first', async () => {
    const { order, outcome } = await race((db) =>
      db
        .collection<Row>('slow')
        .aggregate([{ $match: SLOW }, { $group: { _id: '$s', n: { $sum: 1 } } }], {
          maxTimeMS: 2000,
        })
        .toArray(),
    );
    expect(order).toEqual(['other', 'runaway']);
    expect((outcome.error as MongoServerError).code).toBe(50);
  });

  it('a catastrophically backtracking $regex answers in bounded time', async () => {
    // "^(a+)+$" against 28 a's and a "!" explores 2^28 ways to split the a's; the server must
    // still answer (MongoDB's regex engine has a match limit; this engine falls back to a
    // linear-time matcher), and the other client is served meanwhile.
    const coll = ctx().db.collection<Row>('slow');
    const outcome = await coll
      .find({ _id: { $lt: 20 }, s: { $regex: '^(a+)+$' } })
      .toArray()
      .then(
        (found) => ({ found, error: undefined }),
        (error: unknown) => ({ found: undefined, error }),
      );
    if (outcome.error === undefined) expect(outcome.found).toEqual([]);
    else expect(outcome.error).toBeInstanceOf(MongoServerError);
  });
});
