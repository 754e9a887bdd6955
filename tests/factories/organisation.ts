import { randomBytes } from 'node:crypto';

import type { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import type { DepartmentKind, LanguageCode } from '../../models/vocabulary';

// Small factories: each test says what matters to it and takes defaults for the rest.

let counter = 0;
// End-to-end test files share one database, each with its own copy of this module: the tag keeps
// their default e-mail addresses (which are unique) apart.
const run = randomBytes(3).toString('hex');

export async function makeDepartment(
  name: string,
  options: { kind?: DepartmentKind; parentId?: Types.ObjectId | null; archived?: boolean } = {},
) {
  const department = new DepartmentModel({
    name,
    nameKey: name.toLowerCase(),
    kind: options.kind ?? 'operational',
    parentId: options.parentId ?? null,
    archivedAt: options.archived ? new Date() : null,
  });
  // save() rather than create(): mongoose's types make create() possibly null.
  return department.save();
}

export async function makePerson(options: {
  name?: string;
  email?: string;
  departmentId: Types.ObjectId;
  language?: LanguageCode;
  hrAdmin?: boolean;
  leaderOf?: Types.ObjectId[];
  active?: boolean;
}) {
  counter += 1;
  const email = options.email ?? `person${counter}-${run}@example.com`;
  const person = new PersonModel({
    name: options.name ?? `Person ${counter}`,
    email,
    emailKey: email.toLowerCase(),
    departmentId: options.departmentId,
    language: options.language ?? 'en',
    hrAdmin: options.hrAdmin ?? false,
    leaderOf: options.leaderOf ?? [],
    active: options.active ?? true,
  });
  return person.save();
}
