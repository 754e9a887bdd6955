import { createHash, randomBytes } from 'node:crypto';

import { MongoClient } from 'mongodb';
import { expect } from 'vitest';

/** What the writers were told was durable (acknowledged) during one run. */
export interface Acknowledged {
  keys: Set<string>;
  /** counter id → number of acknowledged $inc */
  increments: Map<string, number>;
  /** key → highest acknowledged payload version */
  versions: Map<string, number>;
  /** counter id → number of $inc sent, acknowledged or not: a counter may never exceed it */
  attempts: Map<string, number>;
}

export interface WorkloadDoc {
  _id?: unknown;
  key: string;
  writer: number;
  seq: number;
  version: number;
  payload: string;
  sum: string;
}

export const COUNTERS = ['c0', 'c1', 'c2', 'c3'];

export function checksum(payload: string, version: number): string {
  return createHash('sha256').update(`${version}:${payload}`).digest('hex');
}

export function emptyAcks(): Acknowledged {
  return { keys: new Set(), increments: new Map(), versions: new Map(), attempts: new Map() };
}

export function clientFor(uri: string): MongoClient {
  return new MongoClient(uri, {
    maxPoolSize: 1,
    retryWrites: false,
    retryReads: false,
    serverSelectionTimeoutMS: 1500,
    connectTimeoutMS: 1500,
  });
}

function payload(bytes: number): string {
  return randomBytes(Math.max(1, Math.floor(bytes / 2))).toString('hex');
}

/**
 * One writer: inserts documents with unique keys, bumps shared counters and rewrites its own
 * documents (payload and checksum together), recording each acknowledged write into `acks`
 * until a write fails (the engine died) or `until` passes.
 */
export async function runWriter(
  client: MongoClient,
  dbName: string,
  label: string,
  writer: number,
  acks: Acknowledged,
  until: number,
  payloadBytes: number,
): Promise<number> {
  const db = client.db(dbName);
  const docs = db.collection<WorkloadDoc>('docs');
  const counters = db.collection<{ _id: string; n: number }>('counters');
  const mine: string[] = [];
  let ops = 0;
  try {
    for (let seq = 0; Date.now() < until; seq++) {
      const key = `${label}-w${writer}-${seq}`;
      const body = payload(payloadBytes + ((seq * 37) % payloadBytes));
      await docs.insertOne({ key, writer, seq, version: 0, payload: body, sum: checksum(body, 0) });
      acks.keys.add(key);
      acks.versions.set(key, 0);
      mine.push(key);
      ops++;
      if (seq % 3 === 0) {
        const id = COUNTERS[(writer + seq) % COUNTERS.length];
        acks.attempts.set(id, (acks.attempts.get(id) ?? 0) + 1);
        await counters.updateOne({ _id: id }, { $inc: { n: 1 } });
        acks.increments.set(id, (acks.increments.get(id) ?? 0) + 1);
        ops++;
      }
      if (seq % 4 === 1) {
        const target = mine[(seq * 7) % mine.length];
        const version = (acks.versions.get(target) ?? 0) + 1;
        const next = payload(payloadBytes);
        await docs.updateOne(
          { key: target },
          { $set: { payload: next, sum: checksum(next, version), version } },
        );
        acks.versions.set(target, version);
        ops++;
      }
    }
  } catch {
    // The engine was killed under us: everything acknowledged so far is what must survive.
  }
  return ops;
}

/** A unique index on docs.key and the counters, before the writers start. */
export async function prepareWorkload(uri: string, dbName: string): Promise<void> {
  const client = clientFor(uri);
  try {
    const db = client.db(dbName);
    await db.collection('docs').createIndex({ key: 1 }, { unique: true });
    await db
      .collection<{ _id: string; n: number }>('counters')
      .insertMany(COUNTERS.map((id) => ({ _id: id, n: 0 })));
  } finally {
    await client.close();
  }
}

/**
 * Every acknowledged write is there exactly once: each acknowledged insert once (the unique index
 * holds and still refuses a duplicate), each document whole, at least its acknowledged version,
 * each counter at least its acknowledged and at most its attempted increments.
 */
export async function verifyWorkload(uri: string, dbName: string, acks: Acknowledged) {
  const client = clientFor(uri);
  try {
    const db = client.db(dbName);
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
      expect(n, `counter ${id} applied more often than sent`).toBeLessThanOrEqual(
        acks.attempts.get(id) ?? 0,
      );
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
    return docs.length;
  } finally {
    await client.close();
  }
}

/**
 * `writers` clients write to `uri` until `kill` is called after a random 300–900 ms; then, with
 * no pause, `restart` runs while the writers are still finding out. Resolves with what restart
 * gave and the number of writes the clients sent.
 */
export async function killUnderWriters<T>(
  uri: string,
  dbName: string,
  label: string,
  writers: number,
  acks: Acknowledged,
  payloadBytes: number,
  kill: () => void,
  restart: () => Promise<T>,
): Promise<{ restarted: T; ops: number }> {
  const clients = Array.from({ length: writers }, () => clientFor(uri));
  await Promise.all(clients.map((c) => c.connect()));
  const killAfter = 300 + Math.floor(Math.random() * 600);
  const until = Date.now() + killAfter + 5000;
  const running = clients.map((c, w) => runWriter(c, dbName, label, w, acks, until, payloadBytes));
  await new Promise((resolve) => setTimeout(resolve, killAfter));
  kill();
  try {
    const restarted = await restart();
    const ops = (await Promise.all(running)).reduce((a, b) => a + b, 0);
    return { restarted, ops };
  } finally {
    await Promise.all(running);
    await Promise.all(clients.map((c) => c.close(true).catch(() => undefined)));
  }
}
