import { Query } from 'mingo';

import { collatedCompare, type Collation, type Compare } from '../collation.js';
import { compareValues, type Doc, keyOf, typeRank, valuesAtPath } from '../values.js';
import type { DocMap } from './lazy-docs.js';
import { nameBytes, NOT_READ, readableName, topLevelValue } from './raw-bson.js';

export interface IndexSpec {
  v: number;
  key: Doc;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

/** One side of a range on the field after an equality prefix. */
export interface Range {
  lo?: unknown;
  loInclusive: boolean;
  hi?: unknown;
  hiInclusive: boolean;
}

function compareTuples(
  a: unknown[],
  b: unknown[],
  length: number,
  compare: Compare = compareValues,
): number {
  for (let i = 0; i < length; i++) {
    const byValue = compare(a[i], b[i]);
    if (byValue !== 0) return byValue;
  }
  return 0;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The entries, sorted: entry i is keys[i] (the value itself in an index on one field, else the
 * tuple) and ids[i], the document's key. Two arrays rather than an object per entry: rebuilding
 * a million documents' index at start-up makes no object per entry at all.
 */
interface Entries {
  keys: unknown[];
  ids: string[];
}

/** keysFor's answer when the quick path does not apply. */
const NO_QUICK_KEY = Symbol('no quick key');

/**
 * A secondary index kept as a sorted array of (key tuple, document key) entries: equality and
 * range lookups binary-search it instead of scanning the collection, and unique indexes check
 * the neighbours of a new key.
 *
 * Entries are ordered by key then id. An index on one field keeps the value itself as the key
 * and a compound index its tuple, in two parallel arrays (keys, ids) rather than an object per
 * entry, so a million documents' indexes add no objects for the garbage collector to copy and
 * walk at start-up. An insertion in the middle moves both arrays' tails (two splices instead of
 * one); inserts that come in key order, as ObjectIds do, only append.
 */
export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  /** Whether the planner may answer filters from it (sparse, partial and text indexes may miss documents). */
  readonly complete: boolean;
  private readonly partial: Query | undefined;
  /** BSON order, with strings compared under the index's collation when it has one. */
  readonly compare: Compare;
  /** One field: keys are values, not tuples. */
  private readonly single: boolean;
  /** The field's name in stored bytes, when quickKey's answer can be read from them. */
  private readonly rawField: Uint8Array | undefined;
  private built: Entries = { keys: [], ids: [] };
  /**
   * Documents to build the entries from when first needed (deferBuild). Meanwhile the map is the
   * whole truth, so adding and removing entries is skipped.
   */
  private pending: DocMap | undefined;
  /**
   * Set once a document put several keys in the index (an array value). Then two bounds on a
   * field may be met by different elements, so a range lookup may only use one of them.
   */
  multikey = false;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.single = this.fields.length === 1;
    this.compare = collatedCompare(spec.collation as Collation | undefined);
    this.partial = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression)
      : undefined;
    const plainKeys = Object.values(spec.key).every(
      (direction) => direction === 1 || direction === -1 || direction === 'hashed',
    );
    this.complete = plainKeys && !spec.sparse && !this.partial;
    const field = this.fields[0];
    this.rawField =
      this.single && !this.partial && readableName(field) ? nameBytes(field) : undefined;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  get size(): number {
    return this.entries.ids.length;
  }

  /** The sorted entries, built first if a build was deferred. */
  private get entries(): Entries {
    if (this.pending) {
      const docs = this.pending;
      this.pending = undefined;
      this.rebuild(docs);
    }
    return this.built;
  }

  /**
   * Builds the entries from `docs` only when something reads them. For the _id index after
   * start-up: lookups by _id go through the collection's map, so only a range, a sort or a
   * collated lookup on _id needs the index, and the first of them pays for building it.
   */
  deferBuild(docs: DocMap): void {
    this.built = { keys: [], ids: [] };
    this.multikey = false;
    this.pending = docs;
  }

  /**
   * The one key of the common case, one top-level field holding one value, found without the
   * general walk of keysFor (rebuilding indexes at start-up asks this for every document).
   */
  private quickKey(doc: Doc): unknown {
    if (this.partial || !this.single) return NO_QUICK_KEY;
    const field = this.fields[0];
    if (field.includes('.') || !Object.hasOwn(doc, field)) return NO_QUICK_KEY;
    const value = doc[field];
    return value === undefined || Array.isArray(value) ? NO_QUICK_KEY : value;
  }

  /** The key tuples a document has in this index, or none when the index leaves it out. */
  keysFor(doc: Doc): unknown[][] {
    if (this.partial && !this.partial.test(doc)) return [];
    const quick = this.quickKey(doc);
    if (quick !== NO_QUICK_KEY) return [[quick]];
    const perField = this.fields.map((field) => {
      const seen = new Map<string, unknown>();
      for (const value of valuesAtPath(doc, field)) {
        const normalised = value === undefined ? null : value;
        seen.set(keyOf(normalised), normalised);
      }
      return {
        values: [...seen.values()],
        missing: valuesAtPath(doc, field).every((v) => v === undefined),
      };
    });
    if (this.spec.sparse && perField.every((field) => field.missing)) return [];
    if (
      perField.some((field) => field.values.length > 1) ||
      this.fields.some((field) => hasArrayOn(doc, field))
    ) {
      this.multikey = true;
    }
    let tuples: unknown[][] = [[]];
    for (const field of perField) {
      tuples = tuples.flatMap((tuple) => field.values.map((value) => [...tuple, value]));
    }
    return tuples;
  }

  /** Whether two versions of a document hold the same keys in this index. */
  sameKeys(before: Doc, after: Doc): boolean {
    return keyOf(this.keysFor(before)) === keyOf(this.keysFor(after));
  }

  /** An entry's stored key for a tuple: the value itself for an index on one field. */
  private stored(values: unknown[]): unknown {
    return this.single ? values[0] : values;
  }

  /** The key tuple of entry i. */
  private tupleAt(i: number): unknown[] {
    const key = this.entries.keys[i];
    return this.single ? [key] : (key as unknown[]);
  }

  private idAt(i: number): string {
    return this.entries.ids[i];
  }

  /** Compares the first `length` fields of entry i's key with `values`. */
  private compareKeyAt(i: number, values: unknown[], length: number): number {
    const key = this.entries.keys[i];
    if (this.single) return length === 0 ? 0 : this.compare(key, values[0]);
    return compareTuples(key as unknown[], values, length, this.compare);
  }

  /** Orders two stored keys. */
  private compareStored(a: unknown, b: unknown): number {
    return this.single
      ? this.compare(a, b)
      : compareTuples(a as unknown[], b as unknown[], (a as unknown[]).length, this.compare);
  }

  add(doc: Doc, id: string): void {
    if (this.pending) return;
    for (const values of this.keysFor(doc)) {
      const at = this.lowerBound(values, id);
      const entries = this.entries;
      entries.keys.splice(at, 0, this.stored(values));
      entries.ids.splice(at, 0, id);
    }
  }

  remove(doc: Doc, id: string): void {
    if (this.pending) return;
    for (const values of this.keysFor(doc)) {
      const at = this.lowerBound(values, id);
      if (
        at < this.size &&
        this.compareKeyAt(at, values, values.length) === 0 &&
        this.idAt(at) === id
      ) {
        const entries = this.entries;
        entries.keys.splice(at, 1);
        entries.ids.splice(at, 1);
      }
    }
  }

  /**
   * Rebuilds every entry at once, a sort instead of one insertion per document. A document still
   * held as bytes (lazy-docs.ts) gives its key from them where quickKey would answer, and is
   * decoded only when the general walk of keysFor is needed.
   */
  rebuild(docs: DocMap): void {
    this.pending = undefined;
    this.multikey = false;
    const keys: unknown[] = [];
    const ids: string[] = [];
    const rawField = this.rawField;
    docs.forEachStored((stored, id, arena) => {
      let doc: Doc;
      if (typeof stored === 'number') {
        if (rawField && arena) {
          const buf = arena.bufferOf(stored);
          const at = arena.start(stored);
          const value = topLevelValue(buf, at, at + buf.readInt32LE(at), rawField);
          if (value !== NOT_READ) {
            keys.push(value);
            ids.push(id);
            return;
          }
        }
        doc = docs.get(id) as Doc;
      } else {
        doc = stored;
      }
      const quick = this.quickKey(doc);
      if (quick !== NO_QUICK_KEY) {
        keys.push(quick);
        ids.push(id);
        return;
      }
      for (const values of this.keysFor(doc)) {
        keys.push(this.stored(values));
        ids.push(id);
      }
    });
    const byEntry = (a: number, b: number) =>
      this.compareStored(keys[a], keys[b]) || compareIds(ids[a], ids[b]);
    const count = keys.length;
    // Documents often come in key order already (ids that grow with time, a snapshot written in
    // that order): then one pass over them replaces the sort.
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = byEntry(i - 1, i) < 0;
    if (sorted) {
      this.built = { keys, ids };
      return;
    }
    const order: number[] = [];
    for (let i = 0; i < count; i++) order.push(i);
    order.sort(byEntry);
    // Filled by push: an array made at its full length would start with holes (or, past some
    // size, as a dictionary) and stay slower to read.
    const sortedKeys: unknown[] = [];
    const sortedIds: string[] = [];
    for (let i = 0; i < count; i++) {
      sortedKeys.push(keys[order[i]]);
      sortedIds.push(ids[order[i]]);
    }
    this.built = { keys: sortedKeys, ids: sortedIds };
  }

  /** A key that two documents share, which a unique index must refuse to be built over. */
  firstDuplicate(): unknown[] | undefined {
    for (let i = 1; i < this.size; i++) {
      const values = this.tupleAt(i);
      const sameKey = this.compareKeyAt(i - 1, values, values.length) === 0;
      if (sameKey && this.idAt(i - 1) !== this.idAt(i)) return values;
    }
    return undefined;
  }

  /** The first key of doc that another document already holds in this unique index. */
  conflictFor(doc: Doc, id: string): unknown[] | undefined {
    if (!this.unique) return undefined;
    for (const values of this.keysFor(doc)) {
      let at = this.lowerBound(values, '');
      while (at < this.size) {
        if (this.compareKeyAt(at, values, values.length) !== 0) break;
        if (this.idAt(at) !== id) return values;
        at++;
      }
    }
    return undefined;
  }

  /** Document keys whose entry starts with `prefix` and whose next field lies in `range`. */
  *scan(prefix: unknown[], bounds?: Range): Generator<string> {
    const k = prefix.length;
    const range =
      bounds && this.multikey && bounds.lo !== undefined && bounds.hi !== undefined
        ? { lo: bounds.lo, loInclusive: bounds.loInclusive, hiInclusive: true }
        : bounds;
    const compare = this.compare;
    const comparePrefix = (i: number) => this.compareKeyAt(i, prefix, k);
    const valueAt = (i: number) => {
      const key = this.entries.keys[i];
      if (this.single) return k === 0 ? key : undefined;
      return (key as unknown[])[k];
    };
    // A one-sided range stays within its bound's type, as MongoDB's type bracketing does.
    const belowRange = (value: unknown) => {
      if (!range) return false;
      if (range.lo !== undefined) return compare(value, range.lo) < 0;
      return typeRank(value) < typeRank(range.hi);
    };
    const beyondRange = (value: unknown) => {
      if (!range) return false;
      if (range.hi !== undefined) {
        const c = compare(value, range.hi);
        return c > 0 || (c === 0 && !range.hiInclusive);
      }
      return typeRank(value) > typeRank(range.lo);
    };
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const byPrefix = comparePrefix(mid);
      if (byPrefix < 0 || (byPrefix === 0 && belowRange(valueAt(mid)))) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size; i++) {
      if (comparePrefix(i) !== 0) break;
      if (range) {
        const value = valueAt(i);
        if (beyondRange(value)) break;
        const excludedLow =
          range.lo !== undefined && !range.loInclusive && compare(value, range.lo) === 0;
        if (excludedLow) continue;
      }
      yield this.idAt(i);
    }
  }

  /** The first entry not before (values, id). */
  private lowerBound(values: unknown[], id: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareKeyAt(mid, values, values.length) || compareIds(this.idAt(mid), id);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function hasArrayOn(doc: Doc, path: string): boolean {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value)) return true;
    if (value === null || typeof value !== 'object') return false;
    value = (value as Doc)[part];
  }
  return Array.isArray(value);
}
