import { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { ThanksModel } from '../../models/thanks.server';
import { notFound, requireScope, scopeOf, type StaffUser } from '../utils/permissions.server';
import { anonymousBatches } from './batches.server';
import { senderOf } from './sender';

// The thanks a leader's departments received, as the staff page shows them. Signed thanks are
// shown from the month they came in; anonymous ones only in released batches (batches.server.ts),
// each batch under the month that released it, mixed with that month's signed ones in the order
// of their random ids. Nothing finer than the month leaves the server.

export interface InboxThanks {
  id: string;
  message: string;
  driver: string | null;
  /** The name the sender gave and the board they sent it from; null when anonymous. */
  sender: { name: string; department: string | null } | null;
  published: boolean;
}

export interface InboxPeriod {
  /** YYYY-MM: the month of the signed thanks, and the batch month of the anonymous ones. */
  month: string;
  thanks: InboxThanks[];
}

export interface InboxDepartment {
  id: string;
  name: string;
  periods: InboxPeriod[];
}

export interface ThanksInbox {
  /** The departments the viewer may read, for the filter. */
  departments: { id: string; name: string }[];
  department: string | null;
  threshold: number;
  received: InboxDepartment[];
}

// A department thanked every month would fill the page over the years; the newest months are
// what a leader acts on.
const periodsShown = 12;

export async function thanksInbox(
  user: StaffUser,
  filter: { department?: string },
  now: Date,
): Promise<ThanksInbox> {
  if (filter.department) requireScope(user, filter.department);
  // HR admins read every department's thanks.
  const scope = user.hrAdmin ? {} : { _id: { $in: scopeOf(user) } };
  const departments = (await DepartmentModel.find(scope, { name: 1 }).lean())
    .map((department) => ({ id: String(department._id), name: department.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  if (filter.department && !departments.some((d) => d.id === filter.department)) {
    throw notFound('No such department');
  }
  const wanted = filter.department ? [filter.department] : departments.map((d) => d.id);
  const batches = await anonymousBatches(wanted, now);
  const readable = wanted.flatMap((id) => {
    const months = [...(batches.released.get(id)?.keys() ?? [])];
    const department = new Types.ObjectId(id);
    return [
      { toDepartmentId: department, senderName: { $ne: null } },
      ...(months.length > 0
        ? [{ toDepartmentId: department, senderName: null, month: { $in: months } }]
        : []),
    ];
  });
  const found =
    readable.length === 0
      ? []
      : await ThanksModel.find(
          { $or: readable },
          {
            toDepartmentId: 1,
            message: 1,
            driver: 1,
            month: 1,
            senderName: 1,
            fromDepartmentId: 1,
            published: 1,
          },
        )
          .sort({ _id: 1 })
          .lean();
  const names = new Map(departments.map((department) => [department.id, department.name]));
  const senders = await departmentNames(
    found.flatMap((thanks) => (thanks.fromDepartmentId ? [thanks.fromDepartmentId] : [])),
  );
  const byDepartment = new Map<string, Map<string, InboxThanks[]>>();
  for (const thanks of found) {
    const to = String(thanks.toDepartmentId);
    const period =
      thanks.senderName === null ? batches.released.get(to)?.get(thanks.month) : thanks.month;
    if (!period) continue;
    const periods = byDepartment.get(to) ?? new Map<string, InboxThanks[]>();
    const list = periods.get(period) ?? [];
    list.push({
      id: thanks._id,
      message: thanks.message,
      driver: thanks.driver ?? null,
      sender: senderOf(thanks, senders),
      published: thanks.published ?? false,
    });
    periods.set(period, list);
    byDepartment.set(to, periods);
  }
  const received = wanted
    .filter((id) => byDepartment.has(id))
    .map((id) => ({
      id,
      name: names.get(id) ?? '',
      periods: [...(byDepartment.get(id)?.entries() ?? [])]
        .map(([month, thanks]) => ({ month, thanks }))
        .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0))
        .slice(0, periodsShown),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return {
    departments,
    department: filter.department ?? null,
    threshold: batches.threshold,
    received,
  };
}

/**
 * Publishes a thank-you to (or takes it off) the board of the department that received it. Only
 * thanks the viewer can read on the page: a thank-you still waiting for its batch is not there
 * for them, so it answers as missing.
 */
export async function setPublished(
  user: StaffUser,
  input: { intent: 'publish' | 'unpublish'; thanksId: string },
  now: Date,
): Promise<void> {
  const thanks = await ThanksModel.findById(input.thanksId, {
    toDepartmentId: 1,
    senderName: 1,
    month: 1,
  }).lean();
  if (!thanks) throw notFound('No such thanks');
  requireScope(user, thanks.toDepartmentId);
  if (thanks.senderName === null) {
    const to = String(thanks.toDepartmentId);
    const batches = await anonymousBatches([to], now);
    if (!batches.released.get(to)?.has(thanks.month)) throw notFound('No such thanks');
  }
  const publish = input.intent === 'publish';
  await ThanksModel.updateOne(
    { _id: input.thanksId },
    { $set: { published: publish, publishedAt: publish ? now : null } },
  );
}

async function departmentNames(ids: readonly Types.ObjectId[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.map(String))];
  if (unique.length === 0) return new Map();
  const found = await DepartmentModel.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(found.map((department) => [String(department._id), department.name]));
}
