import { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { ThanksModel } from '../../models/thanks.server';
import { cellKey, suppressTable } from '../insights/suppression';
import { builtInDrivers } from '../surveys/survey-schema';
import { scopeOf, type StaffUser } from '../utils/permissions.server';
import { anonymousBatches } from './batches.server';
import { addMonthsTo } from './thanks-period';

// How many thanks each department received, per driver, over the last twelve settled months, for
// the insights tab. Only thanks that can be read count (signed ones, and anonymous ones in
// released batches), so the figures move once a month, never as a thank-you arrives. The table is
// decided once over the whole organisation with the insight pages' suppression: a count from
// fewer thanks than the threshold is withheld, and more with it so no total gives it back; a
// leader sees their own departments' rows of that one table, with the organisation's totals.

export const countMonths = 12;

/** Null where the count is withheld. */
export type Count = number | null;

export interface ThanksCounts {
  threshold: number;
  from: string;
  to: string;
  /** Drivers named, in the built-in order, then custom ones; null: no driver named. */
  columns: (string | null)[];
  rows: { id: string; name: string; cells: Count[]; total: Count }[];
  columnTotals: Count[];
  total: Count;
}

// Not a driver anyone can name: drivers are trimmed text of at most 40 characters.
const noDriver = '(none)\u0001';

export async function thanksCounts(user: StaffUser, now: Date): Promise<ThanksCounts> {
  const batches = await anonymousBatches(null, now);
  const to = batches.settled;
  const from = addMonthsTo(to, 1 - countMonths);
  const tallies = await ThanksModel.aggregate<{
    _id: { to: Types.ObjectId; driver: string | null; month: string; anonymous: boolean };
    count: number;
  }>([
    { $match: { month: { $gte: from, $lte: to } } },
    {
      $group: {
        _id: {
          to: '$toDepartmentId',
          driver: '$driver',
          month: '$month',
          anonymous: { $eq: ['$senderName', null] },
        },
        count: { $sum: 1 },
      },
    },
  ]);
  const counts = new Map<string, number>();
  const pairs: { row: string; column: string; n: number }[] = [];
  for (const { _id, count } of tallies) {
    const department = String(_id.to);
    if (_id.anonymous && !batches.released.get(department)?.has(_id.month)) continue;
    const column = _id.driver ?? noDriver;
    const key = cellKey(department, column);
    const known = counts.get(key);
    if (known === undefined) pairs.push({ row: department, column, n: 0 });
    counts.set(key, (known ?? 0) + count);
  }
  for (const pair of pairs) pair.n = counts.get(cellKey(pair.row, pair.column)) ?? 0;
  const { withheld, withheldRowTotals, withheldColumnTotals } = suppressTable(
    pairs,
    batches.threshold,
  );

  const builtIn: readonly string[] = builtInDrivers;
  const named = [...new Set(pairs.map((pair) => pair.column))].filter((c) => c !== noDriver);
  const columns: (string | null)[] = [
    ...builtIn.filter((driver) => named.includes(driver)),
    ...named.filter((driver) => !builtIn.includes(driver)).sort((a, b) => a.localeCompare(b, 'en')),
    ...(pairs.some((pair) => pair.column === noDriver) ? [null] : []),
  ];
  const columnKey = (column: string | null) => column ?? noDriver;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const rowIds = [...new Set(pairs.map((pair) => pair.row))];
  const rowTotal = (row: string) => sum(pairs.filter((p) => p.row === row).map((p) => p.n));
  const columnTotal = (column: string) =>
    sum(pairs.filter((p) => p.column === column).map((p) => p.n));
  // The grand total less the shown line totals gives the withheld lines together: they must be
  // none or at least the threshold.
  const hiddenSum = (lines: string[], hidden: Set<string>, total: (key: string) => number) =>
    sum(lines.filter((line) => hidden.has(line)).map(total));
  const columnKeys = columns.map(columnKey);
  const smallRest = (value: number) => value > 0 && value < batches.threshold;
  const grand = sum(pairs.map((pair) => pair.n));
  const totalShown =
    grand >= batches.threshold &&
    !smallRest(hiddenSum(rowIds, withheldRowTotals, rowTotal)) &&
    !smallRest(hiddenSum(columnKeys, withheldColumnTotals, columnTotal));

  const visible = new Set(scopeOf(user));
  const departments = await DepartmentModel.find(
    {
      _id: {
        $in: rowIds
          .filter((id) => user.hrAdmin || visible.has(id))
          .map((id) => new Types.ObjectId(id)),
      },
    },
    { name: 1 },
  ).lean();
  const rows = departments
    .map((department) => {
      const id = String(department._id);
      return {
        id,
        name: department.name,
        cells: columnKeys.map((column) => {
          if (withheld.has(cellKey(id, column))) return null;
          return counts.get(cellKey(id, column)) ?? 0;
        }),
        total: withheldRowTotals.has(id) ? null : rowTotal(id),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return {
    threshold: batches.threshold,
    from,
    to,
    columns,
    rows,
    columnTotals: columnKeys.map((column) =>
      withheldColumnTotals.has(column) ? null : columnTotal(column),
    ),
    total: totalShown ? grand : null,
  };
}
