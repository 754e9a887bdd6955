import { randomBytes } from 'node:crypto';

import mongoose, { type InferSchemaType, Schema } from 'mongoose';

import { departmentKinds } from './vocabulary';

/**
 * The public key of a department's "You said, we did" board (/board/<key>): 128 random bits,
 * URL-safe, like a cycle's open link, so one department's board cannot be found from another's.
 */
export function newBoardKey(): string {
  return randomBytes(16).toString('base64url');
}

const departmentSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 120 },
    // Lower-cased name: department names are unique without regard to case among live ones.
    nameKey: { type: String, required: true },
    kind: { type: String, enum: departmentKinds, required: true },
    parentId: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    // Archived departments keep their id so every result recorded under them stays reportable.
    archivedAt: { type: Date, default: null },
    // The public key of the department's "You said, we did" board (/board/<boardKey>), linked
    // from invitations and the thank-you page. Departments made before it existed get one from
    // ensureBoardKeys (app/board/board-keys.server.ts), hence the sparse index.
    boardKey: { type: String, default: () => newBoardKey() },
  },
  { timestamps: true },
);

departmentSchema.index({ nameKey: 1 }, { unique: true });
departmentSchema.index({ parentId: 1 });
departmentSchema.index({ boardKey: 1 }, { unique: true, sparse: true });

export type Department = InferSchemaType<typeof departmentSchema> & {
  _id: mongoose.Types.ObjectId;
};

export const DepartmentModel =
  (mongoose.models.Department as mongoose.Model<Department> | undefined) ??
  mongoose.model<Department>('Department', departmentSchema);
