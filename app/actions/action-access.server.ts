import { isValidObjectId, Types } from 'mongoose';

import { type Action, ActionModel } from '../../models/action.server';
import { PersonModel } from '../../models/person.server';
import { SurveyModel } from '../../models/survey.server';
import { defaultTimeZone, localDate } from '../surveys/local-time';
import { message } from '../utils/message';
import { forbidden, loadStaffUser, notFound, type StaffUser } from '../utils/permissions.server';
import { inActionScope } from './action-rules';

// Who may see and act on which action, who may own one, and what "today" is for its due date.
// Leaders act within their scope (the answering or the rated department of the result); the
// owner always sees their own action; HR admins see everything.

interface Departments {
  departmentId?: Types.ObjectId | string | null;
  providerDepartmentId?: Types.ObjectId | string | null;
}

/** Whether a result (its answering or rated department) is within the user's scope. */
export function sourceInScope(user: StaffUser, source: Departments): boolean {
  return inActionScope(user.hrAdmin ? null : user.scope, source);
}

function canSeeAction(
  user: StaffUser,
  action: { source: Departments; ownerId: Types.ObjectId },
): boolean {
  return sourceInScope(user, action.source) || String(action.ownerId) === user.id;
}

/** The database filter for the actions the user may see. */
export function visibleActions(user: StaffUser): Record<string, unknown> {
  if (user.hrAdmin) return {};
  const scope = user.scope.map((id) => new Types.ObjectId(id));
  return {
    $or: [
      { 'source.departmentId': { $in: scope } },
      { 'source.providerDepartmentId': { $in: scope } },
      { ownerId: new Types.ObjectId(user.id) },
    ],
  };
}

/** An action the user may see: 404 when there is none, 403 when it is outside their scope. */
export async function requireAction(user: StaffUser, id: string): Promise<Action> {
  const action = isValidObjectId(id) ? await ActionModel.findById(id).lean<Action>() : null;
  if (!action) throw notFound('Action not found');
  if (!canSeeAction(user, action)) throw forbidden();
  return action;
}

/**
 * Whether a staff member may own an action on this result: HR admins always; a leader whose
 * scope holds its answering or rated department. Company-wide results are HR admins' alone.
 */
function mayOwn(owner: StaffUser, source: Departments): boolean {
  if (owner.hrAdmin) return true;
  return sourceInScope(owner, source);
}

export interface OwnerChoice {
  id: string;
  name: string;
}

/** Active leaders and HR admins who may own an action on this result, by name. */
export async function ownerChoices(source: Departments): Promise<OwnerChoice[]> {
  const people = await PersonModel.find(
    { active: true, $or: [{ hrAdmin: true }, { 'leaderOf.0': { $exists: true } }] },
    { _id: 1 },
  ).lean();
  const staff = await Promise.all(people.map((person) => loadStaffUser(String(person._id))));
  return staff
    .filter((owner): owner is StaffUser => owner !== null && mayOwn(owner, source))
    .map((owner) => ({ id: owner.id, name: owner.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The owner behind an id if they may own an action on this result, else a message key. */
export async function checkOwner(
  ownerId: string,
  source: Departments,
): Promise<{ ok: true; owner: StaffUser } | { ok: false; message: string }> {
  const owner = await loadStaffUser(ownerId);
  if (!owner) return { ok: false, message: 'actions:errors.ownerInactive' };
  if (!mayOwn(owner, source)) {
    return { ok: false, message: message('actions:errors.ownerNotLeader', { name: owner.name }) };
  }
  return { ok: true, owner };
}

/** Today's date in the survey's time zone: due dates are local dates of the organisation. */
export async function todayFor(surveyId: SurveyRef, now = new Date()) {
  const zones = await timeZonesOf([surveyId]);
  return localDate(now, zones.get(String(surveyId)) ?? defaultTimeZone);
}

// An action raised from an idea has no survey: its day is the default time zone's.
type SurveyRef = Types.ObjectId | string | null | undefined;

async function timeZonesOf(surveyIds: readonly SurveyRef[]): Promise<Map<string, string>> {
  const ids = [...new Set(surveyIds.filter((id) => id != null).map(String))];
  const surveys = await SurveyModel.find({ _id: { $in: ids } }, { schedule: 1 }).lean();
  return new Map(surveys.map((survey) => [String(survey._id), survey.schedule.timeZone]));
}

/** "Today" per survey: the day each action's due date is compared with. */
export async function todaysBySurvey(
  surveyIds: readonly SurveyRef[],
  now: Date,
): Promise<(surveyId: SurveyRef) => string> {
  const zones = await timeZonesOf(surveyIds);
  return (surveyId) => localDate(now, zones.get(String(surveyId)) ?? defaultTimeZone);
}
