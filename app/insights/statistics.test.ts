import { describe, expect, it } from 'vitest';

import {
  changeBetween,
  enps,
  estimateOf,
  mean,
  npsTotals,
  splitOf,
  type Totals,
  variance,
} from './statistics';

const totalsOf = (values: number[]): Totals => ({
  count: values.length,
  sum: values.reduce((sum, value) => sum + value, 0),
  sumSquares: values.reduce((sum, value) => sum + value * value, 0),
});

describe('statistics', () => {
  it('computes the mean and sample variance from running totals', () => {
    // 2, 4, 4, 5: mean 3.75, squares 61, variance (61 − 15²/4) / 3 = 1.5833…
    const totals = totalsOf([2, 4, 4, 5]);
    expect(mean(totals)).toBe(3.75);
    expect(variance(totals)).toBeCloseTo(1.583333, 5);
    expect(mean(totalsOf([]))).toBeNull();
    expect(variance(totalsOf([3]))).toBeNull();
  });

  it('marks a change significant only when its 95% interval excludes zero (Welch)', () => {
    // After: 4,4,5,5 (mean 4.5, s² 1/3); before: 2,2,3,3 (mean 2.5, s² 1/3).
    // Margin 1.96·√(1/12 + 1/12) = 0.8002; 2 ± 0.8002.
    const change = changeBetween(
      estimateOf(totalsOf([4, 4, 5, 5])),
      estimateOf(totalsOf([2, 2, 3, 3])),
    );
    expect(change?.delta).toBeCloseTo(2, 10);
    expect(change?.low).toBeCloseTo(1.1998, 4);
    expect(change?.high).toBeCloseTo(2.8002, 4);
    expect(change?.significant).toBe(true);

    // 3,4 against 3,3: delta 0.5, margin 1.96·√(0.5/2 + 0) = 0.98 → not significant.
    const small = changeBetween(estimateOf(totalsOf([3, 4])), estimateOf(totalsOf([3, 3])));
    expect(small?.delta).toBeCloseTo(0.5, 10);
    expect(small?.low).toBeCloseTo(-0.48, 2);
    expect(small?.significant).toBe(false);
  });

  it('gives no change when a side is missing or has fewer than two answers', () => {
    expect(changeBetween(estimateOf(totalsOf([4])), estimateOf(totalsOf([2, 3])))).toBeNull();
    expect(changeBetween(null, estimateOf(totalsOf([2, 3])))).toBeNull();
    expect(changeBetween(estimateOf(totalsOf([])), estimateOf(totalsOf([2, 3])))).toBeNull();
  });

  it('computes eNPS as promoters minus detractors, with per-answer +1/0/−1 totals', () => {
    // 3 promoters (9, 10, 10), 1 passive (8), 1 detractor (3): (3 − 1) / 5 = 40.
    const histogram = { '9': 1, '10': 2, '8': 1, '3': 1 };
    expect(enps(histogram)).toBeCloseTo(40, 10);
    expect(npsTotals(histogram)).toEqual({ count: 5, sum: 2, sumSquares: 4 });
    expect(enps({})).toBeNull();
  });

  it('splits answers into favourable, neutral and unfavourable percentages', () => {
    expect(splitOf({ '5': 2, '4': 1, '3': 1, '1': 1 }, 'scale')).toEqual({
      n: 5,
      favourable: 60,
      neutral: 20,
      unfavourable: 20,
    });
    expect(splitOf({ '10': 1, '7': 1, '8': 1, '0': 1 }, 'nps')).toEqual({
      n: 4,
      favourable: 25,
      neutral: 50,
      unfavourable: 25,
    });
    expect(splitOf({}, 'scale')).toBeNull();
  });
});
