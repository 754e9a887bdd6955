import { describe, expect, it } from 'vitest';

import { commandNamesSince, setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

const MB = 1024 * 1024;

describe('large documents and large batches', () => {
  it('roundtrips a 4 MB document', async () => {
    const coll = ctx().db.collection<{ _id: number; blob: string }>('big');
    const blob = 'x'.repeat(4 * MB - 100) + 'ü'.repeat(10);
    await coll.insertOne({ _id: 1, blob });
    const back = await coll.findOne({ _id: 1 });
    expect(back?.blob.length).toBe(blob.length);
    expect(back?.blob === blob).toBe(true);
  });

  it(
    'accepts an insertMany larger than one 48 MB message and returns it in 16 MB batches',
    { timeout: 60_000 },
    async () => {
      const coll = ctx().db.collection<{ _id: number; blob: string }>('many');
      const docs = Array.from({ length: 50 }, (_, i) => ({
        _id: i,
        blob: String(i % 10).repeat(MB),
      }));
      const from = ctx().commands.length;
      const result = await coll.insertMany(docs);
      expect(result.insertedCount).toBe(50);
      expect(commandNamesSince(ctx(), from).filter((n) => n === 'insert').length).toBeGreaterThan(
        1,
      );

      const readFrom = ctx().commands.length;
      let count = 0;
      for await (const doc of coll.find().sort({ _id: 1 })) {
        expect(doc.blob.length).toBe(MB);
        expect(doc.blob[0]).toBe(String(doc._id % 10));
        count++;
      }
      expect(count).toBe(50);
      // A reply batch holds at most 16 MiB of documents, so 50 MiB needs at least 3 getMores.
      const getMores = commandNamesSince(ctx(), readFrom).filter((n) => n === 'getMore').length;
      expect(getMores).toBeGreaterThanOrEqual(3);
    },
  );
});
