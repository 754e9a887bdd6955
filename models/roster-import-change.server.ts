import mongoose, { type InferSchemaType, Schema } from 'mongoose';

// The roster fields an import may change, as they were before it.
const personBeforeSchema = new Schema(
  {
    name: String,
    email: String,
    emailKey: String,
    departmentId: Schema.Types.ObjectId,
    language: String,
    hrAdmin: Boolean,
    leaderOf: [Schema.Types.ObjectId],
    active: Boolean,
  },
  { _id: false },
);

/**
 * The undo record of a roster import being applied: the prior state of each person it updates,
 * written before the person is changed. MongoDB transactions are not available on every engine
 * Innerloop runs on, so a failed import is undone from here. Removed once the import is done.
 */
const rosterImportChangeSchema = new Schema({
  importId: { type: Schema.Types.ObjectId, ref: 'RosterImport', required: true },
  personId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
  before: { type: personBeforeSchema, required: true },
});

rosterImportChangeSchema.index({ importId: 1, _id: 1 });

export type RosterImportChange = InferSchemaType<typeof rosterImportChangeSchema> & {
  _id: mongoose.Types.ObjectId;
};

export const RosterImportChangeModel =
  (mongoose.models.RosterImportChange as mongoose.Model<RosterImportChange> | undefined) ??
  mongoose.model<RosterImportChange>('RosterImportChange', rosterImportChangeSchema);
