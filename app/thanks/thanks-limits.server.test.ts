import { describe, expect, it } from 'vitest';

import { createThanksLimits } from './thanks-limits.server';

describe('thanks limits', () => {
  it('refuse a network address once its thanks for the hour are spent, and no other', async () => {
    const limits = createThanksLimits({ thanks: 2, windowSeconds: 3600 });
    expect(await limits.take('10.0.0.1')).toBe(true);
    expect(await limits.take('10.0.0.1')).toBe(true);
    expect(await limits.take('10.0.0.1')).toBe(false);
    expect(await limits.take('10.0.0.2')).toBe(true);
  });
});
