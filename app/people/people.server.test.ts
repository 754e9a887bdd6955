import { describe, expect, it } from 'vitest';

import { PersonModel } from '../../models/person.server';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { message } from '../utils/message';
import { createPerson, getPerson, listPeople, pageSize, updatePerson } from './people.server';
import { type PersonInput, personSchema } from './schemas';

setupTestDatabase('people');

function input(departmentId: unknown, overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    name: 'Ingrid Solberg',
    email: 'ingrid.solberg@example.com',
    departmentId: String(departmentId),
    language: 'nb',
    leaderOf: [],
    hrAdmin: false,
    active: true,
    ...overrides,
  };
}

const query = { q: undefined, departmentId: undefined, status: 'active', page: 1 } as const;

describe('createPerson', () => {
  it('stores a person with a lower-cased email key', async () => {
    const hr = await makeDepartment('HR', { kind: 'support' });
    const result = await createPerson(input(hr._id, { email: 'Ingrid.Solberg@Example.com' }));
    expect(result.ok).toBe(true);
    const stored = await PersonModel.findOne().lean();
    expect(stored).toMatchObject({
      email: 'Ingrid.Solberg@Example.com',
      emailKey: 'ingrid.solberg@example.com',
      language: 'nb',
    });
  });

  it('refuses an email someone has already, whatever its case, as a field error', async () => {
    const hr = await makeDepartment('HR', { kind: 'support' });
    await makePerson({ email: 'ingrid.solberg@example.com', departmentId: hr._id });
    const result = await createPerson(input(hr._id, { email: 'INGRID.SOLBERG@example.com' }));
    expect(result).toEqual({
      ok: false,
      errors: { email: ['people:errors.emailTaken'] },
    });
    expect(await PersonModel.countDocuments()).toBe(1);
  });

  it('refuses a department that does not exist or is archived', async () => {
    const old = await makeDepartment('Old depot', { archived: true });
    const missing = await createPerson(input('0123456789abcdef01234567'));
    expect(missing).toMatchObject({
      ok: false,
      errors: { departmentId: ['people:errors.departmentNotListed'] },
    });
    const archived = await createPerson(input(old._id, { leaderOf: [String(old._id)] }));
    expect(archived).toMatchObject({
      ok: false,
      errors: {
        departmentId: [message('people:errors.departmentArchived', { name: 'Old depot' })],
        leaderOf: [message('people:errors.leaderOfArchived', { name: 'Old depot' })],
      },
    });
    expect(await PersonModel.countDocuments()).toBe(0);
  });
});

describe('updatePerson', () => {
  it('changes roles and keeps an archived department the person already had', async () => {
    const depot = await makeDepartment('Depot', { archived: true });
    const it_ = await makeDepartment('IT', { kind: 'support' });
    const person = await makePerson({ departmentId: depot._id });
    const result = await updatePerson(
      String(person._id),
      input(depot._id, { leaderOf: [String(it_._id)], hrAdmin: true }),
    );
    expect(result?.ok).toBe(true);
    expect(await getPerson(String(person._id))).toMatchObject({
      departmentId: String(depot._id),
      leaderOf: [String(it_._id)],
      hrAdmin: true,
    });
  });

  it('lets a person keep their own email in another case', async () => {
    const hr = await makeDepartment('HR');
    const person = await makePerson({ email: 'ann@example.com', departmentId: hr._id });
    const result = await updatePerson(
      String(person._id),
      input(hr._id, { email: 'Ann@Example.com' }),
    );
    expect(result?.ok).toBe(true);
  });

  it('refuses to take HR admin away from the last active HR admin', async () => {
    const hr = await makeDepartment('HR');
    const admin = await makePerson({ departmentId: hr._id, hrAdmin: true, email: 'a@example.com' });
    const result = await updatePerson(
      String(admin._id),
      input(hr._id, { email: 'a@example.com', hrAdmin: false }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: { hrAdmin: ['people:errors.lastHrAdmin'] },
    });
    await makePerson({ departmentId: hr._id, hrAdmin: true });
    const allowed = await updatePerson(
      String(admin._id),
      input(hr._id, { email: 'a@example.com', hrAdmin: false }),
    );
    expect(allowed?.ok).toBe(true);
  });

  it('answers null for a person that does not exist or a malformed id', async () => {
    const hr = await makeDepartment('HR');
    expect(await updatePerson('0123456789abcdef01234567', input(hr._id))).toBeNull();
    expect(await getPerson('nope')).toBeNull();
  });
});

describe('listPeople', () => {
  it('searches names and emails, filters by department and status, and pages', async () => {
    const kitchen = await makeDepartment('Kitchen');
    const sales = await makeDepartment('Sales', { kind: 'commercial' });
    await makePerson({ name: 'Søren Dahl', email: 'soren@example.com', departmentId: kitchen._id });
    await makePerson({
      name: 'Ana Costa',
      email: 'ana.costa@example.com',
      departmentId: sales._id,
      leaderOf: [sales._id, kitchen._id],
    });
    await makePerson({ name: 'Old Timer', departmentId: sales._id, active: false });

    const all = await listPeople(query);
    expect(all.people.map(({ name }) => name)).toEqual(['Ana Costa', 'Søren Dahl']);
    expect(all.people[0]).toMatchObject({
      department: 'Sales',
      roles: [message('people:roles.leaderOf', { departments: 'Kitchen, Sales' })],
    });

    expect((await listPeople({ ...query, q: 'COSTA' })).people).toHaveLength(1);
    expect((await listPeople({ ...query, q: 'soren@' })).people).toHaveLength(1);
    expect((await listPeople({ ...query, q: '(.*' })).people).toHaveLength(0);
    const inKitchen = await listPeople({ ...query, departmentId: String(kitchen._id) });
    expect(inKitchen.people.map(({ name }) => name)).toEqual(['Søren Dahl']);
    const inactive = await listPeople({ ...query, status: 'inactive' });
    expect(inactive.people.map(({ name }) => name)).toEqual(['Old Timer']);
  });

  it('splits a long roster into pages and clamps a page past the end', async () => {
    const floor = await makeDepartment('Service floor');
    await PersonModel.insertMany(
      Array.from({ length: pageSize + 5 }, (_, i) => ({
        name: `Person ${String(i).padStart(3, '0')}`,
        email: `p${i}@example.com`,
        emailKey: `p${i}@example.com`,
        departmentId: floor._id,
      })),
    );
    const second = await listPeople({ ...query, page: 2 });
    expect(second).toMatchObject({ total: pageSize + 5, page: 2, pageCount: 2 });
    expect(second.people).toHaveLength(5);
    expect((await listPeople({ ...query, page: 99 })).page).toBe(2);
  });
});

describe('personSchema', () => {
  it('explains each wrong field in plain words', () => {
    const result = personSchema.safeParse({
      name: ' ',
      email: 'not-an-email',
      departmentId: 'x',
      language: 'de',
    });
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors).toEqual({
      name: ['people:errors.nameMissing'],
      email: ['people:errors.emailInvalid'],
      departmentId: ['people:errors.departmentMissing'],
      language: ['people:errors.languageMissing'],
    });
  });
});
