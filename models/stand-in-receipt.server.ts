import mongoose, { Schema } from 'mongoose';

/**
 * The receipt shown to someone who sends answers through a link that was already answered from
 * another browser. They are thanked exactly as if their answers were stored, so that nobody
 * holding a link (HR with a printed sheet, say) can learn by sending answers whether its owner
 * has answered; their receipt code must then work like a real one, showing their comments (never
 * any reply, since nobody can read them). Keyed by the code's SHA-256, like a response's
 * receipt; kept about as long as comments are read, then dropped by the TTL index.
 */
const standInReceiptSchema = new Schema(
  {
    _id: { type: String, required: true },
    comments: { type: [String], default: [] },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: false, versionKey: false },
);

standInReceiptSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export interface StandInReceipt {
  _id: string;
  comments: string[];
  expiresAt: Date;
}

export const StandInReceiptModel =
  (mongoose.models.StandInReceipt as mongoose.Model<StandInReceipt> | undefined) ??
  mongoose.model<StandInReceipt>('StandInReceipt', standInReceiptSchema, 'stand_in_receipts');
