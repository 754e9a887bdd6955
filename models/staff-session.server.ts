import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A signed-in staff member. The cookie carries a random session id; only its SHA-256 is stored,
 * so a copy of the database signs nobody in.
 */
const staffSessionSchema = new Schema({
  idHash: { type: String, required: true },
  personId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
  createdAt: { type: Date, required: true, default: () => new Date() },
  expiresAt: { type: Date, required: true },
});

staffSessionSchema.index({ idHash: 1 }, { unique: true });
// Signing a person out everywhere (password reset, deactivation) finds their sessions by person.
staffSessionSchema.index({ personId: 1 });
// The database removes a session once it has expired; reads check expiresAt too, as removal lags.
staffSessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type StaffSession = InferSchemaType<typeof staffSessionSchema> & {
  _id: mongoose.Types.ObjectId;
};

export const StaffSessionModel =
  (mongoose.models.StaffSession as mongoose.Model<StaffSession> | undefined) ??
  mongoose.model<StaffSession>('StaffSession', staffSessionSchema);
