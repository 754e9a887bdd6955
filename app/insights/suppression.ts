import { groupBy } from '../utils/group-by';

// The one place that decides which groups a leader may see numbers for. Every insight loader,
// chart, table, comment list and CSV export asks these functions before it shows a number, so the
// anonymity promise has a single implementation to test.
//
// Two rules, applied to every breakdown whose total is also shown:
//  - threshold: a group with answers from fewer invited people than the threshold is withheld
//    (answers through the open kiosk link never count: anyone can post them, with known values,
//    so a group of one invited person and four padded answers is a group of one);
//  - complementary: the withheld groups of a breakdown together must also reach the threshold,
//    otherwise the total minus the shown groups would give them away. While they do not, the
//    smallest shown group is withheld too. If that still is not enough, everything is withheld,
//    the total included. A withheld group with answers but no invited people (open-link answers
//    only) still needs that cover: its answers are somebody's too.
// A table with totals on both sides (the internal-customer matrix) applies the second rule to
// each row and each column until nothing changes, and two more. A line never hides a single
// cell: a cell withheld as a column's complement would otherwise be its row's total less the
// row's shown cells, and the column's protection gone. And cells of rows withheld elsewhere
// (`forced`) are known together as a block (the organisation's total less every shown row): a
// column that hides only forced cells gives away the block less those, the forced cells of the
// other columns, so while those are fewer than the threshold it hides one more cell. Where a
// line has nothing more to hide, its total is withheld instead.
//
// Callers decide once per cycle over the whole organisation (cycle-results.server.ts) and show
// each viewer a subset of those figures, never a total over the viewer's own subset: a decision
// taken over a narrower scope would show as a part what a wider one withholds as a complement.

export interface Group {
  key: string;
  /** Invited people behind the group's numbers. */
  n: number;
  /**
   * Whether the group has any answers, open-link ones included. Defaults to n > 0; a group with
   * no answers at all reveals nobody and is never withheld.
   */
  answered?: boolean;
}

const hasAnswers = (group: Group) => group.answered ?? group.n > 0;

export interface Breakdown {
  /** Keys of the groups to withhold. */
  withheld: Set<string>;
  /** Whether the breakdown's total may be shown. */
  totalShown: boolean;
}

/** Withholding for one breakdown (e.g. departments of a cycle) whose total is shown. */
export function suppressBreakdown(groups: readonly Group[], threshold: number): Breakdown {
  const withheld = new Set<string>();
  for (const group of groups) {
    if (hasAnswers(group) && group.n < threshold) withheld.add(group.key);
  }
  completeLine(groups, withheld, threshold);
  return { withheld, totalShown: !lineTotalWithheld(groups, threshold) };
}

export interface TableCell {
  row: string;
  column: string;
  /** Invited people behind the cell. */
  n: number;
  /** Whether the cell has any answers; defaults to n > 0 (see `Group`). */
  answered?: boolean;
  /** Withheld elsewhere in the same cycle (its row is): see the rules above. */
  forced?: boolean;
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
  const forced = new Set<string>();
  for (const cell of cells) {
    const key = cellKey(cell.row, cell.column);
    if (cell.forced) forced.add(key);
    if ((cell.answered ?? cell.n > 0) && (cell.n < threshold || cell.forced)) withheld.add(key);
  }
  const byRow = groupBy(cells, (cell) => cell.row);
  const byColumn = groupBy(cells, (cell) => cell.column);
  const lines = [...byRow.values(), ...byColumn.values()];
  const forcedSize = (line: readonly TableCell[]) =>
    line.filter((cell) => cell.forced).reduce((sum, cell) => sum + cell.n, 0);
  const allForced = forcedSize(cells);
  // Whether hiding only forced cells in this line would leave a small rest of the forced block.
  const smallRest = (line: readonly TableCell[]) => {
    const rest = allForced - forcedSize(line);
    return rest > 0 && rest < threshold;
  };
  const none = new Set<string>();
  // Each pass can only add withheld cells, so this ends after at most as many passes as cells.
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const groups = line.map(groupOf);
      const before = withheld.size;
      completeLine(groups, withheld, threshold, 2, smallRest(line) ? forced : none);
      if (withheld.size !== before) changed = true;
    }
  }
  const totalWithheld = (line: readonly TableCell[]) => {
    const groups = line.map(groupOf);
    const hidden = groups.filter((group) => withheld.has(group.key) && hasAnswers(group));
    const onlyForced = hidden.length > 0 && hidden.every((group) => forced.has(group.key));
    return (
      lineTotalWithheld(groups, threshold) || hidden.length === 1 || (onlyForced && smallRest(line))
    );
  };
  const withheldRowTotals = new Set<string>();
  const withheldColumnTotals = new Set<string>();
  for (const [key, line] of byRow) if (totalWithheld(line)) withheldRowTotals.add(key);
  for (const [key, line] of byColumn) if (totalWithheld(line)) withheldColumnTotals.add(key);
  return { withheld, withheldRowTotals, withheldColumnTotals };
}

const groupOf = (cell: TableCell): Group => ({
  key: cellKey(cell.row, cell.column),
  n: cell.n,
  answered: cell.answered,
});

/**
 * Withholds more groups of one line until the withheld ones together reach the threshold of
 * invited people, number at least `fewest` (groups with answers), and — where some are `forced`
 * — hold one that is not. Nothing to cover when no withheld group has answers.
 */
function completeLine(
  groups: readonly Group[],
  withheld: Set<string>,
  threshold: number,
  fewest = 1,
  forced: ReadonlySet<string> = new Set(),
): void {
  const hiddenGroups = groups.filter((group) => withheld.has(group.key) && hasAnswers(group));
  if (hiddenGroups.length === 0) return;
  let hidden = hiddenGroups.reduce((sum, group) => sum + group.n, 0);
  let count = hiddenGroups.length;
  let free = hiddenGroups.some((group) => !forced.has(group.key));
  const covered = () => hidden >= threshold && count >= fewest && free;
  const shown = groups
    .filter((group) => !withheld.has(group.key) && hasAnswers(group))
    .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  for (const group of shown) {
    if (covered()) return;
    withheld.add(group.key);
    hidden += group.n;
    count += 1;
    free = true;
  }
}

/** A line's total is withheld when it has answers from fewer invited people than the threshold. */
function lineTotalWithheld(line: readonly Group[], threshold: number): boolean {
  const total = line.reduce((sum, group) => sum + group.n, 0);
  return line.some(hasAnswers) && total < threshold;
}
