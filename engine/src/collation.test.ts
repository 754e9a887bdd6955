import { describe, expect, it } from 'vitest';

import {
  collatedCompare,
  collateExpression,
  collateFilter,
  distinctValues,
  parseCollation,
} from './collation.js';
import { CommandError } from './errors.js';

function codeOf(value: unknown): number | undefined {
  try {
    parseCollation(value);
  } catch (error) {
    expect(error).toBeInstanceOf(CommandError);
    return (error as CommandError).code;
  }
  return undefined;
}

describe('parseCollation', () => {
  it('completes a collation with the defaults and treats simple as none', () => {
    expect(parseCollation({ locale: 'fr', strength: 1 })).toMatchObject({
      locale: 'fr',
      strength: 1,
      caseLevel: false,
      caseFirst: 'off',
      numericOrdering: false,
      alternate: 'non-ignorable',
      maxVariable: 'punct',
      normalization: false,
      backwards: false,
    });
    expect(parseCollation({ locale: 'simple' })).toBeUndefined();
    expect(parseCollation(undefined)).toBeUndefined();
  });

  it('answers an error code, never a crash, for hostile or wrong values', () => {
    expect(codeOf('fr')).toBe(14);
    expect(codeOf({ locale: 5 })).toBe(14);
    expect(codeOf({ locale: 'x'.repeat(100_000) })).toBe(2);
    expect(codeOf({ locale: `en${'-ab'.repeat(50_000)}!` })).toBe(2);
    expect(codeOf({ locale: 'en', strength: 'high' })).toBe(14);
    expect(codeOf({ locale: 'en', strength: 1.5 })).toBe(9);
    expect(codeOf({ locale: 'en', caseLevel: 'yes' })).toBe(14);
    expect(codeOf({ locale: 'en', __proto__: { strength: 9 } })).toBeUndefined();
    expect(codeOf({ locale: 'en', backwards: true })).toBe(115);
    expect(codeOf({ locale: 'simple', strength: 2 })).toBe(9);
  });
});

describe('collated comparison', () => {
  const caseless = parseCollation({ locale: 'en', strength: 2 });

  it('compares strings inside documents and arrays, other types in BSON order', () => {
    const compare = collatedCompare(caseless);
    expect(compare('a', 'A')).toBe(0);
    expect(compare({ x: ['a'] }, { x: ['A'] })).toBe(0);
    expect(compare(1, 'a')).toBeLessThan(0);
    expect(collatedCompare(undefined)('a', 'A')).toBeGreaterThan(0);
  });

  it('dedupes distinct values under the collation', () => {
    expect(distinctValues(['b', 'B', 'a', 1, 'A'], caseless)).toEqual([1, 'a', 'b']);
  });

  it('rewrites only the comparisons that involve strings', () => {
    expect(collateFilter({ n: 1, s: 'x', r: { $gt: 'a', $lt: 5 }, $or: [{ t: 'y' }] })).toEqual({
      n: 1,
      s: { $innerloopCollatedeq: 'x' },
      r: { $innerloopCollatedgt: 'a', $lt: 5 },
      $or: [{ t: { $innerloopCollatedeq: 'y' } }],
    });
  });

  it('keeps field names such as __proto__ and toString as fields', () => {
    const filter = JSON.parse('{"__proto__": "x", "toString": {"$eq": "y"}}') as Record<
      string,
      unknown
    >;
    const rewritten = collateFilter(filter);
    expect(Object.keys(rewritten)).toEqual(['__proto__', 'toString']);
    expect(Object.getPrototypeOf(rewritten)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
    expect(collateExpression({ toString: '$a', n: { $eq: ['$a', 'b'] } })).toEqual({
      toString: '$a',
      n: { $innerloopCollatedeq: ['$a', 'b'] },
    });
  });
});
