import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { hashPassword } from './password.server';
import type { FirstAdmin } from './schemas';

/** The department the first HR admin joins when the organisation has none yet. */
const firstDepartment = { name: 'People & Culture', kind: 'support' } as const;

/** Whether anyone has ever been made HR admin; deactivated admins count, so setup stays closed. */
export async function hasHrAdmin(): Promise<boolean> {
  return (await PersonModel.exists({ hrAdmin: true })) !== null;
}

/** Whether /setup still takes the first HR admin: the public pages and the start-up log say so. */
export async function setupOpen(): Promise<boolean> {
  return !(await hasHrAdmin());
}

export type FirstAdminResult =
  { ok: true; personId: string; departmentName: string } | { ok: false; reason: 'admin-exists' };

/**
 * Makes the first HR admin of a fresh installation, and the department they belong to. Refuses
 * once any HR admin exists: from then on HR admins manage the roster themselves. A person
 * already on the roster with that email is promoted rather than duplicated.
 */
export async function createFirstAdmin({
  name,
  email,
  password,
}: FirstAdmin): Promise<FirstAdminResult> {
  if (await hasHrAdmin()) return { ok: false, reason: 'admin-exists' };
  const passwordHash = await hashPassword(password);
  const department = await homeDepartment();
  const emailKey = email.trim().toLowerCase();
  const person = await PersonModel.findOneAndUpdate(
    { emailKey },
    {
      $set: { hrAdmin: true, active: true, passwordHash },
      $setOnInsert: { name, email: email.trim(), emailKey, departmentId: department._id },
    },
    { upsert: true, returnDocument: 'after', projection: { _id: 1 } },
  ).lean();
  if (!person) throw new Error('The first HR admin could not be stored');
  return { ok: true, personId: String(person._id), departmentName: department.name };
}

/** People & Culture if it exists, else the oldest top-level department, else a new one. */
async function homeDepartment() {
  const peopleTeam = await DepartmentModel.findOne({
    nameKey: firstDepartment.name.toLowerCase(),
    archivedAt: null,
  }).lean();
  if (peopleTeam) return peopleTeam;
  const topLevel = await DepartmentModel.findOne({ parentId: null, archivedAt: null })
    .sort({ createdAt: 1 })
    .lean();
  if (topLevel) return topLevel;
  const created = await DepartmentModel.create({
    ...firstDepartment,
    nameKey: firstDepartment.name.toLowerCase(),
  });
  return created.toObject();
}
