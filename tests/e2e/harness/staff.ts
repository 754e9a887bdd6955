import { randomUUID } from 'node:crypto';

import mongoose from 'mongoose';

import { hashPassword } from '../../../app/auth/password.server';
import { createSessionCookie, createSessionRecord } from '../../../app/utils/session.server';
import { DepartmentModel } from '../../../models/department.server';
import { PersonModel } from '../../../models/person.server';
import { StaffSessionModel } from '../../../models/staff-session.server';

export type StaffRole = 'hr-admin' | 'leader';

export interface StaffUser {
  name: string;
  email: string;
  password: string;
  /** A signed session cookie for this person, to put into a browser context. */
  sessionCookie(): Promise<{ name: string; value: string }>;
  /** Removes the person, their department and every session of theirs. */
  remove(): Promise<void>;
}

/** Connects this test file's mongoose to the app's database (once). */
export async function connectToAppDatabase(uri: string): Promise<void> {
  if (!uri) throw new Error('The e2e fixtures need the app database: set E2E_DATABASE_URI');
  if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) return;
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
}

/**
 * A staff member made directly in the app's database, in a department of their own, with a
 * known password. Names are unique per call, so tests never meet each other's data.
 */
export async function createStaffUser(role: StaffRole, secret: string): Promise<StaffUser> {
  const tag = randomUUID().slice(0, 8);
  const department = await DepartmentModel.create({
    name: `E2E ${tag}`,
    nameKey: `e2e ${tag}`,
    kind: 'operational',
  });
  const name = role === 'hr-admin' ? `Hana ${tag}` : `Leo ${tag}`;
  const email = `e2e-${tag}@example.com`;
  const password = `e2e password ${tag}`;
  const person = await PersonModel.create({
    name,
    email,
    emailKey: email,
    departmentId: department._id,
    hrAdmin: role === 'hr-admin',
    leaderOf: role === 'leader' ? [department._id] : [],
    passwordHash: await hashPassword(password),
  });
  // The app's own cookie settings; the browser context is told the attributes separately.
  const cookie = createSessionCookie({ secrets: [secret], secure: false });
  return {
    name,
    email,
    password,
    async sessionCookie() {
      const header = await cookie.serialize(await createSessionRecord(person._id));
      const [pair = ''] = header.split(';', 1);
      const separator = pair.indexOf('=');
      return { name: pair.slice(0, separator), value: pair.slice(separator + 1) };
    },
    async remove() {
      await StaffSessionModel.deleteMany({ personId: person._id });
      await PersonModel.deleteOne({ _id: person._id });
      await DepartmentModel.deleteOne({ _id: department._id });
    },
  };
}
