import type { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import type { DepartmentKind } from '../../models/vocabulary';
import { message } from '../utils/message';
import {
  columnList,
  type DepartmentNames,
  type KnownPerson,
  type PlanContext,
  type PlannedPerson,
} from './roster-columns';
import type { RosterRow } from './roster-csv.server';
import { emailKeyOf, nameKeyOf } from './schemas';

export const rowOutcomes = ['create', 'update', 'unchanged', 'error'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

/**
 * A roster row with what importing it would do, as messages (see ~/utils/message) that the
 * preview shows in its reader's language.
 */
export interface PlannedRow {
  line: number;
  name: string;
  email: string;
  department: string;
  outcome: RowOutcome;
  /** update: each change; create: departments it brings along; error: why it is skipped. */
  details: string[];
}

/** What a create or update writes; departments by name key, resolved when applying. */
export interface PersonWrite {
  line: number;
  /** The person to update; undefined to create one. */
  personId: Types.ObjectId | undefined;
  emailKey: string;
  person: PlannedPerson;
}

export interface RosterPlan {
  rows: PlannedRow[];
  writes: PersonWrite[];
  /**
   * Departments the file names that do not exist yet; created only when HR asked for it, with
   * the kind the file gives them (operational when it gives none).
   */
  departmentsToCreate: { name: string; nameKey: string; kind: DepartmentKind }[];
  /** Existing departments whose kind the file changes. */
  kindChanges: { name: string; nameKey: string; from: DepartmentKind; to: DepartmentKind }[];
  /**
   * Whether, after the import, some live department is of the support kind: new surveys from the
   * internal-service templates rate exactly those (app/surveys/new-survey.server.ts).
   */
  servesOthers: boolean;
  counts: Record<RowOutcome, number>;
}

/**
 * Compares each row with the roster as it is now: who would be created, who updated (and how),
 * who is unchanged, and which rows cannot be imported and why. Nothing is written.
 */
export async function planRoster(
  rows: RosterRow[],
  { createDepartments }: { createDepartments: boolean },
): Promise<RosterPlan> {
  const departments = await DepartmentModel.find().select('name nameKey kind archivedAt').lean();
  const departmentByKey = new Map(departments.map((d) => [d.nameKey, d]));
  const departmentNameById = new Map(departments.map((d) => [String(d._id), d.name]));
  const people = await findPeople(
    rows.filter((row) => row.email).map((row) => emailKeyOf(row.email)),
  );

  const toCreate = new Map<string, string>();
  // The kind each department is given, and the first line that gave it, to name in a conflict.
  const kindClaims = new Map<string, { kind: DepartmentKind; line: number }>();
  const plan: RosterPlan = {
    rows: [],
    writes: [],
    departmentsToCreate: [],
    kindChanges: [],
    servesOthers: false,
    counts: { create: 0, update: 0, unchanged: 0, error: 0 },
  };

  for (const row of rows) {
    const problems = [...row.problems];
    const created: string[] = [];
    // Checks each department name against the database; undefined when it cannot be used.
    const resolve = (name: string, column: 'department' | 'leader_of'): string | undefined => {
      const key = nameKeyOf(name);
      const known = departmentByKey.get(key);
      // The English words name leader_of only for that column, as before keys.
      const where = column === 'leader_of' ? 'LeaderOf' : '';
      if (known?.archivedAt) {
        problems.push(
          message(`people:import.rows.archived${where}`, {
            line: row.line,
            column,
            department: known.name,
          }),
        );
        return undefined;
      }
      if (known) return key;
      if (!createDepartments) {
        problems.push(
          message(`people:import.rows.unknownDepartment${where}`, {
            line: row.line,
            column,
            department: name,
          }),
        );
        return undefined;
      }
      if (!toCreate.has(key)) toCreate.set(key, name);
      created.push(
        message('people:import.rows.createsDepartment', { department: toCreate.get(key) ?? name }),
      );
      return key;
    };
    const existing = people.get(emailKeyOf(row.email));
    const person: PlannedPerson = {};
    const context: PlanContext = { existing, resolve };
    for (const [key, { person: facet }] of columnList) {
      const planned = facet?.plan(row[key], context);
      if (planned !== undefined) Object.assign(person, { [key]: planned });
    }
    const claim =
      person.department && row.departmentKind ? kindClaims.get(person.department) : undefined;
    if (claim && claim.kind !== row.departmentKind) {
      problems.push(
        message('people:import.rows.kindConflict', {
          line: row.line,
          column: 'department_kind',
          department: row.department,
          kind: row.departmentKind ?? '',
          otherLine: claim.line,
          otherKind: claim.kind,
        }),
      );
    }

    const summary = {
      line: row.line,
      name: row.name,
      email: row.email,
      department: row.department,
    };
    if (problems.length > 0 || !person.department) {
      plan.rows.push({ ...summary, outcome: 'error', details: problems });
      continue;
    }
    // Only rows that import give their department a kind: a skipped row changes nothing.
    if (row.departmentKind && !claim) {
      kindClaims.set(person.department, { kind: row.departmentKind, line: row.line });
    }

    const write: PersonWrite = {
      line: row.line,
      personId: existing?._id,
      emailKey: emailKeyOf(row.email),
      person,
    };
    const changes = existing
      ? changesOf(existing, person, departmentNameById, toCreate, departmentByKey)
      : [];
    const outcome: RowOutcome = !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
    plan.rows.push({
      ...summary,
      outcome,
      details: outcome === 'update' ? [...changes, ...created] : created,
    });
    if (outcome !== 'unchanged') plan.writes.push(write);
  }

  await keepAnActiveHrAdmin(plan, people);
  plan.departmentsToCreate = [...toCreate].map(([nameKey, name]) => ({
    name,
    nameKey,
    kind: kindClaims.get(nameKey)?.kind ?? 'operational',
  }));
  plan.kindChanges = departments.flatMap((department) => {
    const to = kindClaims.get(department.nameKey)?.kind;
    return to && to !== department.kind
      ? [{ name: department.name, nameKey: department.nameKey, from: department.kind, to }]
      : [];
  });
  plan.servesOthers =
    departments.some(
      (department) =>
        !department.archivedAt &&
        (kindClaims.get(department.nameKey)?.kind ?? department.kind) === 'support',
    ) || plan.departmentsToCreate.some((department) => department.kind === 'support');
  for (const row of plan.rows) plan.counts[row.outcome]++;
  return plan;
}

async function findPeople(emailKeys: string[]): Promise<Map<string, KnownPerson>> {
  const found = new Map<string, KnownPerson>();
  // In slices, so a 10,000-row file does not become one enormous query.
  for (let start = 0; start < emailKeys.length; start += 1000) {
    const slice = emailKeys.slice(start, start + 1000);
    const people = await PersonModel.find({ emailKey: { $in: slice } }).lean();
    for (const person of people) found.set(person.emailKey, person);
  }
  return found;
}

function changesOf(
  before: KnownPerson,
  after: PlannedPerson,
  departmentNameById: Map<string, string>,
  toCreate: Map<string, string>,
  departmentByKey: Map<string, { name: string }>,
): string[] {
  const names: DepartmentNames = {
    ofKey: (key) => departmentByKey.get(key)?.name ?? toCreate.get(key) ?? key,
    ofId: (id) => departmentNameById.get(String(id)) ?? '?',
  };
  return columnList.flatMap(([key, { person: facet }]) => {
    const planned = after[key as keyof PlannedPerson];
    return facet && planned !== undefined ? facet.changes(before, planned, names) : [];
  });
}

/**
 * Without an active HR admin nobody could manage Innerloop again. When the file would remove the
 * last ones, the rows that remove them are refused; the rest of the file still imports.
 */
async function keepAnActiveHrAdmin(
  plan: RosterPlan,
  people: Map<string, KnownPerson>,
): Promise<void> {
  const demotions = plan.writes.filter((write) => {
    const before = people.get(write.emailKey);
    return before?.hrAdmin && before.active && !(write.person.hrAdmin && write.person.active);
  });
  if (demotions.length === 0) return;
  if (plan.writes.some((write) => write.person.hrAdmin && write.person.active)) return;
  const remaining = await PersonModel.countDocuments({
    hrAdmin: true,
    active: true,
    _id: { $nin: demotions.flatMap((write) => (write.personId ? [write.personId] : [])) },
  });
  if (remaining > 0) return;
  const refused = new Set(demotions.map((write) => write.line));
  plan.writes = plan.writes.filter((write) => !refused.has(write.line));
  for (const row of plan.rows) {
    if (!refused.has(row.line)) continue;
    row.outcome = 'error';
    row.details = [message('people:import.rows.lastHrAdmin', { line: row.line })];
  }
}
