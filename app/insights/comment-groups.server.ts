import type { Types } from 'mongoose';

import { RollupModel } from '../../models/rollup.server';
import { respondentsQuestionId } from '../answering/rollups.server';
import { suppressBreakdown } from './suppression';

// Which (cycle, respondent department) groups may have their comments read. A comment is the
// most identifying thing a response holds, so it follows the charts exactly: the respondents of
// every department of the cycle that the reader can see form one breakdown, and the suppression
// function decides, threshold and complementary withholding alike.

export interface CycleGroups {
  /** Departments with respondents whose comments may be shown. */
  shown: Set<string>;
  /** Departments with respondents whose comments are withheld. */
  withheld: Set<string>;
}

export async function commentGroups(
  cycleIds: readonly Types.ObjectId[],
  visibleDepartmentIds: readonly string[],
  threshold: number,
): Promise<Map<string, CycleGroups>> {
  const rollups = await RollupModel.find(
    {
      cycleId: { $in: cycleIds },
      questionId: respondentsQuestionId,
      providerDepartmentId: null,
      departmentId: { $in: visibleDepartmentIds },
    },
    { cycleId: 1, departmentId: 1, count: 1 },
  ).lean();
  const byCycle = new Map<string, { key: string; n: number }[]>();
  for (const rollup of rollups) {
    const cycle = String(rollup.cycleId);
    const groups = byCycle.get(cycle) ?? [];
    groups.push({ key: String(rollup.departmentId), n: rollup.count ?? 0 });
    byCycle.set(cycle, groups);
  }
  const result = new Map<string, CycleGroups>();
  for (const cycleId of cycleIds) {
    const groups = byCycle.get(String(cycleId)) ?? [];
    const { withheld } = suppressBreakdown(groups, threshold);
    const shown = new Set(
      groups.filter((group) => group.n > 0 && !withheld.has(group.key)).map((group) => group.key),
    );
    result.set(String(cycleId), { shown, withheld });
  }
  return result;
}
