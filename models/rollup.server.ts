import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * Running totals per cycle × respondent department × question × provider department (null when
 * the question is not an internal-service one). Dashboards read these, never raw responses.
 * Each response adds to them with one atomic upsert-$inc per document; `rebuildRollups`
 * recomputes them exactly from the responses.
 */
const rollupSchema = new Schema(
  {
    cycleId: { type: Schema.Types.ObjectId, ref: 'Cycle', required: true },
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    questionId: { type: String, required: true },
    providerDepartmentId: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    // Answers counted (a skipped provider question is not an answer).
    count: { type: Number, default: 0 },
    // Numeric questions (scale, nps) only; choices and comments keep zero.
    sum: { type: Number, default: 0 },
    sumSquares: { type: Number, default: 0 },
    // Value → count: scale/nps scores, or choice ids for single/multi. Empty for text.
    histogram: { type: Schema.Types.Mixed, default: () => ({}) },
    // "I did not use this service" answers.
    skipped: { type: Number, default: 0 },
    // Of `count` (and, on the respondents rollup, of its respondents), how many came through the
    // open (kiosk) link. Anyone with that link can post answers, so suppression sizes a group by
    // its invited respondents only: count − kioskCount.
    kioskCount: { type: Number, default: 0 },
  },
  { timestamps: false, versionKey: false, minimize: false },
);

rollupSchema.index(
  { cycleId: 1, departmentId: 1, questionId: 1, providerDepartmentId: 1 },
  { unique: true },
);
rollupSchema.index({ surveyId: 1, questionId: 1 });

export type Rollup = Omit<InferSchemaType<typeof rollupSchema>, 'histogram'> & {
  _id: mongoose.Types.ObjectId;
  histogram?: Record<string, number>;
};

export const RollupModel =
  (mongoose.models.Rollup as mongoose.Model<Rollup> | undefined) ??
  mongoose.model<Rollup>('Rollup', rollupSchema);
