import { describe, expect, it } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { createDepartment, createPerson } from '../../tests/factories/staff';
import { setupTestDatabase } from '../../tests/support/test-database';
import { createFirstAdmin, hasHrAdmin } from './first-admin.server';
import { verifyPassword } from './password.server';

setupTestDatabase('first-admin');

const ana = { name: 'Ana Lima', email: 'Ana@Example.com', password: 'first admin password' };

describe('createFirstAdmin', () => {
  it('creates the HR admin and a People & Culture department on an empty database', async () => {
    expect(await hasHrAdmin()).toBe(false);
    const result = await createFirstAdmin(ana);
    expect(result).toMatchObject({ ok: true, departmentName: 'People & Culture' });
    const departments = await DepartmentModel.find().lean();
    expect(departments).toHaveLength(1);
    expect(departments[0]).toMatchObject({
      name: 'People & Culture',
      kind: 'support',
      parentId: null,
    });
    const person = await PersonModel.findOne().select('+passwordHash').lean();
    expect(person).toMatchObject({
      name: 'Ana Lima',
      email: 'Ana@Example.com',
      emailKey: 'ana@example.com',
      hrAdmin: true,
      active: true,
      departmentId: departments[0]?._id,
    });
    expect(await verifyPassword(ana.password, person?.passwordHash ?? '')).toBe(true);
    expect(await hasHrAdmin()).toBe(true);
  });

  it('refuses once an HR admin exists, and changes nothing', async () => {
    await createFirstAdmin(ana);
    const again = await createFirstAdmin({ ...ana, email: 'mallory@example.com' });
    expect(again).toEqual({ ok: false, reason: 'admin-exists' });
    expect(await PersonModel.countDocuments()).toBe(1);
    expect(await DepartmentModel.countDocuments()).toBe(1);
  });

  it('stays closed when the only HR admin has been deactivated', async () => {
    await createPerson({ hrAdmin: true, active: false });
    expect(await createFirstAdmin(ana)).toEqual({ ok: false, reason: 'admin-exists' });
  });

  it('joins an existing top-level department instead of adding one', async () => {
    const operations = await createDepartment({ name: 'Operations' });
    await createDepartment({ name: 'Kitchen', parentId: operations._id });
    const result = await createFirstAdmin(ana);
    expect(result).toMatchObject({ ok: true, departmentName: 'Operations' });
    expect(await DepartmentModel.countDocuments()).toBe(2);
  });

  it('promotes a person already on the roster rather than duplicating them', async () => {
    const existing = await createPerson({ name: 'Ana L.', email: 'ana@example.com' });
    const result = await createFirstAdmin(ana);
    expect(result).toMatchObject({ ok: true, personId: String(existing._id) });
    expect(await PersonModel.countDocuments()).toBe(1);
    expect(await PersonModel.findById(existing._id).lean()).toMatchObject({
      name: 'Ana L.',
      hrAdmin: true,
    });
  });
});
