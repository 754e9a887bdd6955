import type { Binary } from 'bson';
import { UUID } from 'bson';

import { type Collation, collationKey, hasString } from '../collation.js';
import { CommandError } from '../errors.js';
import { assertValid } from '../validation.js';
import { bsonText, type Doc, isPlainObject, keyOf } from '../values.js';
import { Index, type IndexSpec } from './index-key.js';
import { type Arena, DocMap } from './lazy-docs.js';
import { chooseIndex, fieldBounds } from './planner.js';
import { rawIdKey } from './raw-bson.js';

const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export interface Plan {
  stage: 'IDHACK' | 'IXSCAN' | 'COLLSCAN' | 'OR';
  indexName?: string;
  keysExamined: number;
}

export interface Candidates {
  docs: Doc[];
  plan: Plan;
  /** The candidates are exactly the matches: the filter was only equalities the lookup answered. */
  exact: boolean;
}

/**
 * The documents of one collection, keyed by _id, with their indexes. Stored documents are never
 * changed in place: an update stores a new object, so a snapshot can hold references safely.
 * Documents loaded from disk stay bytes until first read (docs is a DocMap, see lazy-docs.ts).
 */
export class Collection {
  readonly ns: string;
  readonly name: string;
  readonly uuid: Binary;
  options: Doc;
  readonly docs = new DocMap();
  readonly indexes: Index[] = [new Index(ID_INDEX)];

  constructor(db: string, name: string, options: Doc = {}, uuid?: Binary) {
    this.ns = `${db}.${name}`;
    this.name = name;
    this.options = options;
    this.uuid = uuid ?? new UUID().toBinary();
    // The _id index of a collection with a default collation compares under that collation.
    if (isPlainObject(options.collation)) {
      this.indexes[0] = new Index({ ...ID_INDEX, collation: options.collation });
    }
  }

  get idIndex(): Index {
    return this.indexes[0];
  }

  findIndex(name: string): Index | undefined {
    return this.indexes.find((index) => index.spec.name === name);
  }

  // --- mutations without checks: replay of the journal and snapshot loading use these directly.

  put(doc: Doc): void {
    const id = keyOf(doc._id);
    const previous = this.docs.get(id);
    if (previous) for (const index of this.indexes) index.remove(previous, id);
    this.docs.set(id, doc);
    for (const index of this.indexes) index.add(doc, id);
  }

  remove(id: string): Doc | undefined {
    const previous = this.docs.get(id);
    if (!previous) return undefined;
    for (const index of this.indexes) index.remove(previous, id);
    this.docs.delete(id);
    return previous;
  }

  addIndex(spec: IndexSpec): Index {
    const index = new Index(spec);
    index.rebuild(this.docs);
    this.indexes.push(index);
    return index;
  }

  /** Stores a document while loading from disk; indexes are built once loading ends. */
  load(doc: Doc): void {
    this.docs.set(keyOf(doc._id), doc);
  }

  /**
   * Stores a document while loading from disk as its bytes (ref names them in arena), to be
   * decoded when first read; one whose _id cannot be read from the bytes is decoded now.
   */
  loadRaw(arena: Arena, ref: number): void {
    const buf = arena.bufferOf(ref);
    const at = arena.start(ref);
    const id = rawIdKey(buf, at, at + buf.readInt32LE(at));
    if (id !== undefined) {
      this.docs.loadRaw(id, arena, ref);
      return;
    }
    this.load(arena.decode(ref));
  }

  unload(id: string): void {
    this.docs.delete(id);
  }

  /** Builds the indexes once loading from disk is over; the _id index when first needed. */
  rebuildIndexes(): void {
    this.docs.settle();
    for (const index of this.indexes) {
      if (index === this.idIndex) index.deferBuild(this.docs);
      else index.rebuild(this.docs);
    }
  }

  removeIndex(name: string): void {
    const at = this.indexes.findIndex((index) => index.spec.name === name);
    if (at > 0) this.indexes.splice(at, 1);
  }

  // --- checked mutations: what clients cause.

  /** Throws MongoDB's duplicate-key error if doc would clash with another document. */
  assertWritable(doc: Doc, bypassValidation = false): void {
    assertValid(this, doc, undefined, bypassValidation);
    const id = keyOf(doc._id);
    for (const index of this.indexes) {
      const clash = index === this.idIndex ? this.idClash(doc, id) : index.conflictFor(doc, id);
      if (clash) throw this.duplicateKeyError(index, clash);
    }
  }

  private idClash(doc: Doc, id: string): unknown[] | undefined {
    if (this.docs.has(id)) return [doc._id];
    if (this.idIndex.spec.collation !== undefined && hasString(doc._id)) {
      for (const other of this.idIndex.scan([doc._id])) if (other !== id) return [doc._id];
    }
    return undefined;
  }

  insert(doc: Doc, bypassValidation = false): void {
    this.assertWritable(doc, bypassValidation);
    this.put(doc);
  }

  /** Stores newDoc in place of the document with the same _id. */
  replace(newDoc: Doc, bypassValidation = false): void {
    const id = keyOf(newDoc._id);
    const previous = this.docs.get(id);
    assertValid(this, newDoc, previous, bypassValidation);
    // Only indexes whose keys change need their entries moved: an update that leaves the indexed
    // fields alone (a counter, say) costs no index work and cannot create a new clash.
    const moved = previous
      ? this.indexes.filter((index) => !index.sameKeys(previous, newDoc))
      : this.indexes;
    if (previous) for (const index of moved) index.remove(previous, id);
    try {
      this.validateReplacement(newDoc, id, moved);
    } catch (error) {
      if (previous) for (const index of moved) index.add(previous, id);
      throw error;
    }
    this.docs.set(id, newDoc);
    for (const index of moved) index.add(newDoc, id);
  }

  private validateReplacement(doc: Doc, id: string, indexes: Index[]): void {
    for (const index of indexes) {
      if (index === this.idIndex) continue;
      const clash = index.conflictFor(doc, id);
      if (clash) throw this.duplicateKeyError(index, clash);
    }
  }

  duplicateKeyError(index: Index, values: unknown[]): CommandError {
    const keyValue: Doc = {};
    index.fields.forEach((field, i) => {
      keyValue[field] = values[i];
    });
    const shown = index.fields.map((field, i) => `${field}: ${formatValue(values[i])}`).join(', ');
    return new CommandError(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.ns} index: ${index.spec.name} dup key: { ${shown} }`,
      { keyPattern: index.spec.key, keyValue },
    );
  }

  // --- reads

  /**
   * Documents that may match filter, narrowed by _id or an index where the filter allows. Under a
   * collation, only indexes with the same collation may answer bounds that hold strings.
   */
  candidates(filter: Doc, collation?: Collation): Candidates {
    const union = this.orCandidates(filter, collation);
    if (union) return union;
    const bounds = fieldBounds(filter);
    const wanted = collationKey(collation);
    const usable = (index: Index) =>
      collationKey(index.spec.collation) === wanted ||
      index.fields.every((field) => !hasString(bounds.get(field)));
    if (!usable(this.idIndex)) bounds.delete('_id');
    // A collated _id index answers string _ids by a scan of it, not by the binary lookup.
    const idCollated = this.idIndex.spec.collation !== undefined && hasString(bounds.get('_id'));
    const idBounds = idCollated ? undefined : bounds.get('_id');
    if (idBounds?.eq) {
      const doc = this.docs.get(keyOf(idBounds.eq.value));
      return {
        docs: doc ? [doc] : [],
        plan: { stage: 'IDHACK', indexName: '_id_', keysExamined: doc ? 1 : 0 },
        exact: answeredByEquality(filter, ['_id']),
      };
    }
    if (idBounds?.in) {
      const seen = new Set<string>();
      const docs: Doc[] = [];
      for (const value of idBounds.in) {
        const id = keyOf(value);
        const doc = this.docs.get(id);
        if (doc && !seen.has(id)) {
          seen.add(id);
          docs.push(doc);
        }
      }
      return {
        docs,
        plan: { stage: 'IXSCAN', indexName: '_id_', keysExamined: docs.length },
        exact: false,
      };
    }
    const choice = chooseIndex(
      wanted === '' && this.indexes.every((index) => index.spec.collation === undefined)
        ? this.indexes
        : this.indexes.filter(usable),
      bounds,
    );
    if (!choice) {
      return {
        docs: [...this.docs.values()],
        plan: { stage: 'COLLSCAN', keysExamined: 0 },
        exact: false,
      };
    }
    const ids = new Set<string>();
    let keysExamined = 0;
    const prefixes = choice.firstFieldIn
      ? choice.firstFieldIn.map((value) => [value])
      : [choice.prefix];
    for (const prefix of prefixes) {
      for (const id of choice.index.scan(prefix, choice.range)) {
        keysExamined++;
        ids.add(id);
      }
    }
    const docs: Doc[] = [];
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc) docs.push(doc);
    }
    const exact =
      !choice.range &&
      !choice.firstFieldIn &&
      answeredByEquality(filter, choice.index.fields.slice(0, choice.prefix.length));
    return {
      docs,
      plan: { stage: 'IXSCAN', indexName: choice.index.spec.name, keysExamined },
      exact,
    };
  }

  /**
   * A filter that is only an $or whose every branch can use an index: the union of each branch's
   * candidates, as MongoDB's OR stage over index scans. Null when any branch would scan the whole
   * collection anyway. The query engine still applies the whole filter to the union.
   */
  private orCandidates(filter: Doc, collation?: Collation): Candidates | null {
    const branches = filter.$or;
    if (!Array.isArray(branches) || branches.length === 0 || Object.keys(filter).length !== 1) {
      return null;
    }
    const parts: Candidates[] = [];
    for (const branch of branches) {
      if (!isPlainObject(branch)) return null;
      const part = this.candidates(branch, collation);
      if (part.plan.stage === 'COLLSCAN') return null;
      parts.push(part);
    }
    const seen = new Set<string>();
    const docs: Doc[] = [];
    for (const part of parts) {
      for (const doc of part.docs) {
        const id = keyOf(doc._id);
        if (seen.has(id)) continue;
        seen.add(id);
        docs.push(doc);
      }
    }
    const keysExamined = parts.reduce((sum, part) => sum + part.plan.keysExamined, 0);
    return { docs, plan: { stage: 'OR', keysExamined }, exact: false };
  }
}

/**
 * Whether a filter is nothing but equality with plain scalars on exactly these fields. An index
 * lookup on such a filter returns exactly the matching documents, so the query engine can be skipped.
 */
function answeredByEquality(filter: Doc, fields: string[]): boolean {
  const keys = Object.keys(filter);
  if (keys.length !== fields.length) return false;
  return keys.every((key) => {
    if (!fields.includes(key)) return false;
    const value = filter[key];
    if (value === null || value === undefined) return false;
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return true;
    if (value instanceof Date) return true;
    return (value as { _bsontype?: unknown })._bsontype === 'ObjectId';
  });
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') {
    const tag: unknown = (value as { _bsontype?: unknown })._bsontype;
    if (tag === 'ObjectId') return `ObjectId('${bsonText(value)}')`;
    if (tag === undefined && !Array.isArray(value)) {
      const inner = Object.entries(value as Doc)
        .map(([key, item]) => `${key}: ${formatValue(item)}`)
        .join(', ');
      return `{ ${inner} }`;
    }
    if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  }
  return bsonText(value);
}
