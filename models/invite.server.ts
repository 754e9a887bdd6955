import mongoose, { type InferSchemaType, Schema } from 'mongoose';

import { inviteDeliveries, languageCodes } from './vocabulary';

/**
 * One person's invitation to one cycle. The link's token is never stored: only its SHA-256
 * hash, so a copy of the database cannot answer for anyone. Nothing on it changes when the
 * person answers: whether an invite was used lives only in an answer claim keyed by an HMAC of
 * its id (models/answer-claim.server.ts), so the invites say nothing about who answered, and a
 * response cannot be joined to one by a day, a language or the moment it was written.
 */
const inviteSchema = new Schema(
  {
    cycleId: { type: Schema.Types.ObjectId, ref: 'Cycle', required: true },
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
    personId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    // The person's department when invited: participation stays put when people move.
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    language: { type: String, enum: languageCodes, required: true },
    tokenHash: { type: String, required: true },
    // The reminder carries a second link (the first still works): its hash, once sent.
    reminderTokenHash: { type: String, default: null },
    // 'printed' once HR handed this person a printed or exported link instead of e-mail.
    delivery: { type: String, enum: inviteDeliveries, default: 'email' },
    // When a scheduler took on sending the e-mail; lets another retry a delivery that died.
    deliveryClaimedAt: { type: Date, required: true },
    deliveredAt: { type: Date, default: null },
    remindedAt: { type: Date, default: null },
  },
  { timestamps: false },
);

// One invite per person per cycle, however many schedulers race to create it.
inviteSchema.index({ cycleId: 1, personId: 1 }, { unique: true });
inviteSchema.index({ tokenHash: 1 }, { unique: true });
inviteSchema.index(
  { reminderTokenHash: 1 },
  { unique: true, partialFilterExpression: { reminderTokenHash: { $type: 'string' } } },
);
// The partial index above keeps reminder hashes unique; this plain one answers the lookup of a
// reminder link by its hash (the embedded engine does not plan queries with partial indexes).
inviteSchema.index({ reminderTokenHash: 1, cycleId: 1 });
inviteSchema.index({ cycleId: 1, departmentId: 1 });
inviteSchema.index({ surveyId: 1, cycleId: 1 });

export type Invite = InferSchemaType<typeof inviteSchema> & { _id: mongoose.Types.ObjectId };

export const InviteModel =
  (mongoose.models.Invite as mongoose.Model<Invite> | undefined) ??
  mongoose.model<Invite>('Invite', inviteSchema);
