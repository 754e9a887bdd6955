import { Query } from 'mingo';

import { collatedCompare, type Collation, type Compare } from '../collation.js';
import { compareValues, type Doc, keyOf, typeRank, valuesAtPath } from '../values.js';

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

interface Entry {
  values: unknown[];
  id: string;
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

function compareEntries(a: Entry, b: Entry, compare: Compare = compareValues): number {
  const byValues = compareTuples(a.values, b.values, a.values.length, compare);
  if (byValues !== 0) return byValues;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A secondary index kept as a sorted array of (key tuple, document key) entries: equality and
 * range lookups binary-search it instead of scanning the collection, and unique indexes check
 * the neighbours of a new key.
 */
export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  /** Whether the planner may answer filters from it (sparse, partial and text indexes may miss documents). */
  readonly complete: boolean;
  private readonly partial: Query | undefined;
  /** BSON order, with strings compared under the index's collation when it has one. */
  readonly compare: Compare;
  private readonly compareEntries: (a: Entry, b: Entry) => number;
  private entries: Entry[] = [];
  /**
   * Set once a document put several keys in the index (an array value). Then two bounds on a
   * field may be met by different elements, so a range lookup may only use one of them.
   */
  multikey = false;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.compare = collatedCompare(spec.collation as Collation | undefined);
    const compare = this.compare;
    this.compareEntries = (a, b) => compareEntries(a, b, compare);
    this.partial = spec.partialFilterExpression
      ? new Query(spec.partialFilterExpression)
      : undefined;
    const plainKeys = Object.values(spec.key).every(
      (direction) => direction === 1 || direction === -1 || direction === 'hashed',
    );
    this.complete = plainKeys && !spec.sparse && !this.partial;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The key tuples a document has in this index, or none when the index leaves it out. */
  keysFor(doc: Doc): unknown[][] {
    if (this.partial && !this.partial.test(doc)) return [];
    // The common case, one top-level field holding one value, without the general walk below:
    // rebuilding indexes at start-up calls this for every document.
    if (this.fields.length === 1) {
      const field = this.fields[0];
      if (!field.includes('.') && Object.hasOwn(doc, field)) {
        const value = doc[field];
        if (value !== undefined && !Array.isArray(value)) return [[value]];
      }
    }
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

  add(doc: Doc, id: string): void {
    for (const values of this.keysFor(doc)) {
      const entry = { values, id };
      this.entries.splice(this.lowerBound(entry), 0, entry);
    }
  }

  remove(doc: Doc, id: string): void {
    for (const values of this.keysFor(doc)) {
      const entry = { values, id };
      const at = this.lowerBound(entry);
      if (at < this.entries.length && this.compareEntries(this.entries[at], entry) === 0) {
        this.entries.splice(at, 1);
      }
    }
  }

  /** Rebuilds every entry at once, a sort instead of one insertion per document. */
  rebuild(docs: Iterable<[string, Doc]>): void {
    this.multikey = false;
    const entries: Entry[] = [];
    for (const [id, doc] of docs) {
      for (const values of this.keysFor(doc)) entries.push({ values, id });
    }
    this.entries = entries.sort(this.compareEntries);
  }

  /** A key that two documents share, which a unique index must refuse to be built over. */
  firstDuplicate(): unknown[] | undefined {
    for (let i = 1; i < this.entries.length; i++) {
      const previous = this.entries[i - 1];
      const entry = this.entries[i];
      const sameKey =
        compareTuples(previous.values, entry.values, entry.values.length, this.compare) === 0;
      if (sameKey && previous.id !== entry.id) return entry.values;
    }
    return undefined;
  }

  /** The first key of doc that another document already holds in this unique index. */
  conflictFor(doc: Doc, id: string): unknown[] | undefined {
    if (!this.unique) return undefined;
    for (const values of this.keysFor(doc)) {
      let at = this.lowerBound({ values, id: '' });
      while (at < this.entries.length) {
        const entry = this.entries[at];
        if (compareTuples(entry.values, values, values.length, this.compare) !== 0) break;
        if (entry.id !== id) return values;
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
    const comparePrefix = (entry: Entry) => compareTuples(entry.values, prefix, k, compare);
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
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const entry = this.entries[mid];
      const byPrefix = comparePrefix(entry);
      if (byPrefix < 0 || (byPrefix === 0 && belowRange(entry.values[k]))) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (comparePrefix(entry) !== 0) break;
      if (range) {
        const value = entry.values[k];
        if (beyondRange(value)) break;
        const excludedLow =
          range.lo !== undefined && !range.loInclusive && compare(value, range.lo) === 0;
        if (excludedLow) continue;
      }
      yield entry.id;
    }
  }

  private lowerBound(entry: Entry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareEntries(this.entries[mid], entry) < 0) lo = mid + 1;
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
