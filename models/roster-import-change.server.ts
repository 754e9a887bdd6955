import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * The undo record of a roster import being applied: the prior state of each person it updates,
 * written before the person is changed. MongoDB transactions are not available on every engine
 * Innerloop runs on, so a failed import is undone from here. Removed once the import is done.
 */
const rosterImportChangeSchema = new Schema({
  importId: { type: Schema.Types.ObjectId, ref: 'RosterImport', required: true },
  personId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
  // Exactly the fields the import writes to the person, as they were: kept as given (not cast to
  // a list of fields here), so a field a new roster column writes cannot be dropped from it.
  before: { type: Schema.Types.Mixed, required: true },
  // The fields it writes that the person did not have: the undo removes them again.
  absent: { type: [String], default: [] },
});

rosterImportChangeSchema.index({ importId: 1, _id: 1 });

export type RosterImportChange = Omit<
  InferSchemaType<typeof rosterImportChangeSchema>,
  'before'
> & {
  _id: mongoose.Types.ObjectId;
  before: Record<string, unknown>;
};

export const RosterImportChangeModel =
  (mongoose.models.RosterImportChange as mongoose.Model<RosterImportChange> | undefined) ??
  mongoose.model<RosterImportChange>('RosterImportChange', rosterImportChangeSchema);
