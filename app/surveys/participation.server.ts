import { isValidObjectId, Types } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { InviteModel } from '../../models/invite.server';
import { RollupModel } from '../../models/rollup.server';
import { SurveyModel } from '../../models/survey.server';
import { respondentsQuestionId } from '../answering/rollups.server';
import { respondentsDecision } from '../insights/cycle-figures.server';
import { isSettled, thresholdOf } from '../insights/filters.server';
import type { Count } from '../insights/types';
import { answeredCount } from '../insights/withholding';

// Participation as HR admins see it on a survey's cycles. Nothing on an invite says whether it
// was used, and no response says whose it is: answered counts come from the respondents rollups,
// invited respondents only (open-link answers are their own figure), through the same
// organisation-wide decision of the cycle as the insight pages — a department under the
// threshold, and its complement, is withheld. While a cycle is open (or has just closed) counts
// move only in whole steps of the threshold, so watching the page does not show who just answered.

export interface DepartmentParticipation {
  departmentId: string;
  department: string;
  invited: number;
  answered: Count;
}

export interface Participation {
  invited: number;
  answered: Count;
  /** Answers through the open (kiosk) link: no invite is behind them. */
  openLink: Count;
  /** True while counts are released in steps of `threshold` (the cycle has not settled). */
  stepped: boolean;
  threshold: number;
  departments: DepartmentParticipation[];
}

interface CycleCounts {
  invited: Map<string, number>;
  rows: { departmentId: string; count: number; kioskCount: number }[];
  threshold: number;
  stepped: boolean;
}

const none: Participation = {
  invited: 0,
  answered: { state: 'shown', value: 0 },
  openLink: { state: 'shown', value: 0 },
  stepped: false,
  threshold: 5,
  departments: [],
};

/**
 * Invited and answered per department of one cycle: invited from the cycle's count of invites
 * (departments are those of the people when they were invited), answered from its rollups.
 */
export async function participation(cycleId: string | Types.ObjectId): Promise<Participation> {
  if (!isValidObjectId(cycleId)) return none;
  const counts = (await cycleCounts({ _id: new Types.ObjectId(String(cycleId)) })).get(
    String(cycleId),
  );
  if (!counts) return none;
  const figures = participationOf(counts);
  const names = await DepartmentModel.find(
    { _id: { $in: [...figures.departments.keys()] } },
    { name: 1 },
  ).lean();
  const nameOf = new Map(names.map((department) => [String(department._id), department.name]));
  const departments = [...figures.departments]
    .map(([departmentId, row]) => ({
      departmentId,
      department: nameOf.get(departmentId) ?? 'Unknown department',
      ...row,
    }))
    .sort((a, b) => a.department.localeCompare(b.department));
  return { ...figures.total, departments };
}

/** Invited and answered in total per cycle of a survey, by cycle id. */
export async function participationByCycle(
  surveyId: string | Types.ObjectId,
): Promise<Map<string, Omit<Participation, 'departments'>>> {
  if (!isValidObjectId(surveyId)) return new Map();
  const counts = await cycleCounts({ surveyId: new Types.ObjectId(String(surveyId)) });
  return new Map([...counts].map(([id, cycle]) => [id, participationOf(cycle).total]));
}

function participationOf(counts: CycleCounts) {
  const { threshold, stepped } = counts;
  const decision = respondentsDecision(
    counts.rows.map((row) => ({ ...row, questionId: respondentsQuestionId, providerId: null })),
    threshold,
  );
  const departments = new Map<string, { invited: number; answered: Count }>();
  for (const id of new Set([...counts.invited.keys(), ...decision.respondents.keys()])) {
    departments.set(id, {
      invited: counts.invited.get(id) ?? 0,
      answered: answeredCount(
        decision.respondents.get(id) ?? 0,
        !decision.withheld.has(id),
        threshold,
        stepped,
      ),
    });
  }
  const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
  return {
    departments,
    total: {
      invited: sum(counts.invited.values()),
      answered: answeredCount(
        sum(decision.respondents.values()),
        decision.totalShown,
        threshold,
        stepped,
      ),
      openLink: answeredCount(sum(decision.kiosk.values()), true, threshold, stepped),
      stepped,
      threshold,
    },
  };
}

/** What participation is counted from, per opened cycle matching `filter`. */
async function cycleCounts(filter: Record<string, unknown>): Promise<Map<string, CycleCounts>> {
  const cycles = await CycleModel.find(filter, {
    surveyId: 1,
    status: 1,
    closedAt: 1,
    invitedByDepartment: 1,
  }).lean();
  if (cycles.length === 0) return new Map();
  const ids = cycles.map((cycle) => cycle._id);
  const surveyIds = [...new Set(cycles.map((cycle) => String(cycle.surveyId)))];
  const [surveys, rollups, counted] = await Promise.all([
    SurveyModel.find({ _id: { $in: surveyIds } }, { anonymityThreshold: 1 }).lean(),
    RollupModel.find(
      { cycleId: { $in: ids }, questionId: respondentsQuestionId, providerDepartmentId: null },
      { cycleId: 1, departmentId: 1, count: 1, kioskCount: 1 },
    ).lean(),
    invitedFromInvites(cycles.filter((cycle) => !invitedOf(cycle)).map((cycle) => cycle._id)),
  ]);
  const thresholds = new Map(surveys.map((survey) => [String(survey._id), thresholdOf(survey)]));
  const now = Date.now();
  const result = new Map<string, CycleCounts>();
  for (const cycle of cycles) {
    const id = String(cycle._id);
    result.set(id, {
      invited: invitedOf(cycle) ?? counted.get(id) ?? new Map<string, number>(),
      rows: [],
      threshold: thresholds.get(String(cycle.surveyId)) ?? thresholdOf(null),
      stepped: !isSettled(cycle, now),
    });
  }
  for (const rollup of rollups) {
    result.get(String(rollup.cycleId))?.rows.push({
      departmentId: String(rollup.departmentId),
      count: rollup.count ?? 0,
      kioskCount: rollup.kioskCount ?? 0,
    });
  }
  return result;
}

/** People invited per department, as the cycle counted them when it invited them. */
function invitedOf(cycle: { invitedByDepartment?: unknown }): Map<string, number> | null {
  const stored = cycle.invitedByDepartment;
  if (!stored || typeof stored !== 'object') return null;
  return new Map(
    Object.entries(stored).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

/** For cycles invited before they counted: one grouped count of their invites. */
async function invitedFromInvites(
  cycleIds: readonly Types.ObjectId[],
): Promise<Map<string, Map<string, number>>> {
  const counted = new Map<string, Map<string, number>>();
  if (cycleIds.length === 0) return counted;
  const groups = await InviteModel.aggregate<{
    _id: { cycleId: Types.ObjectId; departmentId: Types.ObjectId };
    invited: number;
  }>([
    { $match: { cycleId: { $in: [...cycleIds] } } },
    {
      $group: {
        _id: { cycleId: '$cycleId', departmentId: '$departmentId' },
        invited: { $sum: 1 },
      },
    },
  ]);
  for (const group of groups) {
    const cycle = String(group._id.cycleId);
    const perDepartment = counted.get(cycle) ?? new Map<string, number>();
    perDepartment.set(String(group._id.departmentId), group.invited);
    counted.set(cycle, perDepartment);
  }
  return counted;
}
