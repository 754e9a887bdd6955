import { Types } from 'mongoose';

import { type Action, ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import type { ActionStatus } from '../../models/vocabulary';
import { addDays } from '../surveys/local-time';
import type { StaffUser } from '../utils/permissions.server';
import { todaysBySurvey, visibleActions } from './action-access.server';
import type { ListFilters } from './action-forms';
import { isClosed, unknownPerson } from './action-rules';

export interface ActionRow {
  id: string;
  title: string;
  label: string;
  status: ActionStatus;
  ownerId: string;
  ownerName: string;
  departmentName: string | null;
  dueOn: string;
  overdue: boolean;
  published: boolean;
  latestUpdate: string | null;
}

export interface ActionList {
  rows: ActionRow[];
  owners: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}

/** Not done and due before today (in the survey's time zone). */
export function isOverdue(action: { status: string; dueOn: string }, today: string): boolean {
  return !isClosed(action.status) && action.dueOn < today;
}

/**
 * The actions the user may see, filtered by status, owner, department (answering or rated) and
 * due date, soonest due first. Actions are tens to hundreds, so the due-date windows, which
 * depend on each survey's time zone, are applied after reading.
 */
export async function listActions(
  user: StaffUser,
  filters: ListFilters,
  now = new Date(),
): Promise<ActionList> {
  const visible = visibleActions(user);
  const query: Record<string, unknown>[] = [visible];
  if (filters.status) query.push({ status: filters.status });
  if (filters.owner) query.push({ ownerId: new Types.ObjectId(filters.owner) });
  if (filters.department) {
    const department = new Types.ObjectId(filters.department);
    query.push({
      $or: [{ 'source.departmentId': department }, { 'source.providerDepartmentId': department }],
    });
  }
  const [actions, all] = await Promise.all([
    ActionModel.find({ $and: query }).sort({ dueOn: 1, _id: 1 }).lean<Action[]>(),
    // Filter choices come from every visible action, so a filter never hides its own options.
    ActionModel.find(visible, { ownerId: 1, source: 1 }).lean<Action[]>(),
  ]);
  const todayOf = await todaysBySurvey(
    actions.map((action) => action.source.surveyId),
    now,
  );
  const kept = actions.filter((action) => {
    const today = todayOf(action.source.surveyId);
    if (filters.due === 'overdue') return isOverdue(action, today);
    if (filters.due === 'week') {
      return !isClosed(action.status) && action.dueOn >= today && action.dueOn <= addDays(today, 6);
    }
    return true;
  });

  const ownerIds = new Set(all.map((action) => String(action.ownerId)));
  const departmentIds = new Set(
    all.flatMap((action) =>
      [action.source.departmentId, action.source.providerDepartmentId]
        .filter((id) => id !== null && id !== undefined)
        .map(String),
    ),
  );
  const [people, departments] = await Promise.all([
    PersonModel.find({ _id: { $in: [...ownerIds] } }, { name: 1 }).lean(),
    DepartmentModel.find({ _id: { $in: [...departmentIds] } }, { name: 1 }).lean(),
  ]);
  const names = new Map(people.map((person) => [String(person._id), person.name]));
  const departmentNames = new Map(departments.map((item) => [String(item._id), item.name]));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    rows: kept.map((action) => {
      const department = action.source.departmentId ?? action.source.providerDepartmentId;
      const latest = action.timeline.findLast(
        (item) => item.kind === 'update' || item.kind === 'status',
      );
      return {
        id: String(action._id),
        title: action.title,
        label: action.source.label,
        status: action.status,
        ownerId: String(action.ownerId),
        ownerName: names.get(String(action.ownerId)) ?? unknownPerson,
        departmentName: department ? (departmentNames.get(String(department)) ?? null) : null,
        dueOn: action.dueOn,
        overdue: isOverdue(action, todayOf(action.source.surveyId)),
        published: action.published,
        latestUpdate: latest?.note ?? null,
      };
    }),
    owners: [...names].map(([id, name]) => ({ id, name })).sort(byName),
    departments: [...departmentNames].map(([id, name]) => ({ id, name })).sort(byName),
  };
}
