import { z } from 'zod';

import { cadences, languageCodes } from '../../models/vocabulary';

// The shape of a survey, shared by the designer (client and server), the templates, the
// scheduler and the answering pages. Types are inferred from these schemas, never written twice.

export const languageCode = z.enum(languageCodes);

export const builtInDrivers = [
  'Responsiveness',
  'Reliability',
  'Communication',
  'Competence',
  'Empathy',
  'Recognition',
  'Workspace',
  'Tools',
  'Growth',
  'Wellbeing',
] as const;

/** A text in some of the survey's languages; the default language must be present (checked on the survey). */
export const localizedText = z.record(languageCode, z.string().trim().max(2000));
export type LocalizedText = z.infer<typeof localizedText>;

export const questionId = z.string().regex(/^[a-z0-9_-]{3,40}$/, 'surveys:errors.questionId');

const questionBase = z.object({
  /** Stable across edits, so trends survive rewording. */
  id: questionId,
  text: localizedText,
  /** A built-in driver or a custom one. */
  driver: z.string().trim().min(1).max(40).optional(),
  required: z.boolean().default(false),
  /** Core questions are asked every cycle; the others take turns (rotation). */
  core: z.boolean().default(true),
  /** Asked once per provider department of the survey; the text may contain {department}. */
  internalService: z.boolean().default(false),
  /** Removed from a survey that already has answers: kept so its history stays reportable. */
  archived: z.boolean().default(false),
});

export const choice = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'surveys:errors.choiceId'),
  label: localizedText,
});

export const question = z.discriminatedUnion('type', [
  questionBase.extend({ type: z.literal('scale') }),
  questionBase.extend({ type: z.literal('nps') }),
  questionBase.extend({
    type: z.literal('single'),
    choices: z.array(choice).min(2, 'surveys:errors.twoChoices'),
  }),
  questionBase.extend({
    type: z.literal('multi'),
    choices: z.array(choice).min(2, 'surveys:errors.twoChoices'),
  }),
  questionBase.extend({
    type: z.literal('text'),
    maxLength: z.number().int().min(1).max(5000).default(2000),
  }),
]);
export type Question = z.infer<typeof question>;

/** Scale questions run 1–5 (agreement); NPS questions 0–10, fixed. */
export const answerRange = { scale: { min: 1, max: 5 }, nps: { min: 0, max: 10 } } as const;

export const schedule = z.object({
  cadence: z.enum(cadences),
  /** The first cycle opens on this local date (YYYY-MM-DD) in the time zone. */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'surveys:errors.dateFormat'),
  /** The hour the cycle opens, local time. */
  openHour: z.number().int().min(0).max(23).default(9),
  /** How many days each cycle stays open. */
  openDays: z.number().int().min(1).max(90),
  /** IANA time zone of the organisation, e.g. Europe/Oslo. */
  timeZone: z.string().min(1),
  /** One reminder this many days before closing; 0 means none. */
  reminderDaysBeforeClose: z.number().int().min(0).max(30).default(1),
});
export type Schedule = z.infer<typeof schedule>;

export const rotation = z.object({
  /** Upper bound on questions asked per cycle (core plus rotating). */
  maxQuestionsPerCycle: z.number().int().min(1).max(100).default(12),
});

export const surveyDefinition = z.object({
  title: localizedText,
  intro: localizedText,
  defaultLanguage: languageCode,
  languages: z.array(languageCode).min(1),
  audience: z.object({
    departmentIds: z.array(z.string()).min(1, 'surveys:errors.chooseDepartment'),
    includeSubDepartments: z.boolean().default(true),
  }),
  /** Departments rated by internal-service questions. */
  providerDepartmentIds: z.array(z.string()).default([]),
  /** Minimum group size shown in results: default 5, never below 3. */
  anonymityThreshold: z.number().int().min(3, 'surveys:errors.thresholdMinimum').default(5),
  questions: z.array(question).min(1, 'surveys:errors.addQuestion'),
  schedule,
  rotation: rotation.default({}),
});
export type SurveyDefinition = z.infer<typeof surveyDefinition>;
