import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { errorsByField, nestedValues } from './submission';

describe('errorsByField', () => {
  it('keeps field names that objects inherit as plain fields', () => {
    const schema = z.record(z.string(), z.number());
    const result = schema.safeParse(
      JSON.parse('{"constructor": "x", "__proto__": "y", "toString": "z", "ok": "w"}'),
    );
    if (result.success) throw new Error('expected a refusal');
    const errors = errorsByField(result.error);
    expect(Object.keys(errors).sort()).toEqual(['__proto__', 'constructor', 'ok', 'toString']);
    expect(errors.constructor).toHaveLength(1);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
  });
});

describe('nestedValues', () => {
  it('nests fields named by their path, lists and flags included', () => {
    const sent = new URLSearchParams(
      'a.b=c&questions.1.text.en=Second&questions.0.text.en=First&questions.0.required=on&tags=x&tags=y',
    );
    expect(nestedValues(sent, { lists: ['tags'], flags: /\.required$/ })).toEqual({
      a: { b: 'c' },
      questions: [{ text: { en: 'First' }, required: true }, { text: { en: 'Second' } }],
      tags: ['x', 'y'],
    });
  });

  it('leaves out names that are not paths, and cannot reach a prototype', () => {
    const sent = new URLSearchParams('__proto__.polluted=yes&a..b=1&questions.9999.x=far&ok=1');
    expect(nestedValues(sent)).toEqual({ __proto__: { polluted: 'yes' }, ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('errorsByField, nested', () => {
  it('names a nested field by its whole path, each message once', () => {
    const schema = z.object({ questions: z.array(z.object({ text: z.string().min(1, 'fill') })) });
    const result = schema.safeParse({ questions: [{ text: 'ok' }, { text: '' }] });
    if (result.success) throw new Error('expected a refusal');
    expect(errorsByField(result.error, { nested: true })).toEqual({ 'questions.1.text': ['fill'] });
    expect(errorsByField(result.error)).toEqual({ questions: ['fill'] });
  });
});
