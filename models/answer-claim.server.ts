import mongoose, { Schema } from 'mongoose';

/**
 * "This invite has been answered", kept apart from the invite so that nothing about a person's
 * invitation changes when they answer. The id is the invite's submission key, an HMAC of the
 * invite id under a key derived from the server secret (app/answering/submission-key.server.ts):
 * without that secret a claim names no invite. A second answer for the invite collides with it.
 * Claims are needed only while their cycle is open and are removed once it has closed, after
 * which nothing stored says who answered.
 */
const answerClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: Schema.Types.ObjectId, ref: 'Cycle', required: true },
  },
  { timestamps: false, versionKey: false },
);

answerClaimSchema.index({ cycleId: 1 });

export interface AnswerClaim {
  _id: string;
  cycleId: mongoose.Types.ObjectId;
}

export const AnswerClaimModel =
  (mongoose.models.AnswerClaim as mongoose.Model<AnswerClaim> | undefined) ??
  mongoose.model<AnswerClaim>('AnswerClaim', answerClaimSchema, 'answer_claims');
