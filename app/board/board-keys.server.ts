import { isValidObjectId, type Types } from 'mongoose';

import { DepartmentModel, newBoardKey } from '../../models/department.server';

// New departments get a board key from the schema's default. Departments stored before the key
// existed (or written around mongoose) get one here: all at start-up, or one at first use.

/** Gives every department without a board key its own. Returns how many were given one. */
export async function ensureBoardKeys(): Promise<number> {
  const missing = await DepartmentModel.find({ boardKey: null }, { _id: 1 }).lean();
  let given = 0;
  for (const { _id } of missing) {
    if (await giveKey(_id)) given++;
  }
  return given;
}

// A department keeps the key it was given (giveKey only sets a missing one), so a key once read
// is kept: every thank-you page needs one.
const knownKeys = new Map<string, string>();

/** The department's board key, giving it one first if it has none; null for no department. */
export async function boardKeyOf(departmentId: Types.ObjectId | string): Promise<string | null> {
  if (!isValidObjectId(departmentId)) return null;
  const known = knownKeys.get(String(departmentId));
  if (known) return known;
  const department = await DepartmentModel.findById(departmentId, { boardKey: 1 }).lean();
  if (!department) return null;
  if (!department.boardKey) await giveKey(department._id);
  const key = department.boardKey || (await keyStored(department._id));
  if (key) {
    if (knownKeys.size > 10_000) knownKeys.clear();
    knownKeys.set(String(departmentId), key);
  }
  return key;
}

/** The board keys of several departments (e.g. everyone an invitation round reaches), by id. */
export async function boardKeysOf(
  departmentIds: readonly (Types.ObjectId | string)[],
): Promise<Map<string, string>> {
  const departments = await DepartmentModel.find(
    { _id: { $in: departmentIds } },
    { boardKey: 1 },
  ).lean();
  const keys = new Map<string, string>();
  for (const department of departments) {
    const key = department.boardKey || (await boardKeyOf(department._id));
    if (key) keys.set(String(department._id), key);
  }
  return keys;
}

// Conditional, so two processes giving a key at once agree on the one stored first.
async function giveKey(departmentId: Types.ObjectId): Promise<boolean> {
  const result = await DepartmentModel.updateOne(
    { _id: departmentId, boardKey: null },
    { $set: { boardKey: newBoardKey() } },
  );
  return result.modifiedCount === 1;
}

async function keyStored(departmentId: Types.ObjectId): Promise<string | null> {
  const department = await DepartmentModel.findById(departmentId, { boardKey: 1 }).lean();
  return department?.boardKey || null;
}
