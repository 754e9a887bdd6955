import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * Whether the demo organisation was seeded into this database (one document, id "demo").
 * Present but unfinished means a start-up stopped half-way through seeding; the next one resumes.
 */
const demoSeedSchema = new Schema(
  {
    _id: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export type DemoSeed = InferSchemaType<typeof demoSeedSchema>;

export const DemoSeedModel =
  (mongoose.models.DemoSeed as mongoose.Model<DemoSeed> | undefined) ??
  mongoose.model<DemoSeed>('DemoSeed', demoSeedSchema);
