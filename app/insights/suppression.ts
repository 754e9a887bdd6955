import { groupBy } from '../utils/group-by';

// The one place that decides which groups a leader may see numbers for. Every insight loader,
// chart, table, comment list and CSV export asks these functions before it shows a number, so the
// anonymity promise has a single implementation to test.
//
// Two rules, applied to every breakdown whose total is also shown:
//  - threshold: a group with answers from fewer people than the threshold is withheld;
//  - complementary: the withheld groups of a breakdown together must also reach the threshold,
//    otherwise the total minus the shown groups would give them away. While they do not, the
//    smallest shown group is withheld too. If that still is not enough, everything is withheld,
//    the total included.
// A table with totals on both sides (the internal-customer matrix) applies the second rule to
// each row and each column until nothing changes.

export interface Group {
  key: string;
  /** People (or answers) behind the group's numbers; 0 means no answers, which reveals nobody. */
  n: number;
}

export interface Breakdown {
  /** Keys of the groups to withhold. */
  withheld: Set<string>;
  /** Whether the breakdown's total may be shown. */
  totalShown: boolean;
}

/** Withholding for one breakdown (e.g. departments of a cycle) whose total is shown. */
export function suppressBreakdown(groups: readonly Group[], threshold: number): Breakdown {
  const withheld = new Set<string>();
  for (const group of groups) if (group.n > 0 && group.n < threshold) withheld.add(group.key);
  completeLine(groups, withheld, threshold);
  const total = groups.reduce((sum, group) => sum + group.n, 0);
  return { withheld, totalShown: total === 0 || total >= threshold };
}

export interface TableCell {
  row: string;
  column: string;
  n: number;
}

/** Key of a cell of a two-way table, as `suppressTable` returns it. */
export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

export interface TableSuppression {
  /** Cell keys (`cellKey`) to withhold. */
  withheld: Set<string>;
  /** Row and column keys whose totals must be withheld. */
  withheldRowTotals: Set<string>;
  withheldColumnTotals: Set<string>;
}

/** Withholding for a two-way table whose row and column totals are both shown. */
export function suppressTable(cells: readonly TableCell[], threshold: number): TableSuppression {
  const withheld = new Set<string>();
  for (const cell of cells) {
    if (cell.n > 0 && cell.n < threshold) withheld.add(cellKey(cell.row, cell.column));
  }
  const byRow = groupBy(cells, (cell) => cell.row);
  const byColumn = groupBy(cells, (cell) => cell.column);
  const lines = [...byRow.values(), ...byColumn.values()];
  // Each pass can only add withheld cells, so this ends after at most as many passes as cells.
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const groups = line.map((cell) => ({ key: cellKey(cell.row, cell.column), n: cell.n }));
      const before = withheld.size;
      completeLine(groups, withheld, threshold);
      if (withheld.size !== before) changed = true;
    }
  }
  const withheldRowTotals = new Set<string>();
  const withheldColumnTotals = new Set<string>();
  for (const [key, line] of byRow) {
    if (lineTotalWithheld(line, threshold)) withheldRowTotals.add(key);
  }
  for (const [key, line] of byColumn) {
    if (lineTotalWithheld(line, threshold)) withheldColumnTotals.add(key);
  }
  return { withheld, withheldRowTotals, withheldColumnTotals };
}

/** Withholds more groups of one line until the withheld ones together reach the threshold. */
function completeLine(groups: readonly Group[], withheld: Set<string>, threshold: number): void {
  let hidden = groups
    .filter((group) => withheld.has(group.key))
    .reduce((sum, group) => sum + group.n, 0);
  if (hidden === 0) return;
  const shown = groups
    .filter((group) => !withheld.has(group.key) && group.n > 0)
    .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  for (const group of shown) {
    if (hidden >= threshold) return;
    withheld.add(group.key);
    hidden += group.n;
  }
}

function lineTotalWithheld(line: readonly TableCell[], threshold: number): boolean {
  const total = line.reduce((sum, cell) => sum + cell.n, 0);
  return total > 0 && total < threshold;
}
