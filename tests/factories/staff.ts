import { randomUUID } from 'node:crypto';

import type { Types } from 'mongoose';

import { hashPassword } from '../../app/auth/password.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import type { DepartmentKind } from '../../models/vocabulary';

/** A department with a unique name; pass parentId to put it under another. */
export async function createDepartment(
  fields: { name?: string; kind?: DepartmentKind; parentId?: Types.ObjectId | null } = {},
) {
  const name = fields.name ?? `Department ${randomUUID().slice(0, 8)}`;
  return DepartmentModel.create({
    name,
    nameKey: name.toLowerCase(),
    kind: fields.kind ?? 'operational',
    parentId: fields.parentId ?? null,
  });
}

export interface PersonFields {
  name?: string;
  email?: string;
  departmentId?: Types.ObjectId;
  hrAdmin?: boolean;
  leaderOf?: Types.ObjectId[];
  active?: boolean;
  /** Stored as a scrypt hash; omit for a person who cannot sign in. */
  password?: string;
}

/** A person on the roster; staff powers and a password only when asked for. */
export async function createPerson(fields: PersonFields = {}) {
  const email = fields.email ?? `person-${randomUUID().slice(0, 8)}@example.com`;
  const departmentId = fields.departmentId ?? (await createDepartment())._id;
  return PersonModel.create({
    name: fields.name ?? 'Pat Example',
    email,
    emailKey: email.toLowerCase(),
    departmentId,
    hrAdmin: fields.hrAdmin ?? false,
    leaderOf: fields.leaderOf ?? [],
    active: fields.active ?? true,
    passwordHash: fields.password ? await hashPassword(fields.password) : null,
  });
}
