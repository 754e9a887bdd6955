import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { errorsByField } from './submission';

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
