import { Types } from 'mongoose';

import { InviteModel } from '../../models/invite.server';
import { type Rollup, RollupModel } from '../../models/rollup.server';
import { respondentsQuestionId } from '../answering/rollups.server';
import type { InsightContext } from './filters.server';
import type { RollupRow } from './tally';

// The only reads behind the dashboards: rollups of the cycles in range (never responses), and
// invited counts from the cycle documents. Each read asks for the fields it needs and nothing
// from outside the range.

export type ProviderRows = 'none' | 'only' | 'all';

interface ReadOptions {
  questionIds?: readonly string[];
  histogram?: boolean;
}

/**
 * Rollup rows of settled cycles, by cycle id. Those rows change only when the cycle is rebuilt
 * (which bumps its revision), so every dashboard after the first reads them from here: without
 * this, each view of a year of history re-read tens of thousands of rollup documents. Frozen,
 * because every loader shares them.
 */
const settledRows = new Map<string, { revision: number; rows: Promise<readonly RollupRow[]> }>();
const maxSettledCycles = 5000;

/**
 * Rollups of the given cycles: those about no provider (department questions and the respondent
 * count), only the internal-service ones, or all. `questionIds` narrows further.
 */
export async function readRollups(
  context: Pick<InsightContext, 'settled'>,
  cycleIds: readonly string[],
  providers: ProviderRows,
  options: ReadOptions = {},
): Promise<RollupRow[]> {
  if (cycleIds.length === 0) return [];
  const wanted = rowFilter(providers, options);
  const live: string[] = [];
  const unread: string[] = [];
  const kept: Promise<readonly RollupRow[]>[] = [];
  for (const id of cycleIds) {
    const revision = context.settled.get(id);
    const cached = settledRows.get(id);
    if (revision === undefined) live.push(id);
    else if (cached?.revision === revision) kept.push(cached.rows);
    else unread.push(id);
  }
  // A page's loaders ask for the same cycles side by side: they share one read (the promises
  // kept above) instead of each reading every rollup of the range.
  const loading = unread.length > 0 ? loadSettled(context, unread) : [];
  const [liveRows, ...settled] = await Promise.all([
    queryRollups(live, providers, options),
    ...kept,
    ...loading,
  ]);
  return [...liveRows, ...settled.flatMap((rows) => rows.filter(wanted))];
}

/** Reads every rollup of these settled cycles once, and keeps them by revision. */
function loadSettled(
  context: Pick<InsightContext, 'settled'>,
  cycleIds: readonly string[],
): Promise<readonly RollupRow[]>[] {
  const grouped = queryRollups(cycleIds, 'all', {}).then((rows) => {
    const byCycle = new Map<string, readonly RollupRow[]>();
    for (const [id, cycleRows] of rowsByCycle(rows)) {
      byCycle.set(
        id,
        cycleRows.map((row) => Object.freeze({ ...row, histogram: Object.freeze(row.histogram) })),
      );
    }
    return byCycle;
  });
  const loading = cycleIds.map((id) => {
    const rows = grouped.then((byCycle) => byCycle.get(id) ?? []);
    const entry = { revision: context.settled.get(id) ?? 0, rows };
    settledRows.delete(id);
    settledRows.set(id, entry);
    // A failed read is not kept: the next view tries again.
    rows.catch(() => {
      if (settledRows.get(id) === entry) settledRows.delete(id);
    });
    return rows;
  });
  for (const id of settledRows.keys()) {
    if (settledRows.size <= maxSettledCycles) break;
    settledRows.delete(id);
  }
  return loading;
}

function rowFilter(providers: ProviderRows, options: ReadOptions) {
  const questions = options.questionIds
    ? new Set([...options.questionIds, respondentsQuestionId])
    : null;
  return (row: RollupRow) =>
    (providers === 'all' || (providers === 'none') === (row.providerId === null)) &&
    (!questions || questions.has(row.questionId));
}

async function queryRollups(
  cycleIds: readonly string[],
  providers: ProviderRows,
  options: ReadOptions,
): Promise<RollupRow[]> {
  if (cycleIds.length === 0) return [];
  const filter: Record<string, unknown> = {
    cycleId: cycleIds.length === 1 ? cycleIds[0] : { $in: cycleIds },
  };
  if (providers !== 'all') {
    filter.providerDepartmentId = providers === 'none' ? null : { $ne: null };
  }
  if (options.questionIds) {
    filter.questionId = { $in: [...options.questionIds, respondentsQuestionId] };
  }
  const projection: Record<string, 1> = {
    cycleId: 1,
    departmentId: 1,
    questionId: 1,
    providerDepartmentId: 1,
    count: 1,
    sum: 1,
    sumSquares: 1,
    kioskCount: 1,
  };
  if (options.histogram !== false) projection.histogram = 1;
  const rows = await RollupModel.find(filter, projection).lean<Rollup[]>();
  return rows.map((row) => ({
    cycleId: String(row.cycleId),
    departmentId: String(row.departmentId),
    questionId: row.questionId,
    providerId: row.providerDepartmentId ? String(row.providerDepartmentId) : null,
    count: row.count ?? 0,
    sum: row.sum ?? 0,
    sumSquares: row.sumSquares ?? 0,
    histogram: row.histogram ?? {},
    kioskCount: row.kioskCount ?? 0,
  }));
}

/** Rows per cycle id. */
export function rowsByCycle(rows: readonly RollupRow[]): Map<string, RollupRow[]> {
  const byCycle = new Map<string, RollupRow[]>();
  for (const row of rows) {
    const list = byCycle.get(row.cycleId);
    if (list) list.push(row);
    else byCycle.set(row.cycleId, [row]);
  }
  return byCycle;
}

/**
 * Invited people per cycle and department: from the cycle documents, and for older cycles that
 * never recorded them, from one grouped count over those cycles' invites.
 */
export async function readInvited(
  context: InsightContext,
): Promise<Map<string, Map<string, number>>> {
  const invited = new Map<string, Map<string, number>>();
  const missing: string[] = [];
  for (const cycle of context.cycles) {
    const stored = context.invited.get(cycle.id);
    if (stored) invited.set(cycle.id, stored);
    else missing.push(cycle.id);
  }
  if (missing.length > 0) {
    const groups = await InviteModel.aggregate<{
      _id: { cycleId: Types.ObjectId; departmentId: Types.ObjectId };
      invited: number;
    }>([
      { $match: { cycleId: { $in: missing.map((id) => new Types.ObjectId(id)) } } },
      {
        $group: {
          _id: { cycleId: '$cycleId', departmentId: '$departmentId' },
          invited: { $sum: 1 },
        },
      },
    ]);
    for (const id of missing) invited.set(id, new Map());
    for (const group of groups) {
      invited.get(String(group._id.cycleId))?.set(String(group._id.departmentId), group.invited);
    }
  }
  return invited;
}

const forgetting = new Set<() => void>();

/** Registers a cache kept from settled rows, so `forgetCachedRollups` empties it too. */
export function onForgetRollups(forget: () => void): void {
  forgetting.add(forget);
}

/** Empties the settled-cycle caches: for measuring a first view, and for tests. */
export function forgetCachedRollups(): void {
  settledRows.clear();
  for (const forget of forgetting) forget();
}
