import mongoose, { type InferSchemaType, Schema } from 'mongoose';

import { departmentKinds, rosterImportStatuses } from './vocabulary';

/**
 * One roster upload, from preview to result. The uploaded text waits here between preview and
 * confirm. While the import is applied this document is its progress and its lock; it records
 * the people and departments it creates, and RosterImportChange the prior state of the people
 * it updates, so a failure can be undone (app/people/roster-apply.server.ts).
 */
const rosterImportSchema = new Schema(
  {
    fileName: { type: String, required: true, maxlength: 255 },
    // Decoded CSV text (at most the 5 MB upload limit); dropped once the import is done.
    csv: { type: String, default: null, select: false },
    createDepartments: { type: Boolean, default: false },
    createdBy: { type: Schema.Types.ObjectId, ref: 'Person', default: null },
    status: { type: String, enum: rosterImportStatuses, required: true, default: 'draft' },
    // Set only while applying; the unique sparse index lets one import apply at a time.
    lock: { type: String, default: undefined },
    progress: {
      done: { type: Number, default: 0 },
      total: { type: Number, default: 0 },
    },
    summary: {
      created: { type: Number, default: 0 },
      updated: { type: Number, default: 0 },
      unchanged: { type: Number, default: 0 },
      skipped: { type: Number, default: 0 },
      departmentsCreated: { type: Number, default: 0 },
    },
    // Written before the departments and people are inserted, so an undo knows what to remove.
    createdDepartmentIds: { type: [Schema.Types.ObjectId], default: [] },
    createdPersonIds: { type: [Schema.Types.ObjectId], default: [], select: false },
    // The kinds of existing departments as they were before the import changed them.
    departmentKindsBefore: {
      type: [
        new Schema(
          {
            departmentId: { type: Schema.Types.ObjectId, required: true },
            kind: { type: String, enum: departmentKinds, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    // Refreshed after every batch: an 'applying' import whose heartbeat stopped was interrupted.
    heartbeatAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    error: { type: String, default: null },
    // Drafts nobody confirmed, and finished imports after a while, are removed by the TTL index.
    expiresAt: { type: Date, default: null },
  },
  { timestamps: true },
);

rosterImportSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
rosterImportSchema.index({ lock: 1 }, { unique: true, sparse: true });
rosterImportSchema.index({ status: 1 });

export type RosterImport = InferSchemaType<typeof rosterImportSchema> & {
  _id: mongoose.Types.ObjectId;
};

export const RosterImportModel =
  (mongoose.models.RosterImport as mongoose.Model<RosterImport> | undefined) ??
  mongoose.model<RosterImport>('RosterImport', rosterImportSchema);
