import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Double, Long, ObjectId, serialize, UUID } from 'bson';
import fc from 'fast-check';
import { Query } from 'mingo';
import { afterAll, describe, expect, it } from 'vitest';

import { compareValues, type Doc, keyOf } from '../values.js';
import { Collection } from './collection.js';
import { Index, type IndexSpec } from './index-key.js';
import { journalFileName } from './journal.js';
import { nameBytes, NOT_READ, rawIdKey, topLevelValue } from './raw-bson.js';
import { decodeStored, eachRecord, frameDocsRecord, frameRecord } from './records.js';
import { loadDataDir } from './recovery.js';
import { snapshotFileName, writeSnapshot } from './snapshot.js';

// A collection loaded from disk holds its documents as bytes until read (lazy-docs.ts). These
// properties compare it with the same files decoded whole, record by record, as start-up did
// before: the same documents in the same order, the same answers to filters through the same
// indexes, the same state after writes, and the same state after a snapshot written from it.

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'innerloop-lazy-'));
  dirs.push(dir);
  return dir;
}

const quiet = { info: () => undefined, error: () => undefined };

/** An object holding exactly these entries as own data properties, even `__proto__`. */
function objectOf(entries: [string, unknown][]): Doc {
  const out: Doc = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return out;
}

const SPECS: IndexSpec[] = [
  { v: 2, key: { _id: 1 }, name: '_id_' },
  { v: 2, key: { n: 1 }, name: 'n_1' },
  { v: 2, key: { team: 1, n: -1 }, name: 'team_1_n_-1' },
  { v: 2, key: { 'a.b': 1 }, name: 'a.b_1' },
  { v: 2, key: objectOf([['__proto__', 1]]), name: 'proto_1' },
  { v: 2, key: { s: 1 }, name: 's_sparse', sparse: true },
  { v: 2, key: { n: 1 }, name: 'n_partial', partialFilterExpression: { score: { $gt: 2 } } },
];

const idValue = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => new ObjectId(b)),
  },
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.integer({ min: -50, max: 50 }).map((n) => Long.fromNumber(n)),
  fc.record({ k: fc.integer({ min: 0, max: 3 }) }),
);
const fieldValue = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom('a', 'b', 'é', '', 'z\u{1F600}'),
  fc.date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.double({ noNaN: true }),
  fc.integer({ min: -3, max: 3 }).map((n) => new Double(n)),
  fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => new ObjectId(b)),
  fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
  fc.record({ b: fc.integer({ min: 0, max: 4 }) }),
);
const body = fc
  .record(
    {
      n: fieldValue,
      team: fc.constantFrom('t1', 't2', 't3'),
      score: fc.integer({ min: 0, max: 5 }),
      a: fc.oneof(
        fc.record({ b: fieldValue }),
        fc.array(fc.record({ b: fc.nat(3) }), { maxLength: 2 }),
      ),
      s: fieldValue,
      proto: fieldValue,
    },
    { requiredKeys: ['team', 'score'] },
  )
  .map(({ proto, ...rest }) => {
    const entries = Object.entries(rest) as [string, unknown][];
    if (proto !== undefined) entries.push(['__proto__', proto]);
    return entries;
  });

/** What the journal holds after the snapshot: puts (new or over a stored document) and removes. */
type Change =
  { kind: 'put'; id: number; body: [string, unknown][] } | { kind: 'remove'; id: number };

const change = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('put' as const), id: fc.nat(60), body }) },
  fc.record({ kind: fc.constant('remove' as const), id: fc.nat(60) }),
);

interface Folder {
  snapshot: [unknown, [string, unknown][]][];
  changes: Change[];
  /** Puts and removes per journal record. */
  perRecord: number;
  /** Documents per docs record of the snapshot. */
  perChunk: number;
}

const folder = fc
  .uniqueArray(idValue, { minLength: 1, maxLength: 61, selector: (id) => keyOf(id) })
  .chain((ids) =>
    fc.record({
      snapshot: fc.tuple(...ids.map((id) => fc.tuple(fc.constant(id), body))),
      changes: fc.array(change, { maxLength: 40 }),
      perRecord: fc.integer({ min: 1, max: 3 }),
      perChunk: fc.integer({ min: 1, max: 25 }),
    }),
  );

function docOf(id: unknown, entries: [string, unknown][]): Doc {
  return objectOf([['_id', id], ...entries]);
}

/** Writes the folder in the engine's file format: a snapshot, then one journal file. */
function writeFolder(dir: string, f: Folder): void {
  const ids = f.snapshot.map(([id]) => id);
  const records: Buffer[] = [
    frameRecord({ t: 'snapshot', v: 1, seq: 1 }),
    frameRecord({
      t: 'collection',
      db: 'db',
      coll: 'c',
      options: {},
      uuid: new UUID().toBinary(),
      indexes: SPECS,
    }),
  ];
  const docs = f.snapshot.map(([id, entries]) => docOf(id, entries));
  for (let i = 0; i < docs.length; i += f.perChunk) {
    records.push(
      frameRecord({ t: 'docs', db: 'db', coll: 'c', docs: docs.slice(i, i + f.perChunk) }),
    );
  }
  records.push(frameRecord({ t: 'end', seq: 1 }));
  writeFileSync(path.join(dir, snapshotFileName(1)), Buffer.concat(records));
  const ops = f.changes.map((c) => {
    const id = ids[c.id % ids.length];
    return c.kind === 'put'
      ? { op: 'put', db: 'db', coll: 'c', doc: docOf(id, c.body) }
      : { op: 'remove', db: 'db', coll: 'c', id };
  });
  const journal: Buffer[] = [];
  for (let i = 0; i < ops.length; i += f.perRecord) {
    journal.push(frameRecord({ ops: ops.slice(i, i + f.perRecord) }));
  }
  writeFileSync(path.join(dir, journalFileName(1)), Buffer.concat(journal));
}

/** The same files decoded whole, record by record (decodeStored), into a collection. */
function eagerLoad(dir: string): Collection {
  const collection = new Collection('db', 'c');
  eachRecord(readFileSync(path.join(dir, snapshotFileName(1))), (record) => {
    if (record.t === 'collection') {
      for (const spec of (record.indexes as IndexSpec[]).slice(1)) {
        collection.indexes.push(new Index(spec));
      }
    }
    if (record.t === 'docs') for (const doc of record.docs as Doc[]) collection.load(doc);
  });
  eachRecord(readFileSync(path.join(dir, journalFileName(1))), (record) => {
    for (const op of record.ops as Doc[]) {
      if (op.op === 'put') collection.load(op.doc as Doc);
      else collection.unload(keyOf(op.id));
    }
  });
  for (const index of collection.indexes) index.rebuild(collection.docs);
  return collection;
}

async function lazyLoad(dir: string): Promise<Collection> {
  const { databases } = await loadDataDir(dir, quiet);
  const collection = databases.get('db')?.get('c');
  if (!collection) throw new Error('no collection loaded');
  return collection;
}

/**
 * Filters on the indexed fields, with values taken from the documents: first those an index or
 * the _id lookup answers (which leave the other documents as bytes), then whole scans.
 */
function filtersFor(docs: Doc[]): Doc[] {
  const indexed: Doc[] = [];
  const scans: Doc[] = [{}];
  for (const doc of docs.slice(0, 6)) {
    indexed.push({ _id: doc._id }, { _id: { $gt: doc._id } });
    if (doc.n !== undefined && !Array.isArray(doc.n)) {
      indexed.push({ n: doc.n }, { n: { $gte: doc.n } }, { n: { $lt: doc.n } });
      indexed.push({ team: doc.team, n: doc.n });
    }
    indexed.push({ 'a.b': 1 }, { '\uFFFF__proto__': doc['\uFFFF__proto__'] ?? null });
    indexed.push({ $or: [{ n: 1 }, { _id: doc._id }] });
    scans.push({ s: { $exists: true } }, { score: { $gt: 2 }, n: doc.n ?? null });
  }
  indexed.push({ _id: { $in: docs.slice(0, 3).map((doc) => doc._id) } });
  return [...indexed, ...scans];
}

/**
 * The first key two documents share in a unique index on each indexed field, built over the
 * collection as it is: the key as the index holds it (its type too), as createIndexes reports it.
 */
function duplicates(collection: Collection): unknown[] {
  return SPECS.map((spec) => {
    const index = new Index({ ...spec, name: `${spec.name}_unique`, unique: true });
    index.rebuild(collection.docs);
    return index.firstDuplicate();
  });
}

/** What a find answers: the candidates that match, sorted by n then _id, and how it found them. */
function find(collection: Collection, filter: Doc): { plan: string; docs: Doc[] } {
  const { docs, plan } = collection.candidates(filter);
  const query = new Query(filter);
  const found = docs
    .filter((doc) => query.test(doc))
    .sort((a, b) => compareValues(a.n, b.n) || compareValues(a._id, b._id));
  return { plan: `${plan.stage} ${plan.indexName ?? ''} ${plan.keysExamined}`, docs: found };
}

function contents(collection: Collection): [string, Doc][] {
  return [...collection.docs.entries()];
}

describe('documents loaded from disk as bytes, decoded when first read', () => {
  it('answer filters, sorts and index lookups as the same files decoded whole', async () => {
    await fc.assert(
      fc.asyncProperty(folder, async (f) => {
        const dir = tempDir();
        writeFolder(dir, f);
        const eager = eagerLoad(dir);
        const lazy = await lazyLoad(dir);
        expect(lazy.docs.size).toBe(eager.docs.size);
        expect([...lazy.docs.keys()]).toEqual([...eager.docs.keys()]);
        // Index keys and queries first, while the lazy documents are still bytes.
        expect(duplicates(lazy)).toStrictEqual(duplicates(eager));
        for (const filter of filtersFor([...eager.docs.values()])) {
          expect(find(lazy, filter)).toStrictEqual(find(eager, filter));
        }
        for (const index of eager.indexes) {
          expect([...(lazy.findIndex(index.spec.name)?.scan([]) ?? [])]).toEqual([
            ...index.scan([]),
          ]);
        }
        expect(contents(lazy)).toStrictEqual(contents(eager));
      }),
      { numRuns: 60 },
    );
  });

  it('take inserts, updates and removes after loading as the decoded collection does', async () => {
    await fc.assert(
      fc.asyncProperty(
        folder,
        fc.array(fc.tuple(fc.nat(80), body, fc.boolean()), { maxLength: 12 }),
        async (f, writes) => {
          const dir = tempDir();
          writeFolder(dir, f);
          const eager = eagerLoad(dir);
          const lazy = await lazyLoad(dir);
          const ids = [...eager.docs.values()].map((doc) => doc._id);
          for (const [at, entries, remove] of writes) {
            const id = at < ids.length ? ids[at] : new ObjectId();
            for (const collection of [eager, lazy]) {
              const exists = collection.docs.has(keyOf(id));
              if (remove) collection.remove(keyOf(id));
              else if (exists) collection.replace(docOf(id, entries));
              else collection.insert(docOf(id, entries));
            }
          }
          for (const filter of filtersFor([...eager.docs.values()])) {
            expect(find(lazy, filter)).toStrictEqual(find(eager, filter));
          }
          expect(contents(lazy)).toStrictEqual(contents(eager));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('write a snapshot holding what they hold, read back the same', async () => {
    await fc.assert(
      fc.asyncProperty(folder, fc.nat(5), async (f, touched) => {
        const dir = tempDir();
        writeFolder(dir, f);
        const eager = eagerLoad(dir);
        const lazy = await lazyLoad(dir);
        // A few documents decoded (read), the rest still bytes, as after a little traffic.
        [...lazy.docs.keys()].slice(0, touched).forEach((id) => lazy.docs.get(id));
        const { docs, arena, release } = lazy.docs.image();
        const specs = lazy.indexes.map((index) => index.spec);
        const out = tempDir();
        try {
          await writeSnapshot(out, 1, [{ db: 'db', collection: lazy, specs, docs, arena }]);
        } finally {
          release();
        }
        writeFileSync(path.join(out, journalFileName(1)), Buffer.alloc(0));
        const reloaded = await lazyLoad(out);
        expect(contents(reloaded)).toStrictEqual(contents(eager));
        expect(reloaded.indexes.map((index) => index.spec)).toStrictEqual(specs);
        for (const filter of filtersFor([...eager.docs.values()])) {
          expect(find(reloaded, filter)).toStrictEqual(find(eager, filter));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('give an _id key and top-level values read from the bytes as decoding gives them', () => {
    fc.assert(
      fc.property(idValue, body, (id, entries) => {
        const bytes = serialize(docOf(id, entries), { checkKeys: false, ignoreUndefined: false });
        const decoded = decodeStored(bytes);
        const key = rawIdKey(bytes, 0, bytes.length);
        if (key !== undefined) expect(key).toBe(keyOf(decoded._id));
        for (const field of ['_id', 'n', 'team', 'score', 'a', 's', 'missing']) {
          const value = topLevelValue(bytes, 0, bytes.length, nameBytes(field));
          if (value !== NOT_READ) expect(value).toStrictEqual(decoded[field]);
        }
        // The common kinds are read, not left to the decoder.
        if (id instanceof ObjectId || typeof id === 'string') expect(key).toBeDefined();
        if (typeof decoded.n === 'number') {
          expect(topLevelValue(bytes, 0, bytes.length, nameBytes('n'))).not.toBe(NOT_READ);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('frame a docs record as frameRecord does when every document is decoded', () => {
    fc.assert(
      fc.property(fc.array(body, { maxLength: 5 }), (bodies) => {
        const docs = bodies.map((entries, i) => docOf(i, entries));
        expect(frameDocsRecord('db', 'c', docs)).toEqual(
          frameRecord({ t: 'docs', db: 'db', coll: 'c', docs }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('end the intact records at one whose checksum holds but whose shape does not', async () => {
    const dir = tempDir();
    writeFolder(dir, {
      snapshot: [[1, [['team', 't1']]]],
      changes: [],
      perRecord: 1,
      perChunk: 1,
    });
    const good = frameRecord({ ops: [{ op: 'put', db: 'db', coll: 'c', doc: { _id: 2, n: 1 } }] });
    const bad = Buffer.from(
      frameRecord({ ops: [{ op: 'put', db: 'db', coll: 'c', doc: { _id: 3, n: 1 } }] }),
    );
    // The put's document claims more bytes than its record holds; the CRC is made to agree.
    const docAt = bad.indexOf(Buffer.from('\x03doc\0', 'latin1')) + 5;
    bad.writeInt32LE(bad.readInt32LE(docAt) + 40, docAt);
    const { crc32 } = await import('node:zlib');
    bad.writeUInt32LE(crc32(bad.subarray(8)), 4);
    const after = frameRecord({ ops: [{ op: 'put', db: 'db', coll: 'c', doc: { _id: 4 } }] });
    writeFileSync(path.join(dir, journalFileName(1)), Buffer.concat([good, bad, after]));
    const { databases, recovery } = await loadDataDir(dir, quiet);
    const docs = databases.get('db')?.get('c')?.docs;
    expect([...(docs?.keys() ?? [])]).toEqual([keyOf(1), keyOf(2)]);
    expect(recovery.torn).toEqual({ file: journalFileName(1), bytes: bad.length + after.length });
  });
});
