import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { makeDepartment } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { isBoardKeyShaped } from './board-key.server';
import { boardKeyOf, boardKeysOf, ensureBoardKeys } from './board-keys.server';

setupTestDatabase('board-keys');

/** A department stored before board keys existed. */
async function departmentWithoutKey(name: string) {
  const department = await makeDepartment(name);
  await DepartmentModel.collection.updateOne({ _id: department._id }, { $unset: { boardKey: 1 } });
  return department;
}

async function storedKey(id: unknown) {
  return (await DepartmentModel.findById(id, { boardKey: 1 }).lean())?.boardKey;
}

describe('board keys', () => {
  it('are given to new departments: random, URL-safe and different', async () => {
    const a = await makeDepartment('Kitchen');
    const b = await makeDepartment('Sales');
    const keyA = await storedKey(a._id);
    expect(isBoardKeyShaped(keyA ?? '')).toBe(true);
    expect(keyA).toMatch(/^[\w-]{22}$/);
    expect(keyA).not.toBe(await storedKey(b._id));
  });

  it('are given at start-up to departments that have none, keeping the ones that exist', async () => {
    const keyed = await makeDepartment('Kitchen');
    const kept = await storedKey(keyed._id);
    const old = await departmentWithoutKey('Sales');
    const older = await departmentWithoutKey('Finance');

    expect(await ensureBoardKeys()).toBe(2);
    expect(await storedKey(keyed._id)).toBe(kept);
    expect(await storedKey(old._id)).toMatch(/^[\w-]{22}$/);
    expect(await storedKey(old._id)).not.toBe(await storedKey(older._id));
    expect(await ensureBoardKeys()).toBe(0);
  });

  it('are given on first use, and the same key is read after', async () => {
    const old = await departmentWithoutKey('Sales');
    const first = await boardKeyOf(old._id);
    expect(first).toMatch(/^[\w-]{22}$/);
    expect(await boardKeyOf(old._id)).toBe(first);
    expect(await storedKey(old._id)).toBe(first);
    expect(await boardKeyOf(String(old._id))).toBe(first);
    expect(await boardKeyOf('not-an-id')).toBeNull();
    expect(await boardKeyOf(new Types.ObjectId())).toBeNull();
  });

  it('are looked up for several departments at once', async () => {
    const a = await makeDepartment('Kitchen');
    const b = await departmentWithoutKey('Sales');
    const keys = await boardKeysOf([a._id, b._id]);
    expect(keys.get(String(a._id))).toBe(await storedKey(a._id));
    expect(keys.get(String(b._id))).toBe(await storedKey(b._id));
    expect(keys.size).toBe(2);
  });

  it('are unique', async () => {
    const a = await makeDepartment('Kitchen');
    const b = await makeDepartment('Sales');
    await expect(
      DepartmentModel.updateOne({ _id: b._id }, { $set: { boardKey: await storedKey(a._id) } }),
    ).rejects.toMatchObject({ code: 11000 });
  });
});
