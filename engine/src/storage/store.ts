import { calculateObjectSize } from 'bson';

import type { EngineLogger } from '../logger.js';
import { withValidationWarnings } from '../validation-warnings.js';
import { type Doc, keyOf } from '../values.js';
import { Collection } from './collection.js';
import type { Index, IndexSpec } from './index-key.js';
import { Journal } from './journal.js';
import { frameRecord } from './records.js';
import { loadDataDir, type RecoveryStats } from './recovery.js';
import { writeSnapshot } from './snapshot.js';

/** One change as the journal records it; replaying the list rebuilds the state. */
export type Op =
  | { op: 'createCollection'; db: string; coll: string; options: Doc; uuid: unknown }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string }
  | { op: 'setOptions'; db: string; coll: string; options: Doc }
  | { op: 'put'; db: string; coll: string; doc: Doc }
  | { op: 'remove'; db: string; coll: string; id: unknown };

export type Databases = Map<string, Map<string, Collection>>;

// A journal record stays well under the 16 MiB a BSON document may hold.
const RECORD_BUDGET = 4 * 1024 * 1024;

export interface StoreOptions {
  dataDir: string;
  compactAfterBytes: number;
  logger: EngineLogger;
}

/**
 * All databases in memory, made durable by the journal. Commands change the state synchronously
 * through a Writer, so writes are applied one at a time in journal order, and learn through the
 * returned promise when their changes are on disk.
 */
export class Store {
  readonly databases: Databases;
  /** What start-up recovered (see recovery.ts). */
  recovery: RecoveryStats | undefined;
  private readonly journal: Journal;
  private readonly options: StoreOptions;
  private compaction: Promise<void> | undefined;
  private closed = false;

  private constructor(databases: Databases, journal: Journal, options: StoreOptions) {
    this.databases = databases;
    this.journal = journal;
    this.options = options;
  }

  static async open(options: StoreOptions): Promise<Store> {
    const { databases, journalSeq, recovery } = await loadDataDir(options.dataDir, options.logger);
    const journal = new Journal(options.dataDir);
    await journal.open(journalSeq);
    const store = new Store(databases, journal, options);
    store.recovery = recovery;
    store.maybeCompact();
    return store;
  }

  get syncs(): number {
    return this.journal.syncs;
  }

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /**
   * Runs a change synchronously and resolves once it is durable. If the change throws part-way,
   * what it already did is still journaled before the error is passed on.
   */
  async write<T>(change: (writer: Writer) => T): Promise<T> {
    if (this.closed) throw new Error('the engine is shutting down');
    const writer = new Writer(this.databases);
    let result: T;
    try {
      result = withValidationWarnings(this.options.logger, () => change(writer));
    } finally {
      if (writer.ops.length > 0) {
        const durable = this.appendOps(writer.ops);
        this.maybeCompact();
        await durable;
      }
    }
    return result;
  }

  private appendOps(ops: Op[]): Promise<void> {
    if (ops.length === 1) return this.journal.append(frameRecord({ ops })); // one record whatever its size
    const pending: Promise<void>[] = [];
    let chunk: Op[] = [];
    let size = 0;
    for (const op of ops) {
      const opSize = op.op === 'put' ? calculateObjectSize(op.doc) + 256 : 256;
      if (chunk.length > 0 && size + opSize > RECORD_BUDGET) {
        pending.push(this.journal.append(frameRecord({ ops: chunk })));
        chunk = [];
        size = 0;
      }
      chunk.push(op);
      size += opSize;
    }
    if (chunk.length > 0) pending.push(this.journal.append(frameRecord({ ops: chunk })));
    return Promise.all(pending).then(() => undefined);
  }

  private maybeCompact(): void {
    if (this.compaction || this.closed) return;
    if (this.journal.bytes < this.options.compactAfterBytes) return;
    this.compaction = this.compact()
      .catch((error: unknown) => {
        this.options.logger.error(`engine: compaction failed: ${String(error)}`);
      })
      .finally(() => {
        this.compaction = undefined;
      });
  }

  /**
   * Moves the journal to a new file and writes the state as of that moment into a snapshot.
   * Documents are never changed in place, so holding references keeps the image consistent
   * while later writes go on into the new journal file.
   */
  private async compact(): Promise<void> {
    const seq = this.journal.seq + 1;
    const rotated = this.journal.rotate(seq);
    // Documents still held as bytes are written as they are, not decoded (lazy-docs.ts).
    const releases: (() => void)[] = [];
    const image = [...this.databases].flatMap(([db, collections]) =>
      [...collections.values()].map((collection) => {
        const { docs, arena, release } = collection.docs.image();
        releases.push(release);
        return {
          db,
          collection,
          specs: collection.indexes.map((index) => index.spec),
          docs,
          arena,
        };
      }),
    );
    try {
      await rotated;
      await writeSnapshot(this.options.dataDir, seq, image);
    } finally {
      for (const release of releases) release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.compaction;
    await this.journal.close();
  }
}

/** Applies changes to the in-memory state and records them for the journal. */
export class Writer {
  readonly ops: Op[] = [];
  /** Set by a command sent with bypassDocumentValidation: true; its writes skip the validator. */
  bypassDocumentValidation = false;
  private readonly databases: Databases;

  constructor(databases: Databases) {
    this.databases = databases;
  }

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** The named collection, created (as MongoDB does on first write) when it does not exist. */
  ensureCollection(db: string, name: string, options: Doc = {}): Collection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    const collection = new Collection(db, name, options);
    collections.set(name, collection);
    this.ops.push({ op: 'createCollection', db, coll: name, options, uuid: collection.uuid });
    return collection;
  }

  insert(collection: Collection, doc: Doc): void {
    collection.insert(doc, this.bypassDocumentValidation);
    this.ops.push({ op: 'put', db: dbOf(collection), coll: collection.name, doc });
  }

  replace(collection: Collection, doc: Doc): void {
    collection.replace(doc, this.bypassDocumentValidation);
    this.ops.push({ op: 'put', db: dbOf(collection), coll: collection.name, doc });
  }

  remove(collection: Collection, doc: Doc): void {
    collection.remove(keyOf(doc._id));
    this.ops.push({ op: 'remove', db: dbOf(collection), coll: collection.name, id: doc._id });
  }

  createIndex(collection: Collection, spec: IndexSpec): Index {
    const index = collection.addIndex(spec);
    this.ops.push({ op: 'createIndex', db: dbOf(collection), coll: collection.name, spec });
    return index;
  }

  dropIndex(collection: Collection, name: string): void {
    collection.removeIndex(name);
    this.ops.push({ op: 'dropIndex', db: dbOf(collection), coll: collection.name, name });
  }

  /** Replaces a collection's or view's options (collMod: validator, view definition). */
  setOptions(collection: Collection, options: Doc): void {
    collection.options = options;
    this.ops.push({ op: 'setOptions', db: dbOf(collection), coll: collection.name, options });
  }

  dropCollection(db: string, name: string): boolean {
    const collections = this.databases.get(db);
    if (!collections?.delete(name)) return false;
    if (collections.size === 0) this.databases.delete(db);
    this.ops.push({ op: 'dropCollection', db, coll: name });
    return true;
  }

  dropDatabase(db: string): boolean {
    if (!this.databases.delete(db)) return false;
    this.ops.push({ op: 'dropDatabase', db });
    return true;
  }
}

function dbOf(collection: Collection): string {
  return collection.ns.slice(0, collection.ns.length - collection.name.length - 1);
}
