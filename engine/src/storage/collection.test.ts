import { ObjectId } from 'bson';
import fc from 'fast-check';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';

import { runFind } from '../commands/query.js';
import { type Doc, keyOf } from '../values.js';
import { Collection } from './collection.js';
import { Index, type IndexSpec } from './index-key.js';

// Values of mixed types, arrays and missing fields: the cases where index lookups and
// MongoDB's matching rules most easily disagree.
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constantFrom('a', 'b', 'c', ''),
  fc.constant(null),
  fc.boolean(),
  fc.date({ min: new Date(0), max: new Date(10_000), noInvalidDate: true }),
);
const fieldValue = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.record({ b: scalar }, { noNullPrototype: true }),
);
const document = fc.record(
  { a: fieldValue, c: scalar },
  { requiredKeys: [], noNullPrototype: true },
);

const comparison = fc.constantFrom('$gt', '$gte', '$lt', '$lte', '$eq');
const condition = fc.oneof(
  scalar,
  fc.tuple(comparison, scalar).map(([op, value]) => ({ [op]: value })),
  fc
    .tuple(comparison, scalar, comparison, scalar)
    .map(([op1, v1, op2, v2]) => ({ [op1]: v1, [op2]: v2 })),
  fc.array(scalar, { maxLength: 3 }).map((values) => ({ $in: values })),
);
const filter = fc.oneof(
  condition.map((cond) => ({ a: cond })),
  fc.tuple(condition, condition).map(([first, second]) => ({ a: first, c: second })),
  condition.map((cond) => ({ 'a.b': cond })),
  // An $or whose branches both have an index (a union of index scans), and one that cannot.
  fc
    .tuple(condition, condition)
    .map(([first, second]) => ({ $or: [{ a: first }, { 'a.b': second }] })),
  fc.tuple(condition, condition).map(([first, second]) => ({ $or: [{ a: first }, { c: second }] })),
);

function fullScan(docs: Doc[], query: Doc): string[] {
  const compiled = new Query(query);
  return docs
    .filter((doc) => compiled.test(doc))
    .map((doc) => keyOf(doc._id))
    .sort();
}

describe('indexed lookups', () => {
  it('return exactly what a full scan returns, for any documents and filter', () => {
    fc.assert(
      fc.property(fc.array(document, { maxLength: 30 }), filter, (raw, query) => {
        const docs = raw.map((doc) => ({ _id: new ObjectId(), ...doc }));
        const collection = new Collection('db', 'c');
        collection.addIndex({ v: 2, key: { a: 1 }, name: 'a_1' });
        collection.addIndex({ v: 2, key: { a: 1, c: -1 }, name: 'a_1_c_-1' });
        collection.addIndex({ v: 2, key: { 'a.b': 1 }, name: 'a.b_1' });
        for (const doc of docs) collection.insert(doc);
        const found = runFind(collection, { filter: query })
          .docs.map((doc) => keyOf(doc._id))
          .sort();
        expect(found).toEqual(fullScan(docs, query));
      }),
      { numRuns: 400 },
    );
  });

  it('examine only the matching keys for equality and range on an index', () => {
    const collection = new Collection('db', 'c');
    collection.addIndex({ v: 2, key: { n: 1 }, name: 'n_1' });
    for (let n = 0; n < 1000; n++) collection.insert({ _id: n, n });
    expect(collection.candidates({ n: 500 }).docs).toHaveLength(1);
    expect(collection.candidates({ n: { $gte: 10, $lt: 20 } }).docs).toHaveLength(10);
    expect(collection.candidates({ _id: { $in: [1, 2, 3000] } }).docs).toHaveLength(2);
    expect(collection.candidates({ other: 1 }).plan.stage).toBe('COLLSCAN');
    const either = collection.candidates({ $or: [{ n: 5 }, { _id: 7 }, { n: 5 }] });
    expect(either.plan).toEqual({ stage: 'OR', keysExamined: 3 });
    expect(either.docs.map((doc) => doc._id)).toEqual([5, 7]);
    expect(collection.candidates({ $or: [{ n: 5 }, { other: 1 }] }).plan.stage).toBe('COLLSCAN');
  });

  it('keep unique indexes unique through inserts and replacements', () => {
    const collection = new Collection('db', 'c');
    collection.addIndex({ v: 2, key: { email: 1 }, name: 'email_1', unique: true });
    collection.insert({ _id: 1, email: 'a' });
    collection.insert({ _id: 2, email: 'b' });
    expect(() => collection.insert({ _id: 3, email: 'a' })).toThrow(/E11000.*email_1/);
    expect(() => collection.replace({ _id: 2, email: 'a' })).toThrow(/E11000/);
    // A failed replacement leaves the old document and its index entries in place.
    expect(collection.candidates({ email: 'b' }).docs).toEqual([{ _id: 2, email: 'b' }]);
    collection.replace({ _id: 2, email: 'c' });
    collection.insert({ _id: 3, email: 'b' });
    expect(collection.docs.size).toBe(3);
  });

  it('keep finding a document after replacements that leave its indexed fields alone', () => {
    const collection = new Collection('db', 'c');
    collection.addIndex({ v: 2, key: { cycle: 1, dept: 1 }, name: 'cycle_dept', unique: true });
    collection.insert({ _id: 1, cycle: 'c1', dept: 'a', count: 0 });
    collection.insert({ _id: 2, cycle: 'c1', dept: 'b', count: 0 });
    for (let count = 1; count <= 5; count++)
      collection.replace({ _id: 1, cycle: 'c1', dept: 'a', count });
    expect(collection.candidates({ cycle: 'c1', dept: 'a' }).docs).toEqual([
      { _id: 1, cycle: 'c1', dept: 'a', count: 5 },
    ]);
    expect(() => collection.replace({ _id: 1, cycle: 'c1', dept: 'b', count: 6 })).toThrow(
      /E11000/,
    );
    collection.replace({ _id: 1, cycle: 'c2', dept: 'a', count: 6 });
    expect(collection.candidates({ cycle: 'c1', dept: 'a' }).docs).toEqual([]);
    expect(collection.candidates({ cycle: 'c2', dept: 'a' }).docs).toHaveLength(1);
  });

  it('built at once, as start-up does, hold the same entries as built one write at a time', () => {
    const specs: IndexSpec[] = [
      { v: 2, key: { a: 1 }, name: 'a_1' },
      { v: 2, key: { c: 1 }, name: 'c_1' },
      { v: 2, key: { a: 1, c: -1 }, name: 'a_1_c_-1' },
      { v: 2, key: { 'a.b': 1 }, name: 'a.b_1' },
      { v: 2, key: { c: 1 }, name: 'c_ci', collation: { locale: 'en', strength: 2 } },
      { v: 2, key: { c: 1 }, name: 'c_sparse', sparse: true },
    ];
    fc.assert(
      fc.property(
        fc.array(document, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        (raw, removals, reversed) => {
          const docs: Doc[] = raw.map((doc, i) => ({ _id: i, ...doc }));
          const written = new Collection('db', 'c');
          for (const spec of specs) written.addIndex(spec);
          for (const doc of docs) written.insert(doc);
          const removed = new Set(removals.map((n) => n % Math.max(1, docs.length)));
          for (const n of removed) written.remove(keyOf(n));
          const loaded = new Collection('db', 'c');
          for (const spec of specs) loaded.indexes.push(new Index(spec));
          const kept = docs.filter((doc) => !removed.has(doc._id as number));
          for (const doc of reversed ? [...kept].reverse() : kept) loaded.load(doc);
          loaded.rebuildIndexes();
          for (const index of written.indexes) {
            const other = loaded.findIndex(index.spec.name);
            expect(other?.size).toBe(index.size);
            expect([...(other?.scan([]) ?? [])]).toEqual([...index.scan([])]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
