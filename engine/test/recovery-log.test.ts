import { appendFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { startEngine } from '../src/index.js';
import { embeddedOnly, makeTempDir, quietLogger, removeDir } from './harness.js';
import { session } from './restarts.js';

const SECRET = 'confidential-answer-7c1f';

async function startLogged(dataDir: string, compactAfterBytes?: number) {
  const logs: string[] = [];
  const engine = await startEngine({
    dataDir,
    port: 0,
    compactAfterBytes,
    logger: quietLogger(logs),
  });
  return { engine, logs };
}

const recoveryLines = (logs: string[]) => logs.filter((line) => line.includes('recovery took'));

// Issue 20: the start-up log says how long recovery took, how many journal records it replayed
// and whether a torn last record was cut off, and never what the documents hold.
describe.skipIf(embeddedOnly)('recovery log line (embedded engine)', () => {
  it('says what a fresh folder, a journal and a torn record took, in one line each start', async () => {
    const dataDir = await makeTempDir('recovery-log');
    try {
      const fresh = await startLogged(dataDir);
      expect(recoveryLines(fresh.logs)).toEqual([
        expect.stringMatching(
          /^info: engine: recovery took \d+ ms: no snapshot, then 0 journal records \(0 operations\) replayed from 0 journal files; no torn record$/,
        ),
      ]);
      await session(fresh.engine, async (client) => {
        const rows = client.db('log').collection<{ _id: number; secret: string }>('rows');
        // One record per write command: the first also creates the collection.
        await rows.insertOne({ _id: 1, secret: SECRET });
        await rows.insertMany([
          { _id: 2, secret: SECRET },
          { _id: 3, secret: SECRET },
        ]);
        await rows.deleteOne({ _id: 2 });
      });
      await fresh.engine.stop();

      const replayed = await startLogged(dataDir);
      await replayed.engine.stop();
      expect(recoveryLines(replayed.logs)).toEqual([
        expect.stringMatching(
          /^info: engine: recovery took \d+ ms: no snapshot, then 3 journal records \(5 operations\) replayed from 1 journal file; no torn record$/,
        ),
      ]);

      // A write torn by a crash: 11 bytes of a record that never finished.
      await appendFile(
        join(dataDir, 'journal-00000001.log'),
        Buffer.from('\x40\x00\x00\x00torn!!!'),
      );
      const cut = await startLogged(dataDir);
      await cut.engine.stop();
      expect(recoveryLines(cut.logs)).toEqual([
        expect.stringMatching(
          /^info: engine: recovery took \d+ ms: no snapshot, then 3 journal records \(5 operations\) replayed from 1 journal file; cut off a torn last record \(11 bytes\) at the end of journal-00000001\.log$/,
        ),
      ]);
      const all = [...fresh.logs, ...replayed.logs, ...cut.logs].join('\n');
      expect(all).not.toContain(SECRET);
    } finally {
      await removeDir(dataDir);
    }
  });

  it('names the snapshot it loaded and how many documents it held', async () => {
    const dataDir = await makeTempDir('recovery-log-snapshot');
    try {
      const first = await startLogged(dataDir, 4096);
      await session(first.engine, async (client) => {
        const rows = client.db('log').collection<{ _id: number; secret: string }>('rows');
        for (let i = 0; i < 40; i++) await rows.insertOne({ _id: i, secret: SECRET.repeat(4) });
      });
      // Stop waits for a compaction under way; the next start reads its snapshot.
      await first.engine.stop();
      const again = await startLogged(dataDir, 1 << 30);
      await session(again.engine, async (client) => {
        expect(await client.db('log').collection('rows').countDocuments()).toBe(40);
      });
      await again.engine.stop();
      const [line] = recoveryLines(again.logs);
      const match =
        /^info: engine: recovery took \d+ ms: snapshot-(\d{8})\.bson \((\d+) documents?\), then (\d+) journal records? \((\d+) operations?\) replayed from 1 journal file; no torn record$/.exec(
          line ?? '',
        );
      expect(match, line).not.toBeNull();
      const [, , documents, records, operations] = match ?? [];
      // Every document is in the snapshot or in a record replayed after it, and only once.
      expect(Number(documents) + Number(operations)).toBe(40);
      expect(Number(records)).toBe(Number(operations));
      expect(again.logs.join('\n')).not.toContain(SECRET);

      // A snapshot without its end record (a damaged file) is not used, and the log says so.
      const snapshot = join(dataDir, `snapshot-${match?.[1]}.bson`);
      await truncate(snapshot, (await stat(snapshot)).size - 1);
      const damaged = await startLogged(dataDir, 1 << 30);
      await damaged.engine.stop();
      expect(damaged.logs).toContain(
        `error: engine: snapshot snapshot-${match?.[1]}.bson is incomplete; using an older state`,
      );
      expect(recoveryLines(damaged.logs)).toEqual([
        expect.stringMatching(/ms: no snapshot, then \d+ journal records? /),
      ]);
    } finally {
      await removeDir(dataDir);
    }
  });
});
