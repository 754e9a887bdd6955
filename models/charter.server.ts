import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A service charter: the standards a provider department (IT, HR, the kitchen…) promises the
 * departments it serves, each with a target that the pulse results are read against. One charter
 * per provider department; employees see it on their board once it is published.
 */

// Texts per language, as on surveys: the languages are keys; zod checks them on the way in.
const localized = { type: Schema.Types.Mixed, default: () => ({}) };

// What measures a standard: every question carrying a driver, or one question of one survey
// (usually an internal-service question about this department). Exactly one of the two is set.
const measureSchema = new Schema(
  {
    driver: { type: String, default: null },
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', default: null },
    questionId: { type: String, default: null },
  },
  { _id: false },
);

const standardSchema = new Schema(
  {
    // Stable across edits, so readings over cycles and the actions raised from a standard keep
    // pointing at it when its wording or target changes.
    key: { type: String, required: true },
    // What is promised, e.g. "Answers within one working day".
    text: localized,
    measure: { type: measureSchema, required: true },
    // The least a cycle's figure must reach, on the measure's own scale: a mean on 1–5 for scale
    // questions and drivers, an eNPS (−100…100) for an nps question.
    target: { type: Number, required: true },
  },
  { _id: false, minimize: false },
);

const charterSchema = new Schema(
  {
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    standards: { type: [standardSchema], default: [] },
    // Shown on the boards of the departments it serves only once published.
    published: { type: Boolean, default: false },
    updatedById: { type: Schema.Types.ObjectId, ref: 'Person', default: null },
  },
  { timestamps: true, minimize: false },
);

charterSchema.index({ departmentId: 1 }, { unique: true });

export type Charter = InferSchemaType<typeof charterSchema> & { _id: mongoose.Types.ObjectId };
export type CharterStandard = Charter['standards'][number];

export const CharterModel =
  (mongoose.models.Charter as mongoose.Model<Charter> | undefined) ??
  mongoose.model<Charter>('Charter', charterSchema);
