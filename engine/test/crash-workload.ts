import { createHash, randomBytes } from 'node:crypto';

import { MongoClient } from 'mongodb';

/** What the writers were told was durable (acknowledged) during one run. */
export interface Acknowledged {
  keys: Set<string>;
  /** counter id → number of acknowledged $inc */
  increments: Map<string, number>;
  /** key → highest acknowledged payload version */
  versions: Map<string, number>;
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
  return { keys: new Set(), increments: new Map(), versions: new Map() };
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
