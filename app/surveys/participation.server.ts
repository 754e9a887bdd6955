import { isValidObjectId, Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { InviteModel } from '../../models/invite.server';

export interface DepartmentParticipation {
  departmentId: string;
  department: string;
  invited: number;
  answered: number;
}

export interface Participation {
  invited: number;
  answered: number;
  departments: DepartmentParticipation[];
}

/**
 * Invited and answered counts per department of one cycle, from the invites alone: an invite
 * knows whether it was used, a response never knows whose it is. Departments are those of the
 * people when they were invited.
 */
export async function participation(cycleId: string | Types.ObjectId): Promise<Participation> {
  if (!isValidObjectId(cycleId)) return { invited: 0, answered: 0, departments: [] };
  const groups = await InviteModel.aggregate<{
    _id: Types.ObjectId;
    invited: number;
    answered: number;
  }>([
    { $match: { cycleId: new Types.ObjectId(String(cycleId)) } },
    {
      $group: {
        _id: '$departmentId',
        invited: { $sum: 1 },
        answered: { $sum: { $cond: [{ $eq: [{ $type: '$usedOn' }, 'string'] }, 1, 0] } },
      },
    },
  ]);
  const names = await DepartmentModel.find(
    { _id: { $in: groups.map((group) => group._id) } },
    { name: 1 },
  ).lean();
  const nameOf = new Map(names.map((department) => [String(department._id), department.name]));
  const departments = groups
    .map((group) => ({
      departmentId: String(group._id),
      department: nameOf.get(String(group._id)) ?? 'Unknown department',
      invited: group.invited,
      answered: group.answered,
    }))
    .sort((a, b) => a.department.localeCompare(b.department));
  return {
    invited: departments.reduce((sum, row) => sum + row.invited, 0),
    answered: departments.reduce((sum, row) => sum + row.answered, 0),
    departments,
  };
}

/** Invited and answered per cycle of a survey, in one pass over its invites. */
export async function participationByCycle(
  surveyId: string | Types.ObjectId,
): Promise<Map<string, { invited: number; answered: number }>> {
  if (!isValidObjectId(surveyId)) return new Map();
  const groups = await InviteModel.aggregate<{
    _id: Types.ObjectId;
    invited: number;
    answered: number;
  }>([
    { $match: { surveyId: new Types.ObjectId(String(surveyId)) } },
    {
      $group: {
        _id: '$cycleId',
        invited: { $sum: 1 },
        answered: { $sum: { $cond: [{ $eq: [{ $type: '$usedOn' }, 'string'] }, 1, 0] } },
      },
    },
  ]);
  return new Map(groups.map(({ _id, invited, answered }) => [String(_id), { invited, answered }]));
}
