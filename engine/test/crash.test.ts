import { readdir } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import type { Acknowledged, WorkloadDoc } from './crash-workload.js';
import { checksum, clientFor, COUNTERS, emptyAcks, runWriter } from './crash-workload.js';
import type { EngineChild } from './engine-child.js';
import { spawnEngineChild } from './engine-child.js';
import { embeddedOnly, makeTempDir, removeDir } from './harness.js';

const DB = 'crash';
const WRITERS = 6;

async function prepare(uri: string): Promise<void> {
  const client = clientFor(uri);
  try {
    const db = client.db(DB);
    await db.collection('docs').createIndex({ key: 1 }, { unique: true });
    await db
      .collection<{ _id: string; n: number }>('counters')
      .insertMany(COUNTERS.map((id) => ({ _id: id, n: 0 })));
  } finally {
    await client.close();
  }
}

/** Writes from several clients at once and SIGKILLs the engine while they are still writing. */
async function writeThenKill(child: EngineChild, label: string, acks: Acknowledged, bytes: number) {
  const clients = Array.from({ length: WRITERS }, () => clientFor(child.uri));
  await Promise.all(clients.map((c) => c.connect()));
  const killAfter = 400 + Math.floor(Math.random() * 800);
  const until = Date.now() + killAfter + 5000;
  const writers = clients.map((c, w) => runWriter(c, DB, label, w, acks, until, bytes));
  await new Promise((resolve) => setTimeout(resolve, killAfter));
  await child.kill();
  const ops = await Promise.all(writers);
  await Promise.all(clients.map((c) => c.close(true).catch(() => undefined)));
  return ops.reduce((a, b) => a + b, 0);
}

async function verify(uri: string, acks: Acknowledged): Promise<void> {
  const client = clientFor(uri);
  try {
    const db = client.db(DB);
    const docs = await db.collection<WorkloadDoc>('docs').find().toArray();
    const present = new Map(docs.map((d) => [d.key, d]));
    const missing = [...acks.keys].filter((k) => !present.has(k));
    expect(missing, 'acknowledged inserts lost after the crash').toEqual([]);
    const torn = docs.filter((d) => d.sum !== checksum(d.payload, d.version));
    expect(
      torn.map((d) => d.key),
      'documents whose fields disagree (partial writes)',
    ).toEqual([]);
    const stale = [...acks.versions].filter(([k, v]) => (present.get(k)?.version ?? -1) < v);
    expect(stale, 'acknowledged updates lost after the crash').toEqual([]);
    expect(present.size, 'duplicate keys despite the unique index').toBe(docs.length);

    const counters = await db.collection<{ _id: string; n: number }>('counters').find().toArray();
    for (const id of COUNTERS) {
      const n = counters.find((c) => c._id === id)?.n ?? -1;
      expect(n, `counter ${id}`).toBeGreaterThanOrEqual(acks.increments.get(id) ?? 0);
    }

    const indexes = await db.collection('docs').indexes();
    expect(indexes.find((i) => i.name === 'key_1')).toMatchObject({ unique: true });
    expect(await db.collection('docs').createIndex({ key: 1 }, { unique: true })).toBe('key_1');
    const someKey = docs[0]?.key;
    if (someKey !== undefined) {
      const dup = await db
        .collection('docs')
        .insertOne({ key: someKey })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((dup as { code?: number } | undefined)?.code).toBe(11000);
    }
  } finally {
    await client.close();
  }
}

async function crashRounds(
  rounds: number,
  compactAfterBytes: number | undefined,
  bytes: number,
): Promise<string[]> {
  const dataDir = await makeTempDir('crash');
  const acks = emptyAcks();
  let child = await spawnEngineChild(dataDir, { compactAfterBytes });
  try {
    await prepare(child.uri);
    for (let round = 0; round < rounds; round++) {
      const ops = await writeThenKill(child, `r${round}`, acks, bytes);
      expect(ops, 'the writers got some writes acknowledged before the kill').toBeGreaterThan(0);
      const left = await readdir(dataDir);
      expect(
        left.some((f) => /lock/i.test(f)),
        `lock file left by the killed engine: ${left.join(', ')}`,
      ).toBe(true);
      // The killed process left its lock file behind; a dead pid must not block the restart.
      child = await spawnEngineChild(dataDir, { compactAfterBytes });
      await verify(child.uri, acks);
    }
    expect(await child.stop(), `clean stop; stderr: ${child.stderr()}`).toBe(0);
    child = await spawnEngineChild(dataDir, { compactAfterBytes });
    await verify(child.uri, acks);
    expect(await child.stop()).toBe(0);
    return await readdir(dataDir);
  } finally {
    child.proc.kill('SIGKILL');
    await removeDir(dataDir);
  }
}

describe.skipIf(embeddedOnly)('crash safety (SIGKILL mid-write, embedded engine)', () => {
  it('keeps every acknowledged write across three kills', { timeout: 90_000 }, async () => {
    await crashRounds(3, undefined, 200);
  });

  it(
    'keeps every acknowledged write when compaction runs during the writes',
    { timeout: 90_000 },
    async () => {
      const files = await crashRounds(3, 64 * 1024, 1500);
      expect(
        files.some((f) => /snapshot/i.test(f)),
        `compaction left a snapshot: ${files.join(', ')}`,
      ).toBe(true);
    },
  );
});
