import { randomUUID } from 'node:crypto';

import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * One thank-you from an employee to a department that served them. Employees have no accounts,
 * so the only trace of a sender is what they chose to give: a name, typed by them and shown as
 * typed. An anonymous thank-you holds nothing about its sender — no person, token, address,
 * browser, department or moment: only the receiving department, the words, the driver and the
 * calendar month (in the organisation's zone), which everyone who thanked that department that
 * month shares. The id is random (an ObjectId would carry its creation second), so neither ids nor
 * their order tell when it was sent.
 */
const thanksSchema = new Schema(
  {
    _id: { type: String, default: () => randomUUID() },
    // The department thanked.
    toDepartmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    message: { type: String, required: true, trim: true, maxlength: 600 },
    // A driver the sender named (a built-in one or one a survey uses), or none.
    driver: { type: String, default: null },
    // YYYY-MM in the organisation's time zone: the finest time kept, for batching and counts.
    month: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    // Only when the sender gave a name: the name as typed, and the department whose board they
    // sent it from. Both null for an anonymous thank-you.
    senderName: { type: String, default: null, trim: true, maxlength: 80 },
    fromDepartmentId: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    // Published by the receiving department to its board; publishedAt orders the board (it is a
    // leader's moment, not the sender's).
    published: { type: Boolean, default: false },
    publishedAt: { type: Date, default: null },
  },
  { timestamps: false, versionKey: false, collection: 'thanks' },
);

thanksSchema.index({ toDepartmentId: 1, month: 1 });
thanksSchema.index({ toDepartmentId: 1, published: 1, publishedAt: -1 });

export type Thanks = InferSchemaType<typeof thanksSchema>;

export const ThanksModel =
  (mongoose.models.Thanks as mongoose.Model<Thanks> | undefined) ??
  mongoose.model<Thanks>('Thanks', thanksSchema);

export { thanksSchema };
