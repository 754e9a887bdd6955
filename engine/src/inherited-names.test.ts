import { describe, expect, it } from 'vitest';

import {
  ESCAPE,
  escapeCommand,
  escapeExpr,
  escapeKeys,
  escapeName,
  restoreKeys,
  restoreName,
} from './inherited-names.js';

describe('escaped field names', () => {
  const names = [
    'a',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'a.__proto__.b',
    `${ESCAPE}x`,
    `${ESCAPE}${ESCAPE}__proto__`,
    `a.${ESCAPE}constructor`,
    '',
    'a..b',
    '$inc',
  ];

  it('restoring undoes escaping, and escaped names are never special', () => {
    for (const name of names) {
      const escaped = escapeName(name);
      expect(restoreName(escaped)).toBe(name);
      for (const part of escaped.split('.')) {
        expect(Object.hasOwn(Object.prototype, part) || part === 'prototype').toBe(false);
      }
    }
    expect(new Set(names.map(escapeName)).size).toBe(names.length);
  });

  it('documents round-trip with __proto__ as an own field', () => {
    const doc = JSON.parse('{"__proto__":{"x":1},"a":[{"constructor":2}]}') as unknown;
    const escaped = escapeKeys(doc);
    expect(JSON.stringify(escaped)).not.toContain('"__proto__"');
    const restored = restoreKeys(escaped);
    expect(JSON.stringify(restored)).toBe(JSON.stringify(doc));
    expect(Object.getPrototypeOf(restored)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('leaves documents without special names untouched (no copy)', () => {
    const doc = { a: { b: [1, { c: 2 }] }, d: 'constructor' };
    expect(escapeKeys(doc)).toBe(doc);
    expect(escapeExpr({ $add: ['$a', '$$b'] })).toEqual({ $add: ['$a', '$$b'] });
  });

  it('escapes paths and variables in expressions, not literals or collection names', () => {
    expect(escapeExpr('$__proto__.x')).toBe(`$${ESCAPE}__proto__.x`);
    expect(escapeExpr('$$constructor')).toBe(`$$${ESCAPE}constructor`);
    expect(escapeExpr({ $literal: '$__proto__' })).toEqual({ $literal: '$__proto__' });
    const command = escapeCommand('aggregate', {
      aggregate: 'constructor',
      pipeline: [
        { $lookup: { from: 'constructor', localField: 'toString', foreignField: 'a', as: 'b' } },
      ],
    });
    expect(command.aggregate).toBe('constructor');
    expect(command.pipeline).toEqual([
      {
        $lookup: {
          from: 'constructor',
          localField: `${ESCAPE}toString`,
          foreignField: 'a',
          as: 'b',
        },
      },
    ]);
  });
});
