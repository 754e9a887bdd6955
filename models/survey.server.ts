import mongoose, { type InferSchemaType, Schema } from 'mongoose';

import { cadences, languageCodes, questionTypes, surveyStatuses } from './vocabulary';

// One document per survey: its definition (the shape of app/surveys/survey-schema.ts, which
// validates everything before it is stored) plus where it stands. Questions are embedded in
// order; each keeps its `id` across edits so trends survive rewording.

// Texts per language. Mixed, because the languages are keys; zod checks them on the way in.
const localized = { type: Schema.Types.Mixed, default: () => ({}) };

const choiceSchema = new Schema(
  { id: { type: String, required: true }, label: localized },
  { _id: false, minimize: false },
);

const questionSchema = new Schema(
  {
    id: { type: String, required: true },
    type: { type: String, enum: questionTypes, required: true },
    text: localized,
    driver: { type: String },
    required: { type: Boolean, default: false },
    core: { type: Boolean, default: true },
    internalService: { type: Boolean, default: false },
    archived: { type: Boolean, default: false },
    choices: { type: [choiceSchema], default: undefined },
    maxLength: { type: Number },
  },
  { _id: false, minimize: false },
);

const audienceSchema = new Schema(
  {
    departmentIds: { type: [Schema.Types.ObjectId], ref: 'Department', default: [] },
    includeSubDepartments: { type: Boolean, default: true },
  },
  { _id: false },
);

const scheduleSchema = new Schema(
  {
    cadence: { type: String, enum: cadences, required: true },
    startDate: { type: String, required: true },
    openHour: { type: Number, required: true },
    openDays: { type: Number, required: true },
    timeZone: { type: String, required: true },
    reminderDaysBeforeClose: { type: Number, required: true },
  },
  { _id: false },
);

const rotationSchema = new Schema(
  { maxQuestionsPerCycle: { type: Number, required: true } },
  { _id: false },
);

const surveySchema = new Schema(
  {
    title: localized,
    intro: localized,
    defaultLanguage: { type: String, enum: languageCodes, required: true },
    languages: { type: [{ type: String, enum: languageCodes }], required: true },
    audience: { type: audienceSchema, required: true },
    providerDepartmentIds: { type: [Schema.Types.ObjectId], ref: 'Department', default: [] },
    anonymityThreshold: { type: Number, required: true, min: 3 },
    questions: { type: [questionSchema], default: [] },
    schedule: { type: scheduleSchema, required: true },
    rotation: { type: rotationSchema, required: true },

    status: { type: String, enum: surveyStatuses, default: 'draft' },
    // Set by the first stored response; from then on edits keep ids and archive removals.
    hasAnswers: { type: Boolean, default: false },
    templateId: { type: String, default: null },
    // Bumped by every saved edit, so two people editing at once cannot overwrite each other.
    revision: { type: Number, default: 0 },
    // Cycles numbered before the current schedule took effect: changing the rhythm of a survey
    // that has run continues its numbering instead of restarting it.
    cycleOffset: { type: Number, default: 0 },
    // Open-link mode: each cycle also answers at /k/<cycle kioskId>, one response per device.
    kiosk: { type: Boolean, default: false },
  },
  { timestamps: true, minimize: false },
);

surveySchema.index({ status: 1 });

type Texts = Partial<Record<(typeof languageCodes)[number], string>>;

export type Survey = Omit<InferSchemaType<typeof surveySchema>, 'title' | 'intro'> & {
  _id: mongoose.Types.ObjectId;
  title: Texts;
  intro: Texts;
};

export const SurveyModel =
  (mongoose.models.Survey as mongoose.Model<Survey> | undefined) ??
  mongoose.model<Survey>('Survey', surveySchema);
