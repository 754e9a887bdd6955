import { isValidObjectId, type Types } from 'mongoose';

import { type Department, DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import type { DepartmentKind } from '../../models/vocabulary';
import { message } from '../utils/message';
import type { FieldErrors } from '../utils/submission';
import { inTreeOrder, subtreeOf } from './department-tree';
import { nameKeyOf } from './schemas';

export interface DepartmentRow {
  id: string;
  name: string;
  kind: DepartmentKind;
  parentId: string | null;
  archived: boolean;
  depth: number;
  /** Active people whose department this is. */
  peopleCount: number;
}

export type DepartmentChange =
  { ok: true; departmentId: string } | { ok: false; errors: FieldErrors };

/** Every department, archived ones included, in tree order with its active head-count. */
export async function listDepartments(): Promise<DepartmentRow[]> {
  const [departments, counts] = await Promise.all([
    DepartmentModel.find().select('name kind parentId archivedAt').lean(),
    PersonModel.aggregate<{ _id: Types.ObjectId; count: number }>([
      { $match: { active: true } },
      { $group: { _id: '$departmentId', count: { $sum: 1 } } },
    ]),
  ]);
  const countById = new Map(counts.map(({ _id, count }) => [String(_id), count]));
  return inTreeOrder(
    departments.map((department) => ({
      id: String(department._id),
      name: department.name,
      kind: department.kind,
      parentId: department.parentId ? String(department.parentId) : null,
      archived: department.archivedAt !== null,
      peopleCount: countById.get(String(department._id)) ?? 0,
    })),
  );
}

/**
 * Live departments in tree order, for pickers; archived ones only appear in filters, or here
 * when listed in `keep` (a person's own department stays selectable after it is archived).
 */
export async function departmentChoices(
  keep: string[] = [],
): Promise<{ id: string; name: string; depth: number; archived: boolean }[]> {
  const departments = await listDepartments();
  return departments
    .filter((department) => !department.archived || keep.includes(department.id))
    .map(({ id, name, depth, archived }) => ({ id, name, depth, archived }));
}

export async function createDepartment(input: {
  name: string;
  kind: DepartmentKind;
  parentId?: string;
}): Promise<DepartmentChange> {
  if (input.parentId) {
    const parent = await findDepartment(input.parentId);
    const problem = parentProblem(parent);
    if (problem) return refuse('parentId', problem);
  }
  const nameTaken = await nameProblem(input.name);
  if (nameTaken) return refuse('name', nameTaken);
  try {
    const created = await DepartmentModel.create({
      name: input.name,
      nameKey: nameKeyOf(input.name),
      kind: input.kind,
      parentId: input.parentId ?? null,
    });
    return { ok: true, departmentId: String(created._id) };
  } catch (error) {
    // Someone created the same name a moment ago: the unique index had the last word.
    if (isDuplicateKey(error)) return refuse('name', 'people:errors.departmentNameTaken');
    throw error;
  }
}

/** Renames a department and sets its kind. */
export async function renameDepartment(input: {
  departmentId: string;
  name: string;
  kind: DepartmentKind;
}): Promise<DepartmentChange> {
  const department = await findDepartment(input.departmentId);
  if (!department) return gone();
  const nameTaken = await nameProblem(input.name, department._id);
  if (nameTaken) return refuse('name', nameTaken);
  try {
    await DepartmentModel.updateOne(
      { _id: department._id },
      { $set: { name: input.name, nameKey: nameKeyOf(input.name), kind: input.kind } },
    );
  } catch (error) {
    if (isDuplicateKey(error)) return refuse('name', 'people:errors.departmentNameTaken');
    throw error;
  }
  return { ok: true, departmentId: input.departmentId };
}

/** Moves a department (with everything under it) under another one, or to the top level. */
export async function moveDepartment(input: {
  departmentId: string;
  parentId?: string;
}): Promise<DepartmentChange> {
  const department = await findDepartment(input.departmentId);
  if (!department) return gone();
  if (input.parentId) {
    const all = await DepartmentModel.find().select('name parentId').lean();
    const tree = all.map((item) => ({
      id: String(item._id),
      name: item.name,
      parentId: item.parentId ? String(item.parentId) : null,
    }));
    // Under itself or a descendant, the department would become its own ancestor.
    if (subtreeOf(tree, input.departmentId).has(input.parentId)) {
      return refuse(
        'parentId',
        input.parentId === input.departmentId
          ? 'people:errors.underItself'
          : message('people:errors.underOwnChild', { name: department.name }),
      );
    }
    const problem = parentProblem(await findDepartment(input.parentId));
    if (problem) return refuse('parentId', problem);
  }
  await DepartmentModel.updateOne(
    { _id: department._id },
    { $set: { parentId: input.parentId ?? null } },
  );
  return { ok: true, departmentId: input.departmentId };
}

/**
 * Archives a department: it leaves the pickers, but keeps its id, its people and every result
 * recorded under it, so history stays reportable.
 */
export async function archiveDepartment(departmentId: string): Promise<DepartmentChange> {
  const department = await findDepartment(departmentId);
  if (!department) return gone();
  const liveChildren = await DepartmentModel.find({ parentId: department._id, archivedAt: null })
    .select('name')
    .lean();
  if (liveChildren.length > 0) {
    const names = liveChildren.map((child) => child.name).sort();
    return refuse(
      'form',
      message('people:errors.archiveChildrenFirst', {
        name: department.name,
        children: names.join(', '),
      }),
    );
  }
  await DepartmentModel.updateOne(
    { _id: department._id, archivedAt: null },
    { $set: { archivedAt: new Date() } },
  );
  return { ok: true, departmentId };
}

export async function restoreDepartment(departmentId: string): Promise<DepartmentChange> {
  const department = await findDepartment(departmentId);
  if (!department) return gone();
  if (department.parentId) {
    const parent = await DepartmentModel.findById(department.parentId)
      .select('name archivedAt')
      .lean();
    if (parent?.archivedAt) {
      return refuse(
        'form',
        message('people:errors.restoreParentFirst', {
          parent: parent.name,
          name: department.name,
        }),
      );
    }
  }
  await DepartmentModel.updateOne({ _id: department._id }, { $set: { archivedAt: null } });
  return { ok: true, departmentId };
}

async function findDepartment(id: string) {
  if (!isValidObjectId(id)) return null;
  return DepartmentModel.findById(id).select('name parentId archivedAt').lean();
}

function parentProblem(parent: Pick<Department, 'name' | 'archivedAt'> | null): string | undefined {
  if (!parent) return 'people:errors.parentGone';
  if (parent.archivedAt) return message('people:errors.departmentArchived', { name: parent.name });
  return undefined;
}

async function nameProblem(name: string, except?: Types.ObjectId): Promise<string | undefined> {
  const same = await DepartmentModel.findOne({ nameKey: nameKeyOf(name) })
    .select('archivedAt')
    .lean();
  if (!same || (except && same._id.equals(except))) return undefined;
  return same.archivedAt
    ? 'people:errors.departmentNameArchived'
    : 'people:errors.departmentNameTaken';
}

function refuse(field: string, message: string): DepartmentChange {
  return { ok: false, errors: { [field]: [message] } };
}

function gone(): DepartmentChange {
  return refuse('form', 'people:errors.departmentGone');
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
