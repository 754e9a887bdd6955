import mongoose, { type InferSchemaType, Schema } from 'mongoose';

import { actionStatuses, languageCodes, metricKinds, timelineKinds } from './vocabulary';

/**
 * An action item: raised by a leader or HR admin from a result, owned by one of them, tracked to
 * done and, when published, shown to employees on the "You said, we did" board. The source and
 * its baseline are fixed when the action is raised, so the follow-up always compares with what
 * was seen then.
 */
function fromResult(this: { metric?: string }): boolean {
  return this.metric !== 'idea';
}

const sourceSchema = new Schema(
  {
    // Every result has a survey and a cycle; an idea (metric 'idea') has neither.
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', default: null, required: fromResult },
    cycleId: { type: Schema.Types.ObjectId, ref: 'Cycle', default: null, required: fromResult },
    metric: { type: String, enum: metricKinds, required: true },
    // The idea it was raised from (models/idea.server.ts), for metric 'idea'; null otherwise.
    ideaId: { type: String, default: null },
    questionId: { type: String, default: null },
    driver: { type: String, default: null },
    // The answering department; null for the whole survey (a company-wide action).
    departmentId: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    // The rated department, for internal-service results.
    providerDepartmentId: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    // The standard of the provider's charter it was raised from (its key survives edits).
    charterStandardKey: { type: String, default: null },
    // What was heard, in words, as shown when it was raised (e.g. "Kitchen · Tools").
    label: { type: String, required: true },
  },
  { _id: false },
);

// The figure when the action was raised: mean (or eNPS) with the sums its interval needs. Null
// when the group was withheld then; nothing about a withheld group is ever stored here. `n`
// counts the answers behind `sum` and `sumSquares` (per answer: eNPS answers score +1/0/−1);
// `people` is the n the pages showed with the figure.
const baselineSchema = new Schema(
  {
    value: { type: Number, required: true },
    n: { type: Number, required: true },
    people: { type: Number, default: null },
    sum: { type: Number, default: null },
    sumSquares: { type: Number, default: null },
  },
  { _id: false },
);

const timelineEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    byId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    byName: { type: String, required: true },
    kind: { type: String, enum: timelineKinds, required: true },
    from: { type: String, default: null },
    to: { type: String, default: null },
    note: { type: String, default: null },
  },
  { _id: false },
);

const actionSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: 200 },
    description: { type: String, default: '', maxlength: 5000 },
    source: { type: sourceSchema, required: true },
    baseline: { type: baselineSchema, default: null },
    ownerId: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    // Local date, YYYY-MM-DD.
    dueOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    status: { type: String, enum: actionStatuses, default: 'open' },
    published: { type: Boolean, default: false },
    completedAt: { type: Date, default: null },
    // The newest cycle of the survey that had opened when the action was marked done: trend
    // charts put their marker there.
    completedCycleId: { type: Schema.Types.ObjectId, ref: 'Cycle', default: null },
    // Why it will not be done, while its status is won't do; the timeline keeps every reason given.
    wontDoReason: { type: String, default: null, maxlength: 2000 },
    timeline: { type: [timelineEntrySchema], default: [] },
    // Each reminder goes once per due date (changing the due date makes them due again).
    remindedDueSoonFor: { type: String, default: null },
    remindedOverdueFor: { type: String, default: null },
    createdById: { type: Schema.Types.ObjectId, ref: 'Person', required: true },
    // The language of the staff pages of whoever raised it: the likely language of its title and
    // description, so the board can mark them for screen readers. Null for actions raised before.
    language: { type: String, enum: languageCodes, default: null },
  },
  { timestamps: true },
);

actionSchema.index({ status: 1, dueOn: 1 });
actionSchema.index({ ownerId: 1, status: 1 });
actionSchema.index({ 'source.departmentId': 1, status: 1 });
actionSchema.index({ 'source.surveyId': 1, status: 1 });
actionSchema.index({ published: 1, 'source.departmentId': 1 });

export type Action = InferSchemaType<typeof actionSchema> & { _id: mongoose.Types.ObjectId };

export const ActionModel =
  (mongoose.models.Action as mongoose.Model<Action> | undefined) ??
  mongoose.model<Action>('Action', actionSchema);
