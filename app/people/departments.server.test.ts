import { describe, expect, it } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { departmentKinds, languageCodes } from '../../models/vocabulary';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { message } from '../utils/message';
import {
  archiveDepartment,
  createDepartment,
  departmentChoices,
  listDepartments,
  moveDepartment,
  renameDepartment,
  restoreDepartment,
} from './departments.server';

setupTestDatabase('departments');

describe('the shared vocabulary', () => {
  it('gives the models the kinds and languages the forms offer', () => {
    expect(DepartmentModel.schema.path('kind').options.enum).toEqual(departmentKinds);
    expect(PersonModel.schema.path('language').options.enum).toEqual(languageCodes);
  });
});

describe('createDepartment', () => {
  it('creates a department under a parent', async () => {
    const operations = await makeDepartment('Operations');
    const result = await createDepartment({
      name: 'Kitchen',
      kind: 'operational',
      parentId: String(operations._id),
    });
    expect(result.ok).toBe(true);
    const rows = await listDepartments();
    expect(rows.map(({ name, depth }) => [name, depth])).toEqual([
      ['Operations', 0],
      ['Kitchen', 1],
    ]);
  });

  it('refuses a name that exists already, whatever its case', async () => {
    await makeDepartment('Sales', { kind: 'commercial' });
    const result = await createDepartment({ name: 'SALES', kind: 'commercial' });
    expect(result).toEqual({
      ok: false,
      errors: { name: ['people:errors.departmentNameTaken'] },
    });
    expect(await DepartmentModel.countDocuments()).toBe(1);
  });

  it('refuses an archived parent', async () => {
    const old = await makeDepartment('Old depot', { archived: true });
    const result = await createDepartment({
      name: 'Yard',
      kind: 'operational',
      parentId: String(old._id),
    });
    expect(result).toMatchObject({
      ok: false,
      errors: { parentId: [message('people:errors.departmentArchived', { name: 'Old depot' })] },
    });
  });
});

describe('renameDepartment', () => {
  it('renames and changes the kind, keeping the id', async () => {
    const it_ = await makeDepartment('IT');
    const result = await renameDepartment({
      departmentId: String(it_._id),
      name: 'Information technology',
      kind: 'support',
    });
    expect(result.ok).toBe(true);
    const stored = await DepartmentModel.findById(it_._id).lean();
    expect(stored).toMatchObject({
      name: 'Information technology',
      nameKey: 'information technology',
      kind: 'support',
    });
  });

  it('lets a department change only the case of its own name', async () => {
    const hr = await makeDepartment('Hr');
    const result = await renameDepartment({
      departmentId: String(hr._id),
      name: 'HR',
      kind: 'support',
    });
    expect(result.ok).toBe(true);
  });
});

describe('moveDepartment', () => {
  it('moves a department with its sub-departments', async () => {
    const operations = await makeDepartment('Operations');
    const kitchen = await makeDepartment('Kitchen', { parentId: operations._id });
    await makeDepartment('Pastry', { parentId: kitchen._id });
    const board = await makeDepartment('Executive board', { kind: 'executive' });
    const result = await moveDepartment({
      departmentId: String(operations._id),
      parentId: String(board._id),
    });
    expect(result.ok).toBe(true);
    const rows = await listDepartments();
    expect(rows.map(({ name, depth }) => `${'  '.repeat(depth)}${name}`)).toEqual([
      'Executive board',
      '  Operations',
      '    Kitchen',
      '      Pastry',
    ]);
  });

  it('refuses to put a department under itself or under a descendant', async () => {
    const operations = await makeDepartment('Operations');
    const kitchen = await makeDepartment('Kitchen', { parentId: operations._id });
    const pastry = await makeDepartment('Pastry', { parentId: kitchen._id });

    const underItself = await moveDepartment({
      departmentId: String(operations._id),
      parentId: String(operations._id),
    });
    expect(underItself).toEqual({
      ok: false,
      errors: { parentId: ['people:errors.underItself'] },
    });
    const underGrandchild = await moveDepartment({
      departmentId: String(operations._id),
      parentId: String(pastry._id),
    });
    expect(underGrandchild).toEqual({
      ok: false,
      errors: { parentId: [message('people:errors.underOwnChild', { name: 'Operations' })] },
    });
    expect((await DepartmentModel.findById(operations._id).lean())?.parentId).toBeNull();
  });

  it('moves a department to the top level', async () => {
    const operations = await makeDepartment('Operations');
    const kitchen = await makeDepartment('Kitchen', { parentId: operations._id });
    expect((await moveDepartment({ departmentId: String(kitchen._id) })).ok).toBe(true);
    expect((await DepartmentModel.findById(kitchen._id).lean())?.parentId).toBeNull();
  });
});

describe('archiveDepartment', () => {
  it('keeps the people and the id, hides it from pickers, shows it in the list', async () => {
    const depot = await makeDepartment('Depot');
    await makeDepartment('Finance', { kind: 'support' });
    const person = await makePerson({ departmentId: depot._id, leaderOf: [depot._id] });

    expect((await archiveDepartment(String(depot._id))).ok).toBe(true);

    const stored = await PersonModel.findById(person._id).lean();
    expect(String(stored?.departmentId)).toBe(String(depot._id));
    expect(stored?.leaderOf.map(String)).toEqual([String(depot._id)]);
    expect((await departmentChoices()).map(({ name }) => name)).toEqual(['Finance']);
    expect(await listDepartments()).toContainEqual(
      expect.objectContaining({ name: 'Depot', archived: true, peopleCount: 1 }),
    );
  });

  it('refuses while live departments sit under it, naming them', async () => {
    const operations = await makeDepartment('Operations');
    await makeDepartment('Kitchen', { parentId: operations._id });
    await makeDepartment('Old bar', { parentId: operations._id, archived: true });
    const result = await archiveDepartment(String(operations._id));
    expect(result).toEqual({
      ok: false,
      errors: {
        form: [
          message('people:errors.archiveChildrenFirst', {
            name: 'Operations',
            children: 'Kitchen',
          }),
        ],
      },
    });
  });

  it('restores an archived department unless its parent is archived too', async () => {
    const operations = await makeDepartment('Operations', { archived: true });
    const kitchen = await makeDepartment('Kitchen', { parentId: operations._id, archived: true });
    expect(await restoreDepartment(String(kitchen._id))).toMatchObject({
      ok: false,
      errors: {
        form: [
          message('people:errors.restoreParentFirst', { parent: 'Operations', name: 'Kitchen' }),
        ],
      },
    });
    expect((await restoreDepartment(String(operations._id))).ok).toBe(true);
    expect((await restoreDepartment(String(kitchen._id))).ok).toBe(true);
    expect(await DepartmentModel.countDocuments({ archivedAt: null })).toBe(2);
  });

  it('says a department that does not exist is gone', async () => {
    expect(await archiveDepartment('0123456789abcdef01234567')).toMatchObject({ ok: false });
    expect(await archiveDepartment('not-an-id')).toMatchObject({ ok: false });
  });
});
