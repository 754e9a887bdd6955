import type { Types } from 'mongoose';

import { RollupModel } from '../../models/rollup.server';
import { respondentsQuestionId } from '../answering/rollups.server';
import { respondentsDecision } from './cycle-figures.server';

// Which (cycle, respondent department) groups may have their comments read. A comment is the
// most identifying thing a response holds, so it follows the charts exactly: the respondents of
// every department of the cycle — the whole organisation, whoever reads — form one breakdown,
// sized by invited respondents (open-link answers never lift a group over the threshold), and
// the same decision as the insight pages' participation withholds or shows each group.

export interface CycleGroups {
  /** Departments with respondents whose comments may be shown. */
  shown: Set<string>;
  /** Departments with respondents whose comments are withheld. */
  withheld: Set<string>;
}

/** The comment groups of each cycle, for every department; readers pick theirs. */
export async function commentGroups(
  cycleIds: readonly Types.ObjectId[],
  threshold: number,
): Promise<Map<string, CycleGroups>> {
  const rollups = await RollupModel.find(
    { cycleId: { $in: cycleIds }, questionId: respondentsQuestionId, providerDepartmentId: null },
    { cycleId: 1, departmentId: 1, count: 1, kioskCount: 1 },
  ).lean();
  const byCycle = new Map<string, typeof rollups>();
  for (const rollup of rollups) {
    const cycle = String(rollup.cycleId);
    const rows = byCycle.get(cycle) ?? [];
    rows.push(rollup);
    byCycle.set(cycle, rows);
  }
  const result = new Map<string, CycleGroups>();
  for (const cycleId of cycleIds) {
    const rows = (byCycle.get(String(cycleId)) ?? []).map((rollup) => ({
      departmentId: String(rollup.departmentId),
      questionId: respondentsQuestionId,
      providerId: null,
      count: rollup.count ?? 0,
      kioskCount: rollup.kioskCount ?? 0,
    }));
    const { withheld } = respondentsDecision(rows, threshold);
    const shown = new Set(
      rows
        .filter((row) => row.count > 0 && !withheld.has(row.departmentId))
        .map((row) => row.departmentId),
    );
    result.set(String(cycleId), { shown, withheld });
  }
  return result;
}
