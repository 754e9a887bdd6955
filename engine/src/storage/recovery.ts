import { mkdir, readdir, readFile, truncate, unlink } from 'node:fs/promises';
import path from 'node:path';

import type { EngineLogger } from '../logger.js';
import { type Doc, isPlainObject, keyOf } from '../values.js';
import { Collection } from './collection.js';
import { DIR_MODE } from './files.js';
import { Index, type IndexSpec } from './index-key.js';
import { journalFileName } from './journal.js';
import { Arena } from './lazy-docs.js';
import { RawRecords } from './raw-records.js';
import { decodeStored, eachFrame } from './records.js';
import { parseSeq, snapshotFileName } from './snapshot.js';
import type { Databases, Op } from './store.js';

export interface LoadedState {
  databases: Databases;
  /** The journal file that new writes go on appending to. */
  journalSeq: number;
  recovery: RecoveryStats;
}

/** What start-up found and did, for the log (never any document's contents). */
export interface RecoveryStats {
  /** Wall-clock time from listing the folder to indexes rebuilt, in milliseconds. */
  ms: number;
  /** The snapshot loaded, if any, and how many documents it held. */
  snapshot?: { file: string; documents: number };
  journalFiles: number;
  /** Journal records (one per acknowledged write command, or part of one) replayed. */
  records: number;
  /** Changes (document puts and removals, index and collection changes) those records held. */
  operations: number;
  /** A torn or corrupt last record that was cut off: its file and how many bytes went. */
  torn?: { file: string; bytes: number };
}

/** One line saying how long recovery took, what it replayed and whether a torn record was cut. */
export function describeRecovery(stats: RecoveryStats): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const from = stats.snapshot
    ? `${stats.snapshot.file} (${plural(stats.snapshot.documents, 'document')})`
    : 'no snapshot';
  const torn = stats.torn
    ? `cut off a torn last record (${plural(stats.torn.bytes, 'byte')}) at the end of ${stats.torn.file}`
    : 'no torn record';
  return `engine: recovery took ${stats.ms} ms: ${from}, then ${plural(stats.records, 'journal record')} (${plural(stats.operations, 'operation')}) replayed from ${plural(stats.journalFiles, 'journal file')}; ${torn}`;
}

class Loader {
  readonly databases: Databases = new Map();
  /** The files read, which hold the documents not decoded yet. */
  readonly arena = new Arena();

  collection(db: string, name: string, options: Doc = {}, uuid?: unknown): Collection {
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    let collection = collections.get(name);
    if (!collection) {
      const binaryUuid = isBinary(uuid) ? uuid : undefined;
      collection = new Collection(db, name, options, binaryUuid);
      collections.set(name, collection);
    }
    return collection;
  }

  addIndex(collection: Collection, spec: IndexSpec): void {
    if (!collection.findIndex(spec.name)) collection.indexes.push(new Index(spec));
  }

  apply(op: Op): void {
    switch (op.op) {
      case 'createCollection':
        this.collection(op.db, op.coll, op.options, op.uuid);
        break;
      case 'dropCollection': {
        const collections = this.databases.get(op.db);
        collections?.delete(op.coll);
        if (collections?.size === 0) this.databases.delete(op.db);
        break;
      }
      case 'dropDatabase':
        this.databases.delete(op.db);
        break;
      case 'createIndex':
        this.addIndex(this.collection(op.db, op.coll), op.spec);
        break;
      case 'dropIndex':
        this.databases.get(op.db)?.get(op.coll)?.removeIndex(op.name);
        break;
      case 'setOptions': {
        const collection = this.databases.get(op.db)?.get(op.coll);
        if (collection) collection.options = op.options;
        break;
      }
      case 'put':
        this.collection(op.db, op.coll).load(op.doc);
        break;
      case 'remove':
        this.databases.get(op.db)?.get(op.coll)?.unload(keyOf(op.id));
        break;
    }
  }

  finish(): Databases {
    // Every collection counts the documents it holds as bytes before any index is built: building
    // one collection's indexes may decode documents and so let go of a file's buffer, which must
    // not happen while another collection still holds documents in it.
    for (const collections of this.databases.values()) {
      for (const collection of collections.values()) collection.docs.settle();
    }
    for (const collections of this.databases.values()) {
      for (const collection of collections.values()) collection.rebuildIndexes();
    }
    this.arena.settle();
    return this.databases;
  }
}

function isBinary(value: unknown): value is Collection['uuid'] {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _bsontype?: unknown })._bsontype === 'Binary'
  );
}

/**
 * Loads a complete snapshot, answering how many documents it held; undefined if incomplete. Its
 * documents stay bytes in the loader's arena until read.
 */
function loadSnapshot(loader: Loader, bytes: Buffer): number | undefined {
  let documents = 0;
  let start = 'unread' as 'unread' | 'snapshot' | 'other';
  let ended = false;
  const segment = loader.arena.addBuffer(bytes);
  const raw = new RawRecords(bytes);
  eachFrame(bytes, (bodyStart, bodyEnd) => {
    const docs = raw.docsRecord(bodyStart, bodyEnd);
    if (docs === false) return false;
    if (docs) {
      if (start === 'unread') start = 'other';
      if (start === 'other') return true;
      ended = false;
      const collection = loader.collection(docs.db, docs.coll);
      for (const at of docs.starts) collection.loadRaw(loader.arena, loader.arena.add(segment, at));
      documents += docs.starts.length;
      return true;
    }
    let record: Doc;
    try {
      record = decodeStored(bytes.subarray(bodyStart, bodyEnd));
    } catch {
      return false;
    }
    onRecord(record);
    return true;
  });
  return start === 'snapshot' && ended ? documents : undefined;

  function onRecord(record: Doc): void {
    if (start === 'unread') start = record.t === 'snapshot' ? 'snapshot' : 'other';
    if (start === 'other') return;
    ended = record.t === 'end';
    const db = String(record.db);
    const coll = String(record.coll);
    if (record.t === 'collection') {
      const options = isPlainObject(record.options) ? record.options : {};
      const collection = loader.collection(db, coll, options, record.uuid);
      const specs = Array.isArray(record.indexes) ? (record.indexes as IndexSpec[]) : [];
      for (const spec of specs) loader.addIndex(collection, spec);
    } else if (record.t === 'docs' && Array.isArray(record.docs)) {
      const collection = loader.collection(db, coll);
      for (const doc of record.docs as Doc[]) collection.load(doc);
      documents += record.docs.length;
    }
  }
}

/**
 * Rebuilds the state from the newest complete snapshot and the journal files after it. A torn
 * record at the end of a journal (a crash mid-write, never acknowledged) is cut off.
 */
export async function loadDataDir(dir: string, logger: EngineLogger): Promise<LoadedState> {
  const started = performance.now();
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  const files = await readdir(dir);
  for (const file of files.filter((name) => name.endsWith('.tmp'))) {
    await unlink(path.join(dir, file));
  }
  const snapshots = files
    .map((name) => parseSeq(name, 'snapshot'))
    .filter((seq): seq is number => seq !== undefined)
    .sort((a, b) => b - a);
  const journals = files
    .map((name) => parseSeq(name, 'journal'))
    .filter((seq): seq is number => seq !== undefined)
    .sort((a, b) => a - b);

  // The journal files after the newest snapshot are read while the snapshot is being loaded
  // (their buffers are kept anyway: they hold the documents put since).
  const early = new Map<number, Promise<Buffer>>();
  for (const seq of journals.filter((journal) => journal >= (snapshots[0] ?? 0))) {
    const read = readFile(path.join(dir, journalFileName(seq)));
    read.catch(() => undefined); // awaited below, where a failure is reported as before
    early.set(seq, read);
  }

  let loader = new Loader();
  let fromSeq = 0;
  let snapshot: RecoveryStats['snapshot'];
  for (const seq of snapshots) {
    const candidate = new Loader();
    const documents = loadSnapshot(
      candidate,
      await readFile(path.join(dir, snapshotFileName(seq))),
    );
    if (documents !== undefined) {
      loader = candidate;
      fromSeq = seq;
      snapshot = { file: snapshotFileName(seq), documents };
      break;
    }
    logger.error(`engine: snapshot ${snapshotFileName(seq)} is incomplete; using an older state`);
  }

  const toReplay = journals.filter((seq) => seq >= fromSeq);
  let replayed = 0;
  let operations = 0;
  let cut: RecoveryStats['torn'];
  for (const seq of toReplay) {
    const file = path.join(dir, journalFileName(seq));
    const bytes = await (early.get(seq) ?? readFile(file));
    const segment = loader.arena.addBuffer(bytes);
    const raw = new RawRecords(bytes);
    // Each record is applied as it is read; a document put stays bytes in the file's buffer.
    const { validBytes, torn } = eachFrame(bytes, (start, end) => {
      const ops = raw.opsRecord(start, end);
      if (ops === false) return false;
      for (const op of ops) {
        if (op.op === 'rawPut') {
          loader.collection(op.db, op.coll).loadRaw(loader.arena, loader.arena.add(segment, op.at));
        } else {
          loader.apply(op);
        }
      }
      operations += ops.length;
      replayed++;
      return true;
    });
    if (torn) {
      logger.error(`engine: discarded an incomplete record at the end of ${journalFileName(seq)}`);
      await truncate(file, validBytes);
      cut = { file: journalFileName(seq), bytes: bytes.length - validBytes };
    }
  }
  const journalSeq = Math.max(fromSeq, toReplay.at(-1) ?? 0, 1);
  const databases = loader.finish();
  const recovery: RecoveryStats = {
    ms: Math.round(performance.now() - started),
    snapshot,
    journalFiles: toReplay.length,
    records: replayed,
    operations,
    torn: cut,
  };
  logger.info(describeRecovery(recovery));
  return { databases, journalSeq, recovery };
}
