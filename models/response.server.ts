import { randomUUID } from 'node:crypto';

import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * One person's answers to one cycle, anonymous by construction: the cycle, the respondent's
 * department and the answers. No person id, token, e-mail, IP address, user agent, language,
 * day or time: every field it has is shared by everyone who answered the cycle from that
 * department, so nothing on it can be joined to an invite more finely than that. The id is
 * random (an ObjectId would carry its creation second).
 *
 * `submissionKey` and `rolledUp` exist only while the response is being stored (see
 * app/answering/submit.server.ts): the key is unset in the last step, after which nothing
 * stored links the response to its invite.
 */
const answerSchema = new Schema(
  {
    questionId: { type: String, required: true },
    // The department rated by an internal-service question; null for the others.
    providerDepartmentId: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    // A number (scale, nps), a choice id (single), choice ids (multi) or a comment (text).
    value: { type: Schema.Types.Mixed, default: null },
    // "I did not use this service": no value, and not counted in the score.
    skipped: { type: Boolean, default: undefined },
  },
  { _id: false },
);

const responseSchema = new Schema(
  {
    _id: { type: String, default: () => randomUUID() },
    cycleId: { type: Schema.Types.ObjectId, ref: 'Cycle', required: true },
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    answers: { type: [answerSchema], default: [] },
    // Sent through the open (kiosk) link rather than an invite: counted apart in the rollups
    // (`kioskCount`), since anyone with that link can answer.
    kiosk: { type: Boolean, default: undefined },
    // SHA-256 of the receipt code shown once to someone who wrote a comment.
    receiptHash: { type: String, default: undefined },
    // HMAC(server secret, invite id) while the response is being stored; unset at the end.
    submissionKey: { type: String, default: undefined },
    // False until this response's rollup increments are applied.
    rolledUp: { type: Boolean, default: false },
  },
  { timestamps: false, versionKey: false },
);

// A second submission for the same invite (a retry, a double click, the reminder link) collides
// here while the first is being stored; afterwards its answer claim (answer-claim.server.ts) refuses it.
responseSchema.index(
  { submissionKey: 1 },
  { unique: true, partialFilterExpression: { submissionKey: { $type: 'string' } } },
);
responseSchema.index({ cycleId: 1, departmentId: 1 });
responseSchema.index({ rolledUp: 1, cycleId: 1 });
responseSchema.index(
  { receiptHash: 1 },
  { unique: true, partialFilterExpression: { receiptHash: { $type: 'string' } } },
);

export type Response = InferSchemaType<typeof responseSchema>;
export type ResponseAnswer = InferSchemaType<typeof answerSchema>;

export const ResponseModel =
  (mongoose.models.Response as mongoose.Model<Response> | undefined) ??
  mongoose.model<Response>('Response', responseSchema);

export { responseSchema };
