import { describe, expect, it, vi } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { createDepartment, createPerson } from '../../tests/factories/staff';
import { setupTestDatabase } from '../../tests/support/test-database';
import {
  loadStaffUser,
  requireHrAdmin,
  requireScope,
  requireStaff,
  scopeOf,
  type StaffUser,
} from './permissions.server';
import { startStaffSession } from './session.server';

vi.stubEnv('SESSION_SECRET', 'permissions-test-secret-long-enough!');
setupTestDatabase('permissions');

async function signedInRequest(personId: unknown, at = '/insights?cycle=3'): Promise<Request> {
  const setCookie = await startStaffSession(
    new Request('http://localhost/login'),
    String(personId),
  );
  return new Request(`http://localhost${at}`, {
    headers: { Cookie: setCookie.split(';', 1)[0] ?? '' },
  });
}

/** What a throwing helper threw, for assertions on redirects and statuses. */
async function thrown(promise: Promise<unknown>): Promise<Response> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Response)) throw new Error(`Expected a Response, got ${String(error)}`);
  return error;
}

/** A → A1 → A1a, and B beside A. */
async function tree() {
  const a = await createDepartment({ name: 'Operations' });
  const a1 = await createDepartment({ name: 'Kitchen', parentId: a._id });
  const a1a = await createDepartment({ name: 'Pastry', parentId: a1._id });
  const b = await createDepartment({ name: 'Sales', kind: 'commercial' });
  return { a, a1, a1a, b };
}

describe('requireStaff', () => {
  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    const response = await thrown(
      requireStaff(new Request('http://localhost/insights?cycle=3&_data=routes%2F_staff')),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Finsights%3Fcycle%3D3');
  });

  it('returns the signed-in leader with the departments in their scope', async () => {
    const { a, a1, a1a, b } = await tree();
    const leader = await createPerson({ name: 'Lee Ader', leaderOf: [a1._id] });
    const user = await requireStaff(await signedInRequest(leader._id));
    expect(user).toMatchObject({
      id: String(leader._id),
      name: 'Lee Ader',
      email: leader.email,
      hrAdmin: false,
      leaderOf: [String(a1._id)],
    });
    expect(new Set(scopeOf(user))).toEqual(new Set([String(a1._id), String(a1a._id)]));
    expect(scopeOf(user)).not.toContain(String(a._id));
    expect(scopeOf(user)).not.toContain(String(b._id));
  });

  it('gives HR admins every department', async () => {
    const { a, a1, a1a, b } = await tree();
    const admin = await createPerson({ hrAdmin: true, departmentId: b._id });
    const user = await requireStaff(await signedInRequest(admin._id));
    expect(new Set(scopeOf(user))).toEqual(
      new Set([a, a1, a1a, b].map((department) => String(department._id))),
    );
  });

  it.each([
    ['deactivated', { active: false }],
    ['stripped of staff roles', { hrAdmin: false, leaderOf: [] }],
  ])('ends the access of someone %s on their next request', async (_case, change) => {
    const person = await createPerson({ hrAdmin: true });
    const request = await signedInRequest(person._id);
    await requireStaff(request);
    await PersonModel.updateOne({ _id: person._id }, change);
    const response = await thrown(requireStaff(request));
    expect(response.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
    expect(response.headers.get('Set-Cookie')).toMatch(/^innerloop_session=; Max-Age=0/);
    expect(await loadStaffUser(String(person._id))).toBeNull();
  });

  it('never treats an employee without staff roles as staff', async () => {
    const employee = await createPerson();
    const response = await thrown(requireStaff(await signedInRequest(employee._id)));
    expect(response.status).toBe(302);
  });
});

describe('requireHrAdmin', () => {
  it('lets an HR admin through and answers a leader with 403', async () => {
    const { a } = await tree();
    const admin = await createPerson({ hrAdmin: true });
    const leader = await createPerson({ leaderOf: [a._id] });
    expect((await requireHrAdmin(await signedInRequest(admin._id))).hrAdmin).toBe(true);
    expect((await thrown(requireHrAdmin(await signedInRequest(leader._id)))).status).toBe(403);
  });
});

describe('requireScope', () => {
  function leaderOf(scope: string[]): StaffUser {
    return {
      id: 'x',
      name: 'L',
      email: 'l@x',
      hrAdmin: false,
      language: 'en',
      leaderOf: scope,
      scope,
    };
  }

  it('allows the departments a leader leads and those below, through the tree', async () => {
    const { a, a1, a1a, b } = await tree();
    const leader = await createPerson({ leaderOf: [a._id] });
    const user = await requireStaff(await signedInRequest(leader._id));
    for (const department of [a, a1, a1a])
      expect(() => requireScope(user, department._id)).not.toThrow();
    const refusal: unknown = (() => {
      try {
        requireScope(user, b._id);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(Response);
    expect(refusal).toHaveProperty('status', 403);
  });

  it('does not look up the tree: leading a sub-department gives nothing above it', () => {
    expect(() => requireScope(leaderOf(['child']), 'parent')).toThrow();
  });

  it('allows HR admins any department', () => {
    expect(() =>
      requireScope({ ...leaderOf([]), hrAdmin: true }, '65f000000000000000000000'),
    ).not.toThrow();
  });

  it('survives a cycle in the department tree', async () => {
    const { a, a1 } = await tree();
    await createDepartment({ name: 'Loop' });
    await DepartmentModel.updateOne({ _id: a._id }, { parentId: a1._id });
    const leader = await createPerson({ leaderOf: [a._id] });
    const user = await loadStaffUser(String(leader._id));
    expect(user?.scope.length).toBeGreaterThanOrEqual(2);
  });
});
