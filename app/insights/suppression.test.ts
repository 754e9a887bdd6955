import { describe, expect, it } from 'vitest';

import { cellKey, suppressBreakdown, suppressTable } from './suppression';

describe('suppressBreakdown', () => {
  it('withholds groups below the threshold and the smallest other one so the total cannot give them away', () => {
    const result = suppressBreakdown(
      [
        { key: 'a', n: 12 },
        { key: 'b', n: 6 },
        { key: 'c', n: 2 },
        { key: 'd', n: 9 },
      ],
      5,
    );
    // c alone (2) is below 5; b, the smallest shown, brings the withheld to 8.
    expect([...result.withheld].sort()).toEqual(['b', 'c']);
    expect(result.totalShown).toBe(true);
  });

  it('shows everything when every group reaches the threshold, and ignores groups without answers', () => {
    const result = suppressBreakdown(
      [
        { key: 'a', n: 5 },
        { key: 'b', n: 0 },
      ],
      5,
    );
    expect(result.withheld.size).toBe(0);
    expect(result.totalShown).toBe(true);
  });

  it('withholds the total too when all groups together stay below the threshold', () => {
    const result = suppressBreakdown(
      [
        { key: 'a', n: 2 },
        { key: 'b', n: 1 },
      ],
      3,
    );
    expect([...result.withheld].sort()).toEqual(['a', 'b']);
    expect(result.totalShown).toBe(true);
    const tiny = suppressBreakdown([{ key: 'a', n: 2 }], 3);
    expect(tiny.totalShown).toBe(false);
  });
});

describe('suppressTable', () => {
  it('completes rows and columns until every line hides at least the threshold', () => {
    const cells = [
      { row: 'r1', column: 'c1', n: 2 },
      { row: 'r1', column: 'c2', n: 10 },
      { row: 'r2', column: 'c1', n: 8 },
      { row: 'r2', column: 'c2', n: 9 },
    ];
    const result = suppressTable(cells, 5);
    // r1/c1 is small; its row adds r1/c2 and its column r2/c1. Row r2 then hides 8 and column
    // c2 hides 10, both enough, so r2/c2 stays.
    expect([...result.withheld].sort()).toEqual(
      [cellKey('r1', 'c1'), cellKey('r1', 'c2'), cellKey('r2', 'c1')].sort(),
    );
    expect(result.withheldRowTotals.size).toBe(0);
  });

  it('withholds a line total when the whole line is below the threshold', () => {
    const result = suppressTable(
      [
        { row: 'r1', column: 'c1', n: 1 },
        { row: 'r1', column: 'c2', n: 1 },
        { row: 'r2', column: 'c1', n: 7 },
        { row: 'r2', column: 'c2', n: 7 },
      ],
      3,
    );
    expect(result.withheldRowTotals.has('r1')).toBe(true);
    expect(result.withheldRowTotals.has('r2')).toBe(false);
  });
});
