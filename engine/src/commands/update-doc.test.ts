import { describe, expect, it } from 'vitest';

import { applyUpdate } from './update-doc.js';

describe('applyUpdate', () => {
  it('lets an upsert choose its _id through $setOnInsert', () => {
    const { doc } = applyUpdate(
      undefined,
      { $setOnInsert: { _id: 'chosen', n: 1 } },
      { email: 'a' },
      undefined,
    );
    expect(doc).toEqual({ _id: 'chosen', email: 'a', n: 1 });
  });

  it('refuses to change the _id of an existing document', () => {
    expect(() =>
      applyUpdate({ _id: 1, a: 1 }, { $set: { _id: 2 } }, { _id: 1 }, undefined),
    ).toThrow(/immutable field '_id'/);
  });

  it('does not change the stored document it starts from', () => {
    const stored = { _id: 1, tags: ['a'], nested: { n: 1 } };
    applyUpdate(stored, { $push: { tags: 'b' }, $inc: { 'nested.n': 1 } }, { _id: 1 }, undefined);
    expect(stored).toEqual({ _id: 1, tags: ['a'], nested: { n: 1 } });
  });

  it('adds new fields in lexicographic order, as MongoDB 5.0 and later do', () => {
    const { doc } = applyUpdate(
      { _id: 1 },
      { $set: { b: 1, a: 2 }, $inc: { c: 1 } },
      {},
      undefined,
    );
    expect(Object.keys(doc)).toEqual(['_id', 'a', 'b', 'c']);
  });

  it('stores a copy of a $set value, never the value the command carried', () => {
    const value = { x: 1 };
    const { doc } = applyUpdate({ _id: 1 }, { $set: { v: value } }, {}, undefined);
    value.x = 2;
    expect(doc).toEqual({ _id: 1, v: { x: 1 } });
  });

  it('creates and increments nested counters, and unsets fields', () => {
    const first = applyUpdate({ _id: 1, k: 'x' }, { $inc: { 'h.4': 1, n: 2 } }, {}, undefined).doc;
    expect(first).toEqual({ _id: 1, k: 'x', h: { 4: 1 }, n: 2 });
    const second = applyUpdate(first, { $inc: { 'h.4': 1 }, $unset: { k: 1 } }, {}, undefined);
    expect(second).toEqual({ changed: true, doc: { _id: 1, h: { 4: 2 }, n: 2 } });
  });

  it('still follows MongoDB through arrays and across types', () => {
    expect(
      applyUpdate({ _id: 1, a: [{ b: 1 }] }, { $set: { 'a.0.b': 2 } }, {}, undefined).doc,
    ).toEqual({ _id: 1, a: [{ b: 2 }] });
    expect(() => applyUpdate({ _id: 1, a: 'text' }, { $inc: { a: 1 } }, {}, undefined)).toThrow(
      /non-numeric/,
    );
    expect(() => applyUpdate({ _id: 1, a: 5 }, { $set: { 'a.b': 1 } }, {}, undefined)).toThrow();
  });
});
