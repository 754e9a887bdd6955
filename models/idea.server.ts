import mongoose, { Schema } from 'mongoose';

import { ideaKinds, ideaStatuses } from './vocabulary';

/**
 * An idea or concern someone sent a department, anonymously, from its board. Nothing about the
 * sender is kept: no person, token, address, browser or language, and no moment finer than the
 * ISO week it arrived in. Its id is random (an ObjectId would carry the second it was made), and
 * it has no timestamps. Leaders read it only once it has been released in a batch (see
 * app/ideas/batches.server.ts); the sender follows it with the receipt code shown once, of which
 * only the SHA-256 is kept, as for comments.
 */
const ideaReplySchema = new Schema(
  {
    text: { type: String, required: true, trim: true, minlength: 1, maxlength: 2000 },
    authorId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    // Kept as written then, so a later rename does not rewrite what the sender was told.
    authorName: { type: String, required: true },
    // The organisation's day of the reply, YYYY-MM-DD: staff's own act, not the sender's.
    day: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
  },
  { _id: false },
);

const ideaSchema = new Schema(
  {
    _id: { type: String, required: true },
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    kind: { type: String, enum: ideaKinds, required: true },
    text: { type: String, required: true, trim: true, minlength: 1, maxlength: 2000 },
    receiptHash: { type: String, required: true },
    // The ISO week it arrived in ("2026-W49"): the finest time kept, and only until it is released.
    arrivedIn: { type: String, default: null, match: /^\d{4}-W\d{2}$/ },
    // The week whose end released it to leaders, the date every reader sees; null while held.
    batch: { type: String, default: null, match: /^\d{4}-W\d{2}$/ },
    status: { type: String, enum: ideaStatuses, default: 'new' },
    // Why it will not be done; required for not doing, kept for the board.
    reason: { type: String, default: null, maxlength: 2000 },
    // The organisation's day the status last changed, YYYY-MM-DD.
    statusOn: { type: String, default: null },
    replies: { type: [ideaReplySchema], default: [] },
    // The action raised from it, if any.
    actionId: { type: Schema.Types.ObjectId, ref: 'Action', default: null },
  },
  { timestamps: false, versionKey: false },
);

ideaSchema.index({ receiptHash: 1 }, { unique: true });
ideaSchema.index({ departmentId: 1, batch: 1 });

export interface IdeaReply {
  text: string;
  authorId: mongoose.Types.ObjectId;
  authorName: string;
  day: string;
}

export interface Idea {
  _id: string;
  departmentId: mongoose.Types.ObjectId;
  kind: (typeof ideaKinds)[number];
  text: string;
  receiptHash: string;
  arrivedIn: string | null;
  batch: string | null;
  status: (typeof ideaStatuses)[number];
  reason: string | null;
  statusOn: string | null;
  replies: IdeaReply[];
  actionId: mongoose.Types.ObjectId | null;
}

export const IdeaModel =
  (mongoose.models.Idea as mongoose.Model<Idea> | undefined) ??
  mongoose.model<Idea>('Idea', ideaSchema, 'ideas');
