import { Decimal128, Double, Long, ObjectId, serialize } from 'bson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { escapeKeys } from '../inherited-names.js';
import type { Doc } from '../values.js';
import { decodeBson, decodeStored, eachRecord, frameRecord } from './records.js';

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

const name = fc.constantFrom(
  'a',
  'b',
  'n',
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  'hasOwnProperty',
  '\uFFFFa',
  'x.y',
  '$set',
);
const scalar = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.double({ noNaN: true }),
  fc.integer({ min: -1000, max: 1000 }).map((n) => new Double(n)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => Long.fromBigInt(n)),
  fc.constantFrom(Decimal128.fromString('1.50'), Decimal128.fromString('-0')),
  fc.string({ maxLength: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc.constant(new ObjectId('0123456789abcdef01234567')),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc
    .uniqueArray(fc.tuple(name, tie('value')), { maxLength: 4, selector: ([key]) => key })
    .map((entries) => objectOf(entries as [string, unknown][])),
}));
const record = fc
  .uniqueArray(fc.tuple(name, value), { maxLength: 5, selector: ([key]) => key })
  .map((entries) => objectOf(entries as [string, unknown][]));

describe('reading stored records', () => {
  it('gives what decoding and then escaping the names gave, for any document', () => {
    fc.assert(
      fc.property(record, (doc) => {
        const bytes = serialize(doc, { checkKeys: false });
        const expected = escapeKeys(decodeBson(bytes));
        const got = decodeStored(bytes);
        expect(got).toStrictEqual(expected);
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes inherited names at every depth, once', () => {
    const doc = objectOf([
      ['__proto__', objectOf([['constructor', objectOf([['toString', 1]])]])],
      ['list', [objectOf([['__proto__', 2.5]]), 3]],
      ['plain', objectOf([['x', new Double(4)]])],
    ]);
    const got = decodeStored(serialize(doc, { checkKeys: false }));
    const escaped = got['\uFFFF__proto__'] as Doc;
    expect(Object.keys(got)).toEqual(['\uFFFF__proto__', 'list', 'plain']);
    expect(Object.keys(escaped)).toEqual(['\uFFFFconstructor']);
    expect(Object.keys(escaped['\uFFFFconstructor'] as Doc)).toEqual(['\uFFFFtoString']);
    expect(Object.keys((got.list as Doc[])[0])).toEqual(['\uFFFF__proto__']);
    expect(((got.plain as Doc).x as Double)._bsontype).toBe('Double');
    expect(Object.getPrototypeOf(escaped)).toBe(Object.prototype);
  });

  it('hands every intact record on and stops at a torn one', () => {
    const framed = [frameRecord({ n: 1 }), frameRecord({ n: 2 }), frameRecord({ n: 3 })];
    const whole = Buffer.concat(framed);
    const torn = whole.subarray(0, whole.length - 4);
    const seen: unknown[] = [];
    const result = eachRecord(torn, (doc) => seen.push(doc.n));
    expect(seen).toEqual([1, 2]);
    expect(result).toEqual({ validBytes: framed[0].length + framed[1].length, torn: true });
  });
});
