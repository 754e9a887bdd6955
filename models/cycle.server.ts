import mongoose, { type InferSchemaType, Schema } from 'mongoose';

import { cycleStatuses } from './vocabulary';

/**
 * One occurrence of a recurring survey. The window and the questions asked are fixed when the
 * cycle is created, so later edits to the survey never change what a past cycle meant.
 */
const cycleSchema = new Schema(
  {
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
    number: { type: Number, required: true, min: 1 },
    opensAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    remindAt: { type: Date, default: null },
    status: { type: String, enum: cycleStatuses, default: 'scheduled' },
    questionIds: { type: [String], default: [] },
    providerDepartmentIds: { type: [Schema.Types.ObjectId], ref: 'Department', default: [] },
    // True for a cycle whose window had already passed when the scheduler got to it (the app
    // was down): it exists so numbering stays continuous, but it never opened or invited anyone.
    missed: { type: Boolean, default: false },
    // The public id of the open link (/k/<kioskId>); random, so links cannot be guessed.
    kioskId: { type: String, required: true },
    openedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    // When the reminder round was claimed by a scheduler; it runs once per cycle.
    remindersAt: { type: Date, default: null },
    // Bumped whenever this cycle's rollups are rebuilt, so figures cached from them are dropped.
    rollupsRevision: { type: Number, default: 0 },
    // People invited per department id, counted as invites are created, so participation never
    // has to scan invites. Absent on cycles invited before it existed: those count invites.
    invitedByDepartment: { type: Schema.Types.Mixed, default: undefined },
  },
  { timestamps: true },
);

// Two schedulers racing both try to insert cycle n: this index lets exactly one succeed.
cycleSchema.index({ surveyId: 1, number: 1 }, { unique: true });
cycleSchema.index({ kioskId: 1 }, { unique: true });
cycleSchema.index({ status: 1, opensAt: 1 });
cycleSchema.index({ status: 1, closesAt: 1 });

export type Cycle = InferSchemaType<typeof cycleSchema> & { _id: mongoose.Types.ObjectId };

export const CycleModel =
  (mongoose.models.Cycle as mongoose.Model<Cycle> | undefined) ??
  mongoose.model<Cycle>('Cycle', cycleSchema);
