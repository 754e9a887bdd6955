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
  it('completes rows and columns until every line hides at least the threshold, in two cells or more', () => {
    const cells = [
      { row: 'r1', column: 'c1', n: 2 },
      { row: 'r1', column: 'c2', n: 10 },
      { row: 'r2', column: 'c1', n: 8 },
      { row: 'r2', column: 'c2', n: 9 },
    ];
    const result = suppressTable(cells, 5);
    // r1/c1 is small; its row adds r1/c2 and its column r2/c1. Row r2 would then hide r2/c1
    // alone, which its total less r2/c2 gives away, and with it r1/c1 from column c1's total: so
    // r2/c2 goes too.
    expect([...result.withheld].sort()).toEqual(
      [cellKey('r1', 'c1'), cellKey('r1', 'c2'), cellKey('r2', 'c1'), cellKey('r2', 'c2')].sort(),
    );
    expect(result.withheldRowTotals.size).toBe(0);
  });

  it('withholds the total of a line whose only cell is withheld', () => {
    // r2 rated c1 only; r1/c1 is small, so r2/c1 is c1's complement — and r2's total is r2/c1.
    const result = suppressTable(
      [
        { row: 'r1', column: 'c1', n: 2 },
        { row: 'r1', column: 'c2', n: 9 },
        { row: 'r2', column: 'c1', n: 7 },
      ],
      5,
    );
    expect(result.withheld.has(cellKey('r2', 'c1'))).toBe(true);
    expect(result.withheldRowTotals.has('r2')).toBe(true);
  });

  it('counts open-link answers for nothing, and covers a group of them alone', () => {
    // One invited person and four kiosk answers is a group of one.
    const padded = suppressBreakdown(
      [
        { key: 'a', n: 1, answered: true },
        { key: 'b', n: 6 },
        { key: 'c', n: 9 },
      ],
      5,
    );
    expect([...padded.withheld].sort()).toEqual(['a', 'b']);
    // Kiosk answers only: no invited person, yet withheld, and covered like any other group.
    const kioskOnly = suppressBreakdown(
      [
        { key: 'a', n: 0, answered: true },
        { key: 'b', n: 6 },
        { key: 'c', n: 9 },
      ],
      5,
    );
    expect([...kioskOnly.withheld].sort()).toEqual(['a', 'b']);
    expect(suppressBreakdown([{ key: 'a', n: 0, answered: true }], 5).totalShown).toBe(false);
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
