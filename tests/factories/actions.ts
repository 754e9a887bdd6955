import { Types } from 'mongoose';

import { loadStaffUser, type StaffUser } from '../../app/utils/permissions.server';
import { ActionModel } from '../../models/action.server';
import type { ActionStatus } from '../../models/vocabulary';
import { makeInsightResults } from './insights';
import { makePerson } from './organisation';

// Action tests start from an insight survey with answers, a leader per team and an HR admin.

/**
 * Two closed cycles. Cycle 1: Team 0 has 6 people who all answered 3 to q-tools. Cycle 2: Team 0
 * has 10 people, Team 1 has 8, Team 2 has 2 (withheld, and Team 1 with it as its complement);
 * q-tools is nine 4s and a 5, q-growth all 4s, eNPS two 10s and the rest 4s, every provider 4s.
 */
export async function makeActionOrganisation() {
  const organisation = await makeInsightResults();
  const { departments } = organisation;
  const home = departments[0]?._id ?? new Types.ObjectId();
  const hrPerson = await makePerson({ name: 'Hana Admin', departmentId: home, hrAdmin: true });
  const leaderPerson = await makePerson({
    name: 'Lars Leader',
    departmentId: home,
    leaderOf: [home],
  });
  const otherPerson = await makePerson({
    name: 'Olga Other',
    departmentId: departments[1]?._id ?? home,
    leaderOf: [departments[1]?._id ?? home],
  });
  return {
    ...organisation,
    hr: await staff(String(hrPerson._id)),
    leader: await staff(String(leaderPerson._id)),
    otherLeader: await staff(String(otherPerson._id)),
  };
}

async function staff(id: string): Promise<StaffUser> {
  const user = await loadStaffUser(id);
  if (!user) throw new Error('The staff member was not stored');
  return user;
}

/** A stored action, as `raiseAction` would leave it; pass what matters to the test. */
export async function makeAction(fields: {
  surveyId: Types.ObjectId;
  cycleId: Types.ObjectId;
  ownerId: string;
  departmentId?: Types.ObjectId | null;
  providerDepartmentId?: Types.ObjectId | null;
  title?: string;
  dueOn?: string;
  status?: ActionStatus;
  published?: boolean;
}) {
  const ownerId = new Types.ObjectId(fields.ownerId);
  const action = new ActionModel({
    title: fields.title ?? 'Fix the tools',
    description: '',
    source: {
      surveyId: fields.surveyId,
      cycleId: fields.cycleId,
      metric: 'score',
      departmentId: fields.departmentId ?? null,
      providerDepartmentId: fields.providerDepartmentId ?? null,
      label: 'Score',
    },
    baseline: null,
    ownerId,
    dueOn: fields.dueOn ?? '2026-04-01',
    status: fields.status ?? 'open',
    published: fields.published ?? false,
    timeline: [{ at: new Date(), byId: ownerId, byName: 'Someone', kind: 'created', to: 'open' }],
    createdById: ownerId,
  });
  return action.save();
}
