import { Long } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { commandNamesSince, setupDriverDb } from './driver-context.js';
import { ids } from './find-fixtures.js';
import type { CursorReply, KillCursorsReply } from './replies.js';
import { run } from './replies.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

describe('cursors', () => {
  it('returns 1000 documents in batches of 7 through getMore', async () => {
    const big = ctx().db.collection<{ _id: number }>('big');
    await big.insertMany(Array.from({ length: 1000 }, (_, i) => ({ _id: i })));
    const from = ctx().commands.length;
    const docs = await big.find({}, { batchSize: 7 }).sort({ _id: 1 }).toArray();
    expect(ids(docs)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const names = commandNamesSince(ctx(), from);
    expect(names.filter((n) => n === 'find')).toHaveLength(1);
    // 7 in the first batch, then ceil(993 / 7) = 142 getMores.
    expect(names.filter((n) => n === 'getMore')).toHaveLength(142);
  });

  it('closing a cursor early sends killCursors and the cursor is gone', async () => {
    const big = ctx().db.collection<{ _id: number }>('big');
    const cursor = big.find({}, { batchSize: 3 }).sort({ _id: 1 });
    expect((await cursor.next())?._id).toBe(0);
    const id = cursor.id;
    expect(id?.isZero()).toBe(false);
    const from = ctx().commands.length;
    await cursor.close();
    expect(commandNamesSince(ctx(), from)).toContain('killCursors');
    await expectServerError(
      ctx().db.command({ getMore: id, collection: 'big' }),
      43,
      'CursorNotFound',
    );
  });

  it('killCursors reports killed and unknown ids', async () => {
    const reply = await run<CursorReply>(ctx().db, { find: 'big', batchSize: 2 });
    const id = reply.cursor.id;
    const unknownId = Long.fromString('1234567890123');
    const killed = await run<KillCursorsReply>(ctx().db, {
      killCursors: 'big',
      cursors: [id, unknownId],
    });
    expect(killed.ok).toBe(1);
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    expect(killed.cursorsNotFound.map(String)).toEqual(['1234567890123']);
  });

  it('getMore on a raw cursor continues where find stopped', async () => {
    const first = await run<CursorReply>(ctx().db, { find: 'big', sort: { _id: 1 }, batchSize: 4 });
    expect(ids(first.cursor.firstBatch ?? [])).toEqual([0, 1, 2, 3]);
    const more = await run<CursorReply>(ctx().db, {
      getMore: first.cursor.id,
      collection: 'big',
      batchSize: 3,
    });
    expect(ids(more.cursor.nextBatch ?? [])).toEqual([4, 5, 6]);
    expect(more.cursor.ns).toBe(`${ctx().dbName}.big`);
    await run(ctx().db, { killCursors: 'big', cursors: [first.cursor.id] });
  });
});
