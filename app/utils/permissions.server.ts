import { redirect } from '@remix-run/node';
import { isValidObjectId, type Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import type { LanguageCode } from '../../models/vocabulary';
import { hasHrAdmin } from '../auth/first-admin.server';
import { endStaffSession, getStaffSession } from './session.server';

/**
 * The one place that decides who may see and do what. Every loader and action calls one of
 * these before it touches data.
 */
export interface StaffUser {
  id: string;
  name: string;
  email: string;
  hrAdmin: boolean;
  /** The language they chose for staff pages and e-mails (their person record's preference). */
  language: LanguageCode;
  /** Departments this person leads, as listed on their record. */
  leaderOf: string[];
  /** Departments whose results they may see: every one for HR admins, else those they lead and everything below them. */
  scope: string[];
}

/**
 * The signed-in staff member. The person is read again on every request, so deactivating
 * someone or taking away their staff roles ends their access at once. Signed-out visitors are
 * sent to sign in and brought back afterwards.
 */
export async function requireStaff(request: Request): Promise<StaffUser> {
  const session = await getStaffSession(request);
  const user = session ? await loadStaffUser(session.personId) : null;
  if (user) return user;
  const login = `/login?${new URLSearchParams({ redirectTo: returnPath(request) })}`;
  if (!session) throw redirect(login);
  // A session of someone who is no longer staff: end it rather than keep checking it.
  throw redirect(login, { headers: { 'Set-Cookie': await endStaffSession(request) } });
}

/** The signed-in staff member, or null: for public pages that greet staff differently. */
export async function getStaffUser(request: Request): Promise<StaffUser | null> {
  const session = await getStaffSession(request);
  return session ? loadStaffUser(session.personId) : null;
}

/** An HR admin, or 403 for anyone else who is signed in. */
export async function requireHrAdmin(request: Request): Promise<StaffUser> {
  const user = await requireStaff(request);
  if (!user.hrAdmin) throw forbidden();
  return user;
}

/** 403 unless the department is within the user's scope (HR admins see every department). */
export function requireScope(user: StaffUser, departmentId: Types.ObjectId | string): void {
  if (user.hrAdmin) return;
  if (!user.scope.includes(String(departmentId))) throw forbidden();
}

/**
 * The first-run page is open to anyone, but only while no HR admin exists; afterwards it is
 * not there at all (404), so it reveals nothing about the installation.
 */
export async function requireSetupOpen(): Promise<void> {
  if (await hasHrAdmin()) throw notFound();
}

/** Ids of the departments whose results the user may see. */
export function scopeOf(user: StaffUser): string[] {
  return user.scope;
}

/** The staff member behind a person id, or null when they are inactive or hold no staff role. */
export async function loadStaffUser(personId: string): Promise<StaffUser | null> {
  if (!isValidObjectId(personId)) return null;
  const person = await PersonModel.findOne(
    { _id: personId, active: true },
    { name: 1, email: 1, hrAdmin: 1, leaderOf: 1, language: 1 },
  ).lean();
  if (!person) return null;
  const leaderOf = person.leaderOf.map(String);
  if (!person.hrAdmin && leaderOf.length === 0) return null;
  return {
    id: String(person._id),
    name: person.name,
    email: person.email,
    hrAdmin: person.hrAdmin,
    language: person.language,
    leaderOf,
    scope: await departmentsUnder(person.hrAdmin ? null : leaderOf),
  };
}

/**
 * The given departments and every department below them in the tree; null means all.
 * Departments are few (tens to hundreds), so reading the whole tree once is the simple way.
 */
async function departmentsUnder(roots: string[] | null): Promise<string[]> {
  const departments = await DepartmentModel.find({}, { parentId: 1 }).lean();
  if (roots === null) return departments.map((department) => String(department._id));
  const children = new Map<string, string[]>();
  for (const department of departments) {
    if (!department.parentId) continue;
    const parent = String(department.parentId);
    children.set(parent, [...(children.get(parent) ?? []), String(department._id)]);
  }
  const known = new Set(departments.map((department) => String(department._id)));
  const scope = new Set<string>();
  const queue = roots.filter((id) => known.has(id));
  // The set doubles as a guard against a cycle in the tree.
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (scope.has(id)) continue;
    scope.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return [...scope];
}

/** Where to come back to after signing in: this page, without Remix's data-request parameters. */
function returnPath(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete('_data');
  url.searchParams.delete('index');
  return `${url.pathname}${url.search}`;
}

// How a refusal leaves the server: who may see what is refused by throwing `forbidden()` (403)
// or `notFound()` (404) from here, wherever the check is made (a route, or a domain module that
// checks access as requireScope does); an address that names nothing showable is thrown as
// `refuseAddress` (~/utils/form.server, 400); what a person typed in a form is returned as a
// result (`{ ok: false, errors }`) and answered with `refuseForm`. No module builds its own.

/** The one 403: the signed-in person may not see or change this; `why` says it for the page. */
export function forbidden(why = 'Forbidden'): Response {
  return new Response(why, { status: 403 });
}

/**
 * The one 404, for a record that is not there (or that the address names wrongly), which each
 * area's error page says in plain words; `what` names it for the API and logs.
 */
export function notFound(what = 'Not found'): Response {
  return new Response(what, { status: 404 });
}
