import mongoose, { Schema } from 'mongoose';

/**
 * How many answers a department has sent through a cycle's open (kiosk) link, counted on the
 * server: the one-per-device cookie is the browser's to send or not, so it cannot be what caps
 * them. One document per cycle and department; it holds a count and nothing about who.
 */
const kioskTallySchema = new Schema(
  {
    _id: { type: String, required: true },
    cycleId: { type: Schema.Types.ObjectId, ref: 'Cycle', required: true },
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    count: { type: Number, default: 0 },
  },
  { timestamps: false, versionKey: false },
);

export interface KioskTally {
  _id: string;
  cycleId: mongoose.Types.ObjectId;
  departmentId: mongoose.Types.ObjectId;
  count: number;
}

export const KioskTallyModel =
  (mongoose.models.KioskTally as mongoose.Model<KioskTally> | undefined) ??
  mongoose.model<KioskTally>('KioskTally', kioskTallySchema, 'kiosk_tallies');
