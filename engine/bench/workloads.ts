import { randomBytes } from 'node:crypto';

import { MongoClient } from 'mongodb';

import { type EngineCpu, median, opsPerSecond, type OpsResult } from './measure.js';

export const INSERT_CLIENTS = 16;
export const LOOKUP_LOOPS = 4;
export const GROUP_DOCS = 100_000;
const LOOKUP_DOCS = 10_000;
const DEPARTMENTS = 20;

/** Durable single-document inserts, default write concern, one connection per client. */
export async function insertsPerSecond(
  uri: string,
  dbName: string,
  ms: number,
  engineCpu?: EngineCpu,
): Promise<OpsResult> {
  const clients = Array.from(
    { length: INSERT_CLIENTS },
    () => new MongoClient(uri, { maxPoolSize: 1 }),
  );
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const payload = randomBytes(64).toString('hex');
    return await opsPerSecond(
      INSERT_CLIENTS,
      ms,
      (loop, i) =>
        clients[loop]
          .db(dbName)
          .collection('inserts')
          .insertOne({ loop, i, payload, at: new Date() }),
      engineCpu,
    );
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

/** findOne by a unique indexed field from a few concurrent loops. */
export async function findOnePerSecond(
  uri: string,
  dbName: string,
  ms: number,
  engineCpu?: EngineCpu,
): Promise<OpsResult> {
  const client = new MongoClient(uri, { maxPoolSize: LOOKUP_LOOPS });
  try {
    const coll = client.db(dbName).collection<{ code: string; n: number }>('lookups');
    await coll.createIndex({ code: 1 }, { unique: true });
    for (let i = 0; i < LOOKUP_DOCS; i += 2000) {
      await coll.insertMany(
        Array.from({ length: 2000 }, (_, j) => ({ code: `k${i + j}`, n: i + j })),
      );
    }
    let misses = 0;
    const rate = await opsPerSecond(
      LOOKUP_LOOPS,
      ms,
      async (loop, i) => {
        const n = (i * 7919 + loop * 104729) % LOOKUP_DOCS;
        const doc = await coll.findOne({ code: `k${n}` });
        if (doc?.n !== n) misses++;
      },
      engineCpu,
    );
    if (misses > 0) throw new Error(`findOne returned the wrong document ${misses} times`);
    return rate;
  } finally {
    await client.close();
  }
}

/** Milliseconds for one $group by department over GROUP_DOCS documents (median of 3). */
export async function group100kMs(uri: string, dbName: string): Promise<number> {
  const client = new MongoClient(uri);
  try {
    const coll = client.db(dbName).collection('grouped');
    for (let i = 0; i < GROUP_DOCS; i += 5000) {
      await coll.insertMany(
        Array.from({ length: 5000 }, (_, j) => ({
          dept: `d${(i + j) % DEPARTMENTS}`,
          score: (i + j) % 100,
          cycle: `c${(i + j) % 4}`,
        })),
      );
    }
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const groups = await coll
        .aggregate<{ _id: string; n: number; total: number; avg: number }>([
          {
            $group: {
              _id: '$dept',
              n: { $sum: 1 },
              total: { $sum: '$score' },
              avg: { $avg: '$score' },
            },
          },
        ])
        .toArray();
      times.push(performance.now() - start);
      const counted = groups.reduce((sum, g) => sum + g.n, 0);
      if (groups.length !== DEPARTMENTS || counted !== GROUP_DOCS) {
        throw new Error(`$group answered ${groups.length} groups over ${counted} documents`);
      }
    }
    return median(times);
  } finally {
    await client.close();
  }
}
