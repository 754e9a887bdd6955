import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A leader's reply to one anonymous comment: the answer of one response to one text question
 * (for one rated department, when the question is an internal-service one).
 * The respondent reads it only through their receipt code. It names its author (a staff
 * person), never the respondent, and is dated by its own creation, which says nothing about
 * when the comment was written.
 */
const commentReplySchema = new Schema(
  {
    responseId: { type: String, required: true },
    questionId: { type: String, required: true },
    // The rated department of an internal-service question's comment; null for the others.
    providerDepartmentId: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    text: { type: String, required: true, trim: true, minlength: 1, maxlength: 2000 },
    authorId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    // Kept as written then, so a later rename does not rewrite what the respondent was told.
    authorName: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { timestamps: false, versionKey: false },
);

commentReplySchema.index({ responseId: 1, questionId: 1, createdAt: 1 });

export type CommentReply = InferSchemaType<typeof commentReplySchema> & {
  _id: mongoose.Types.ObjectId;
};

export const CommentReplyModel =
  (mongoose.models.CommentReply as mongoose.Model<CommentReply> | undefined) ??
  mongoose.model<CommentReply>('CommentReply', commentReplySchema);
