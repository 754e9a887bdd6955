import { describe, expect, it } from 'vitest';

import { embeddedOnly, makeTempDir, removeDir } from './harness.js';
import { session, start } from './restarts.js';

// Documents loaded from disk stay as the bytes of the file they were read from until first read,
// and a file's buffer is let go once no document is held in it any more. Two collections whose
// documents share one journal file, one of them with an index that must decode its documents to
// build (a compound one): building it must not let go of the file the other still reads. Found
// restarting the app on its demo data ("a stored document was read after its file was let go").
describe.skipIf(embeddedOnly)('restart with collections sharing a journal file', () => {
  it('starts again, every document and index intact', async () => {
    const dataDir = await makeTempDir('shared-file');
    try {
      const first = await start(dataDir);
      await session(first, async (client) => {
        const db = client.db('app');
        await db.collection('first').createIndex({ team: 1, score: -1 });
        for (let round = 0; round < 20; round++) {
          await db.collection('first').insertOne({ team: `t${round % 3}`, score: round });
          await db.collection('second').insertOne({ n: round, note: `n${round}` });
        }
      });
      await first.stop();

      const again = await start(dataDir);
      try {
        await session(again, async (client) => {
          const db = client.db('app');
          expect(await db.collection('second').countDocuments()).toBe(20);
          expect(
            (
              await db
                .collection('second')
                .find({}, { sort: { n: 1 } })
                .toArray()
            ).map((doc) => doc.note as string),
          ).toEqual(Array.from({ length: 20 }, (_, round) => `n${round}`));
          const best = await db
            .collection('first')
            .find({ team: 't1' }, { sort: { score: -1 }, projection: { _id: 0 } })
            .toArray();
          expect(best.map((doc) => doc.score as number)).toEqual([19, 16, 13, 10, 7, 4, 1]);
        });
      } finally {
        await again.stop();
      }
    } finally {
      await removeDir(dataDir);
    }
  });
});
