// Start-up time: open a data folder holding SNAPSHOT_DOCS small documents in a snapshot plus a
// JOURNAL_BYTES journal written after it, as a company's server finds it after a crash.
import { open } from 'node:fs/promises';
import { join } from 'node:path';

import { ObjectId, UUID } from 'bson';

import { journalFileName } from '../src/storage/journal.js';
import { frameRecord } from '../src/storage/records.js';
import { snapshotFileName } from '../src/storage/snapshot.js';
import { startEngineProcess } from './engine-process.js';

export const SNAPSHOT_DOCS = 1_000_000;
export const JOURNAL_BYTES = 64 * 1024 * 1024;

const DB = 'bench';
const COLL = 'answers';
const INDEXES = [
  { v: 2, key: { _id: 1 }, name: '_id_' },
  { v: 2, key: { n: 1 }, name: 'n_1', unique: true },
];

/** A small document, as the app's answers and people are: about 80 bytes of BSON. */
function doc(n: number) {
  return { _id: new ObjectId(), n, team: `team-${n % 50}`, score: n % 7, at: new Date(1.7e12 + n) };
}

/** Writes the folder directly in the engine's file format; answers the journal records written. */
export async function writeStartupFolder(dir: string): Promise<number> {
  const seq = 1;
  const snapshot = await open(join(dir, snapshotFileName(seq)), 'w', 0o600);
  await snapshot.write(frameRecord({ t: 'snapshot', v: 1, seq }));
  await snapshot.write(
    frameRecord({
      t: 'collection',
      db: DB,
      coll: COLL,
      options: {},
      uuid: new UUID().toBinary(),
      indexes: INDEXES,
    }),
  );
  for (let from = 0; from < SNAPSHOT_DOCS; from += 20_000) {
    const docs = Array.from({ length: Math.min(20_000, SNAPSHOT_DOCS - from) }, (_, i) =>
      doc(from + i),
    );
    await snapshot.write(frameRecord({ t: 'docs', db: DB, coll: COLL, docs }));
  }
  await snapshot.write(frameRecord({ t: 'end', seq }));
  await snapshot.close();

  // One record per acknowledged write command, as the engine journals an insertOne.
  const journal = await open(join(dir, journalFileName(seq)), 'w', 0o600);
  let bytes = 0;
  let records = 0;
  while (bytes < JOURNAL_BYTES) {
    const batch: Buffer[] = [];
    for (let i = 0; i < 10_000 && bytes < JOURNAL_BYTES; i++) {
      const record = frameRecord({
        ops: [{ op: 'put', db: DB, coll: COLL, doc: doc(SNAPSHOT_DOCS + records) }],
      });
      batch.push(record);
      bytes += record.length;
      records++;
    }
    await journal.write(Buffer.concat(batch));
  }
  await journal.close();
  return records;
}

export interface StartupResult {
  /** From starting the engine process to its connection string being printed. */
  readyMs: number;
  /** What the engine's recovery line says recovery itself took. */
  recoveryMs: number;
  /** CPU time the engine process used up to printing its connection string (Linux only). */
  cpuMs?: number;
  snapshotDocs: number;
  journalRecords: number;
  /** Documents loaded from the snapshot and replayed from the journal, per second of recovery. */
  docsPerSec: number;
  /** Journal records replayed per second of recovery (time spent on the snapshot included). */
  recordsPerSec: number;
  line: string;
}

export async function startupTime(dir: string): Promise<StartupResult> {
  const began = performance.now();
  // Generous: the point is to measure how long it takes, however long that is.
  const engine = await startEngineProcess(dir, 600_000);
  const readyMs = performance.now() - began;
  const cpuMs = engine.cpuMs();
  const line =
    engine
      .output()
      .split('\n')
      .find((l) => l.includes('recovery took')) ?? '';
  await engine.stop();
  const match =
    /recovery took (\d+) ms: \S+ \((\d+) documents\), then (\d+) journal records \((\d+) operations/.exec(
      line,
    );
  if (!match) throw new Error(`no recovery line in the engine's output: ${engine.output()}`);
  const [, ms, docs, records, operations] = match.map(Number);
  return {
    readyMs: Math.round(readyMs),
    recoveryMs: ms,
    cpuMs,
    snapshotDocs: docs,
    journalRecords: records,
    docsPerSec: Math.round(((docs + operations) * 1000) / Math.max(1, ms)),
    recordsPerSec: Math.round((records * 1000) / Math.max(1, ms)),
    line,
  };
}
