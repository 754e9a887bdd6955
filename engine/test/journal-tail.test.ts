import { randomBytes } from 'node:crypto';
import { appendFile, readdir, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';

import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

import type { RunningEngine } from '../src/index.js';
import { startEngine } from '../src/index.js';
import { checksum } from './crash-workload.js';
import { embeddedOnly, makeTempDir, quietLogger, removeDir } from './harness.js';

interface Row {
  _id: number;
  payload: string;
  sum: string;
}

async function start(dataDir: string): Promise<RunningEngine> {
  return startEngine({ dataDir, port: 0, logger: quietLogger([]) });
}

async function withClient<T>(engine: RunningEngine, fn: (client: MongoClient) => Promise<T>) {
  const client = new MongoClient(engine.uri);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

const rows = (client: MongoClient) => client.db('tail').collection<Row>('rows');

function row(id: number, bytes = 64): Row {
  const payload = randomBytes(bytes).toString('hex');
  return { _id: id, payload, sum: checksum(payload, 0) };
}

/** The journal file written last: names like journal-*.log, newest by name then mtime. */
async function newestJournal(dataDir: string): Promise<{ path: string; size: number }> {
  const names = (await readdir(dataDir)).filter((n) => /journal/i.test(n));
  expect(names.length, `journal files in ${dataDir}`).toBeGreaterThan(0);
  const withStats = await Promise.all(
    names.map(async (n) => ({ n, s: await stat(join(dataDir, n)) })),
  );
  withStats.sort((a, b) => a.n.localeCompare(b.n) || a.s.mtimeMs - b.s.mtimeMs);
  const last = withStats[withStats.length - 1];
  return { path: join(dataDir, last.n), size: last.s.size };
}

async function expectRows(engine: RunningEngine, ids: number[]): Promise<Row[]> {
  return withClient(engine, async (client) => {
    const all = await rows(client).find().sort({ _id: 1 }).toArray();
    expect(
      all.filter((r) => r.sum !== checksum(r.payload, 0)),
      'half-applied rows',
    ).toEqual([]);
    const present = new Set(all.map((r) => r._id));
    expect(
      ids.filter((id) => !present.has(id)),
      'rows lost',
    ).toEqual([]);
    return all;
  });
}

/** After recovery the engine must accept writes, and those must survive one more restart. */
async function keepsWorking(dataDir: string, engine: RunningEngine, id: number, before: number[]) {
  await withClient(engine, async (client) => {
    await rows(client).insertOne(row(id));
    await rows(client).updateOne({ _id: before[0] }, { $set: { touched: true } });
  });
  await engine.stop();
  const again = await start(dataDir);
  try {
    const all = await expectRows(again, [...before, id]);
    expect(all.find((r) => r._id === before[0])).toMatchObject({ touched: true });
  } finally {
    await again.stop();
  }
}

describe.skipIf(embeddedOnly)('torn journal tail (embedded engine)', () => {
  it('ignores garbage appended after the last record', async () => {
    const dataDir = await makeTempDir('tail-garbage');
    try {
      const ids = Array.from({ length: 200 }, (_, i) => i);
      const first = await start(dataDir);
      await withClient(first, (c) => rows(c).insertMany(ids.map((i) => row(i))));
      await first.stop();
      const journal = await newestJournal(dataDir);
      await appendFile(journal.path, randomBytes(37));
      const recovered = await start(dataDir);
      const all = await expectRows(recovered, ids);
      expect(all).toHaveLength(200);
      await keepsWorking(dataDir, recovered, 1000, ids);
    } finally {
      await removeDir(dataDir);
    }
  });

  it('drops a record cut in half, keeps everything before it', async () => {
    const dataDir = await makeTempDir('tail-cut');
    try {
      const ids = Array.from({ length: 100 }, (_, i) => i);
      const first = await start(dataDir);
      await withClient(first, (c) => rows(c).insertMany(ids.map((i) => row(i))));
      await first.stop();
      const before = await newestJournal(dataDir);

      const second = await start(dataDir);
      await withClient(second, (c) => rows(c).insertOne(row(500, 4096)));
      await second.stop();
      const after = await newestJournal(dataDir);
      const grownInPlace = after.path === before.path;
      const start0 = grownInPlace ? before.size : 0;
      expect(after.size, 'the last write reached the journal').toBeGreaterThan(start0 + 100);
      await truncate(after.path, start0 + Math.floor((after.size - start0) / 2));

      const recovered = await start(dataDir);
      const all = await expectRows(recovered, ids);
      // The torn record is either fully absent or fully present (checksum checked above).
      expect(all.length === 100 || all.length === 101).toBe(true);
      await keepsWorking(dataDir, recovered, 1000, ids);
    } finally {
      await removeDir(dataDir);
    }
  });

  it('survives a tail of zeros (preallocated or partially flushed page)', async () => {
    const dataDir = await makeTempDir('tail-zeros');
    try {
      const ids = Array.from({ length: 50 }, (_, i) => i);
      const first = await start(dataDir);
      await withClient(first, (c) => rows(c).insertMany(ids.map((i) => row(i))));
      await first.stop();
      await appendFile((await newestJournal(dataDir)).path, Buffer.alloc(4096));
      const recovered = await start(dataDir);
      expect(await expectRows(recovered, ids)).toHaveLength(50);
      await keepsWorking(dataDir, recovered, 1000, ids);
    } finally {
      await removeDir(dataDir);
    }
  });
});
