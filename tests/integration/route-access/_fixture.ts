import { newToken } from '../../../app/surveys/tokens.server';
import { ActionModel } from '../../../models/action.server';
import { CycleModel } from '../../../models/cycle.server';
import { DepartmentModel } from '../../../models/department.server';
import { IdeaModel } from '../../../models/idea.server';
import { InviteModel } from '../../../models/invite.server';
import { OutboxMailModel } from '../../../models/outbox-mail.server';
import { RosterImportModel } from '../../../models/roster-import.server';
import { SurveyModel } from '../../../models/survey.server';
import { createDepartment, createPerson } from '../../factories/staff';
import { createSurveyWithOpenCycle } from '../../factories/survey';

/** Who asks. The test signs each role in (or not) before every request. */
export const roles = ['anonymous', 'employee', 'leaderA', 'leaderB', 'hrAdmin'] as const;
export type Role = (typeof roles)[number];

export const everyone: readonly Role[] = roles;
export const staff: readonly Role[] = ['leaderA', 'leaderB', 'hrAdmin'];
export const hrAdminOnly: readonly Role[] = ['hrAdmin'];
export const nobody: readonly Role[] = [];

/**
 * The records sample paths may point at. Department A has a sub-department; leader A leads A,
 * leader B leads B; the employee works in A's sub-department and has no staff role. Add what
 * your routes' paths need here (created through the real models).
 */
export interface RouteFixture {
  departments: { a: string; aChild: string; b: string };
  people: Record<Exclude<Role, 'anonymous'>, string>;
  outboxMailId: string;
  /** A roster import waiting for confirmation. */
  rosterImportId: string;
  /** An active survey of department A, and its open cycle. */
  surveyId: string;
  cycleId: string;
  /** The employee's answering link token for that cycle, and the cycle's open (kiosk) link id. */
  inviteToken: string;
  kioskId: string;
  /** The board key of department A's sub-department (the employee's). */
  boardKey: string;
  /** An open action about department A, owned by leader A. */
  actionId: string;
  /** A released idea sent to department A. */
  ideaId: string;
}

export interface RouteRule {
  /** The route id as Remix names it: `routes/` and the file name without extension, or `root`. */
  route: string;
  /**
   * A concrete address of the route, built from the fixture. null for a layout without an
   * address of its own (root, pathless `_staff`), which its children's rules exercise.
   */
  path: ((fixture: RouteFixture) => string) | null;
  /** Who may open it; everyone else must be sent to sign in, or answered 403 or 404. */
  allow: readonly Role[];
  /** Who may post to it, when the route has an action and that differs from `allow`. */
  allowPost?: readonly Role[];
}

export async function createRouteFixture(): Promise<RouteFixture> {
  const a = await createDepartment({ name: 'Operations A', kind: 'operational' });
  const aChild = await createDepartment({ name: 'Kitchen A1', parentId: a._id });
  const b = await createDepartment({ name: 'Sales B', kind: 'commercial' });
  const employee = await createPerson({ name: 'Emil Ployee', departmentId: aChild._id });
  const leaderA = await createPerson({
    name: 'Lea Der',
    departmentId: a._id,
    leaderOf: [a._id],
  });
  const leaderB = await createPerson({
    name: 'Leo Bee',
    departmentId: b._id,
    leaderOf: [b._id],
  });
  const hrAdmin = await createPerson({
    name: 'Ana Lima',
    departmentId: b._id,
    hrAdmin: true,
  });
  const mail = await OutboxMailModel.create({
    to: 'lea@example.com',
    subject: 'Reset your Innerloop password',
    text: 'A sample mail for the outbox pages.',
    kind: 'password-reset',
  });
  const rosterImport = await RosterImportModel.create({
    fileName: 'roster.csv',
    csv: 'name,email,department,language\nNew Person,new@example.com,Sales B,en\n',
    status: 'draft',
  });
  const { surveyId, cycleId } = await createSurveyWithOpenCycle(a._id);
  await SurveyModel.updateOne({ _id: surveyId }, { $set: { kiosk: true } });
  const cycle = await CycleModel.findById(cycleId).lean();
  const invite = newToken();
  await InviteModel.create({
    cycleId,
    surveyId,
    personId: employee._id,
    departmentId: aChild._id,
    language: 'en',
    tokenHash: invite.hash,
    deliveryClaimedAt: new Date(),
  });
  const action = await ActionModel.create({
    title: 'Fix the rota',
    source: {
      surveyId,
      cycleId,
      metric: 'score',
      departmentId: a._id,
      label: 'Score · Operations A',
    },
    ownerId: leaderA._id,
    dueOn: '2999-01-01',
    createdById: hrAdmin._id,
    timeline: [
      { at: new Date(), byId: hrAdmin._id, byName: 'Ana Lima', kind: 'created', to: 'open' },
    ],
  });
  const idea = await IdeaModel.create({
    _id: '0123456789abcdef0123456789abcdef',
    departmentId: a._id,
    kind: 'idea',
    text: 'A longer lunch break on busy days',
    receiptHash: 'f'.repeat(64),
    batch: '2026-W01',
  });
  const keyed = await DepartmentModel.findById(aChild._id, { boardKey: 1 }).lean();
  return {
    departments: { a: String(a._id), aChild: String(aChild._id), b: String(b._id) },
    people: {
      employee: String(employee._id),
      leaderA: String(leaderA._id),
      leaderB: String(leaderB._id),
      hrAdmin: String(hrAdmin._id),
    },
    outboxMailId: String(mail._id),
    rosterImportId: String(rosterImport._id),
    surveyId,
    cycleId,
    inviteToken: invite.token,
    kioskId: cycle?.kioskId ?? '',
    boardKey: keyed?.boardKey ?? '',
    actionId: String(action._id),
    ideaId: idea._id,
  };
}
