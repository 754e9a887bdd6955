import type { Connection } from 'mongoose';
import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, expect } from 'vitest';

import type { Target } from './harness.js';
import { connectTarget, uniqueDbName } from './harness.js';

const departmentSchema = new Schema({
  name: { type: String, required: true, unique: true },
  code: { type: String, required: true },
});

const employeeSchema = new Schema(
  {
    email: { type: String, required: true, unique: true },
    name: { type: String, required: true, minlength: 2 },
    dept: { type: Schema.Types.ObjectId, ref: 'Department' },
    level: { type: Number, min: 1, max: 10, default: 1 },
  },
  { timestamps: true },
);

const membershipSchema = new Schema({ org: String, user: String, role: String });
membershipSchema.index({ org: 1, user: 1 }, { unique: true });

const responseSchema = new Schema(
  {
    dept: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    cycle: { type: String, required: true },
    score: { type: Number, min: 1, max: 5, required: true },
    submittedAt: { type: Date, required: true },
  },
  { timestamps: true },
);

const rollupSchema = new Schema({
  dept: { type: Schema.Types.ObjectId, ref: 'Department' },
  cycle: String,
  count: Number,
  sum: Number,
});
rollupSchema.index({ dept: 1, cycle: 1 }, { unique: true });

function models(c: Connection) {
  return {
    Department: c.model('Department', departmentSchema),
    Employee: c.model('Employee', employeeSchema),
    Membership: c.model('Membership', membershipSchema),
    Response: c.model('Response', responseSchema),
    Rollup: c.model('Rollup', rollupSchema),
  };
}

export type Models = ReturnType<typeof models>;

/** A mongoose connection to the target with the survey models, per test file; drops its database after. */
export function setupMongoose(fileUrl: string): () => Models {
  let target: Target | undefined;
  let conn: Connection | undefined;
  let m: Models | undefined;
  beforeAll(async () => {
    target = await connectTarget();
    conn = await mongoose
      .createConnection(target.uri, { dbName: uniqueDbName(fileUrl) })
      .asPromise();
    const built = models(conn);
    await Promise.all(Object.values(built).map((model) => model.init()));
    m = built;
  });
  afterAll(async () => {
    if (conn) {
      await conn.dropDatabase();
      await conn.close();
    }
    await target?.cleanup();
  });
  return () => {
    if (!m) throw new Error('mongoose models used outside a test');
    return m;
  };
}

export interface DriverLikeError {
  name?: string;
  code?: number;
  keyValue?: Record<string, unknown>;
  insertedCount?: number;
  writeErrors?: { index: number; code: number }[];
}

export async function rejection(action: Promise<unknown>): Promise<DriverLikeError> {
  const error = await action.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the operation to fail').toBeInstanceOf(Error);
  return error as DriverLikeError;
}
