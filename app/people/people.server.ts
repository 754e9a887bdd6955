import { isValidObjectId, type QueryFilter, Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { type Person, PersonModel } from '../../models/person.server';
import type { LanguageCode } from '../../models/vocabulary';
import { inviteNewStaff, rolesGiven } from '../auth/staff-invitation.server';
import { appUrl, getEnv } from '../utils/env.server';
import { createLogger } from '../utils/log.server';
import type { Mail } from '../utils/mail.server';
import { message } from '../utils/message';
import type { FieldErrors } from '../utils/submission';
import { isDuplicateKey } from './departments.server';
import { emailKeyOf, type PeopleQuery, type PersonInput } from './schemas';

export const pageSize = 50;

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  department: string;
  departmentArchived: boolean;
  /** Staff roles as messages (see ~/utils/message); every person is an employee as well. */
  roles: string[];
  language: LanguageCode;
  active: boolean;
}

export interface PeoplePage {
  people: PersonRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page of the roster, searched by name or email and filtered by department and status. */
export async function listPeople(query: PeopleQuery): Promise<PeoplePage> {
  const filter: QueryFilter<Person> = {};
  if (query.status !== 'all') filter.active = query.status === 'active';
  if (query.departmentId) filter.departmentId = new Types.ObjectId(query.departmentId);
  if (query.q) {
    const contains = new RegExp(escapeRegExp(query.q), 'i');
    filter.$or = [{ name: contains }, { emailKey: contains }];
  }
  const total = await PersonModel.countDocuments(filter);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const [people, departments] = await Promise.all([
    PersonModel.find(filter)
      .sort({ name: 1, _id: 1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .select('name email departmentId language hrAdmin leaderOf active')
      .lean(),
    DepartmentModel.find().select('name archivedAt').lean(),
  ]);
  const departmentById = new Map(departments.map((d) => [String(d._id), d]));
  // A department that is gone is named by a message key, which the page says in its words.
  const nameOf = (id: unknown) =>
    departmentById.get(String(id))?.name ?? 'people:roster.unknownDepartment';
  return {
    total,
    page,
    pageCount,
    people: people.map((person) => ({
      id: String(person._id),
      name: person.name,
      email: person.email,
      department: nameOf(person.departmentId),
      departmentArchived: Boolean(departmentById.get(String(person.departmentId))?.archivedAt),
      roles: [
        ...(person.hrAdmin ? ['people:roles.hrAdmin'] : []),
        ...(person.leaderOf.length > 0
          ? [
              message('people:roles.leaderOf', {
                departments: person.leaderOf.map(nameOf).sort().join(', '),
              }),
            ]
          : []),
      ],
      language: person.language,
      active: person.active,
    })),
  };
}

export interface PersonDetails {
  id: string;
  name: string;
  email: string;
  departmentId: string;
  language: LanguageCode;
  leaderOf: string[];
  hrAdmin: boolean;
  active: boolean;
}

/** A person as the edit form needs them; null when the id names nobody (or is no id at all). */
export async function getPerson(personId: string): Promise<PersonDetails | null> {
  if (!isValidObjectId(personId)) return null;
  const person = await PersonModel.findById(personId)
    .select('name email departmentId language leaderOf hrAdmin active')
    .lean();
  if (!person) return null;
  return {
    id: String(person._id),
    name: person.name,
    email: person.email,
    departmentId: String(person.departmentId),
    language: person.language,
    leaderOf: person.leaderOf.map(String),
    hrAdmin: person.hrAdmin,
    active: person.active,
  };
}

export type PersonChange =
  | {
      ok: true;
      personId: string;
      /** An invitation to choose a password was e-mailed. */ invited: boolean;
    }
  | { ok: false; errors: FieldErrors };

/** How a new staff member's invitation leaves; tests capture it. */
export interface InviteOptions {
  appUrl?: string;
  send?: (mail: Mail) => Promise<unknown>;
}

export async function createPerson(
  input: PersonInput,
  options: InviteOptions = {},
): Promise<PersonChange> {
  const errors = await problemsWith(input, null);
  if (errors) return { ok: false, errors };
  let personId: Types.ObjectId;
  try {
    personId = (await PersonModel.create(fieldsOf(input)))._id;
  } catch (error) {
    if (isDuplicateKey(error)) return { ok: false, errors: { email: [emailTaken] } };
    throw error;
  }
  const invited = await invite(personId, rolesGiven(null, input), options);
  return { ok: true, personId: String(personId), invited };
}

/** Saves the edit form; null when the person does not exist. */
export async function updatePerson(
  personId: string,
  input: PersonInput,
  options: InviteOptions = {},
): Promise<PersonChange | null> {
  const current = await getPerson(personId);
  if (!current) return null;
  const errors = await problemsWith(input, current);
  if (errors) return { ok: false, errors };
  try {
    await PersonModel.updateOne({ _id: personId }, { $set: fieldsOf(input) });
  } catch (error) {
    if (isDuplicateKey(error)) return { ok: false, errors: { email: [emailTaken] } };
    throw error;
  }
  const invited = await invite(personId, rolesGiven(current, input), options);
  return { ok: true, personId, invited };
}

/**
 * Invites someone newly given a staff role to choose a password. The person is saved whatever
 * happens to the mail: a mail server that is down must not undo a roster change, and HR can
 * send a reset from the sign-in page later.
 */
async function invite(
  personId: Types.ObjectId | string,
  roles: ReturnType<typeof rolesGiven>,
  options: InviteOptions,
): Promise<boolean> {
  if (roles.length === 0) return false;
  const env = getEnv();
  try {
    return await inviteNewStaff(personId, roles, {
      appUrl: options.appUrl ?? appUrl(env),
      send: options.send,
    });
  } catch (error) {
    // Only the error's code: messages from mail servers may quote the recipient.
    const code =
      error instanceof Error ? ('code' in error ? String(error.code) : error.name) : 'unknown';
    createLogger(env.LOG_LEVEL).error(`A staff invitation e-mail could not be sent (${code})`);
    return false;
  }
}

const emailTaken = 'people:errors.emailTaken';

function fieldsOf(input: PersonInput) {
  return {
    name: input.name,
    email: input.email,
    emailKey: emailKeyOf(input.email),
    departmentId: new Types.ObjectId(input.departmentId),
    language: input.language,
    leaderOf: [...new Set(input.leaderOf)].map((id) => new Types.ObjectId(id)),
    hrAdmin: input.hrAdmin,
    active: input.active,
  };
}

/** What the database knows that the form cannot: taken emails, archived departments, the last HR admin. */
async function problemsWith(
  input: PersonInput,
  current: PersonDetails | null,
): Promise<FieldErrors | undefined> {
  const errors: FieldErrors = {};
  const sameEmail = await PersonModel.findOne({ emailKey: emailKeyOf(input.email) })
    .select('_id')
    .lean();
  if (sameEmail && String(sameEmail._id) !== current?.id) errors.email = [emailTaken];

  const wanted = [...new Set([input.departmentId, ...input.leaderOf])];
  const departments = await DepartmentModel.find({ _id: { $in: wanted } })
    .select('name archivedAt')
    .lean();
  const byId = new Map(departments.map((d) => [String(d._id), d]));
  const department = byId.get(input.departmentId);
  if (!department) errors.departmentId = ['people:errors.departmentNotListed'];
  else if (department.archivedAt && input.departmentId !== current?.departmentId) {
    errors.departmentId = [message('people:errors.departmentArchived', { name: department.name })];
  }
  for (const id of input.leaderOf) {
    const led = byId.get(id);
    if (!led) errors.leaderOf = ['people:errors.leaderOfNotListed'];
    else if (led.archivedAt && !current?.leaderOf.includes(id)) {
      errors.leaderOf = [message('people:errors.leaderOfArchived', { name: led.name })];
    }
  }

  // Without an active HR admin nobody could manage the roster again.
  const wasActiveAdmin = current?.hrAdmin && current.active;
  if (wasActiveAdmin && !(input.hrAdmin && input.active)) {
    const otherAdmins = await PersonModel.countDocuments({
      hrAdmin: true,
      active: true,
      _id: { $ne: new Types.ObjectId(current.id) },
    });
    if (otherAdmins === 0) {
      errors[input.hrAdmin ? 'active' : 'hrAdmin'] = ['people:errors.lastHrAdmin'];
    }
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
