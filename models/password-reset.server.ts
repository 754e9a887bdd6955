import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A password-reset link that was e-mailed. Only the SHA-256 of its token is stored; usedAt is set
 * in the same update that accepts the token, so a link works once.
 */
const passwordResetSchema = new Schema({
  tokenHash: { type: String, required: true },
  personId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
  createdAt: { type: Date, required: true, default: () => new Date() },
  expiresAt: { type: Date, required: true },
  usedAt: { type: Date, default: null },
});

passwordResetSchema.index({ tokenHash: 1 }, { unique: true });
passwordResetSchema.index({ personId: 1 });
passwordResetSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type PasswordReset = InferSchemaType<typeof passwordResetSchema> & {
  _id: mongoose.Types.ObjectId;
};

export const PasswordResetModel =
  (mongoose.models.PasswordReset as mongoose.Model<PasswordReset> | undefined) ??
  mongoose.model<PasswordReset>('PasswordReset', passwordResetSchema);
