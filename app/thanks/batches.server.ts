import { Types } from 'mongoose';

import { ThanksModel } from '../../models/thanks.server';
import { getSettings } from '../settings/organisation.server';
import { lastSettledMonth } from './thanks-period';

// When anonymous thanks may be read. Like comments, they are shown only in batches, so that the
// moment one arrives cannot be seen: a leader who watched a list grow one by one would know which
// thank-you came right after the meeting with whom. The rules, the same for every viewer:
//  - only settled months count (the organisation's calendar month, over for an hour): nothing of
//    the month still running is shown, so reloading the page during it shows nothing new;
//  - a department's anonymous thanks are released at the end of the first settled month by which
//    at least the organisation's anonymity threshold of them have arrived, all together, as one
//    batch named by that month; fewer wait and join the next month's (no thank-you is lost, and
//    no batch is smaller than the threshold);
//  - each department is decided on its own thanks alone, never pooled over what a viewer leads,
//    so a leader of a parent and a leader of its child see the same batches, and HR the same.
// Within a batch the thanks carry no month of their own and come in the order of their random
// ids, which has nothing to do with the order they were sent in.

export interface Batches {
  /** For each department id, the month → batch (the month it was released with) of its readable months. */
  released: Map<string, Map<string, string>>;
  threshold: number;
  settled: string;
}

/** The released batches of anonymous thanks to the given departments (all when null). */
export async function anonymousBatches(
  departmentIds: readonly string[] | null,
  now: Date,
): Promise<Batches> {
  const { anonymityThreshold: threshold, timeZone } = await getSettings();
  const settled = lastSettledMonth(now, timeZone);
  const match: Record<string, unknown> = { senderName: null, month: { $lte: settled } };
  if (departmentIds) {
    match.toDepartmentId = {
      $in: departmentIds
        .filter((id) => Types.ObjectId.isValid(id))
        .map((id) => new Types.ObjectId(id)),
    };
  }
  const counts = await ThanksModel.aggregate<{
    _id: { to: Types.ObjectId; month: string };
    count: number;
  }>([
    { $match: match },
    { $group: { _id: { to: '$toDepartmentId', month: '$month' }, count: { $sum: 1 } } },
  ]);
  return { released: releaseByDepartment(counts, threshold), threshold, settled };
}

/** Pure: which settled months of each department are released, and with which batch. */
export function releaseByDepartment(
  counts: readonly { _id: { to: Types.ObjectId | string; month: string }; count: number }[],
  threshold: number,
): Map<string, Map<string, string>> {
  const byDepartment = new Map<string, { month: string; count: number }[]>();
  for (const { _id, count } of counts) {
    const rows = byDepartment.get(String(_id.to)) ?? [];
    rows.push({ month: _id.month, count });
    byDepartment.set(String(_id.to), rows);
  }
  const released = new Map<string, Map<string, string>>();
  for (const [department, rows] of byDepartment) {
    rows.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    const months = new Map<string, string>();
    let waiting: string[] = [];
    let count = 0;
    for (const row of rows) {
      waiting.push(row.month);
      count += row.count;
      if (count < threshold) continue;
      for (const month of waiting) months.set(month, row.month);
      waiting = [];
      count = 0;
    }
    if (months.size > 0) released.set(department, months);
  }
  return released;
}
