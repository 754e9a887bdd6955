import { z } from 'zod';

import { cadences } from '../../models/vocabulary';
import { question } from '../question-types/schemas';
import { languageCode, localizedText } from './localized-text';

// The shape of a survey, shared by the designer (client and server), the templates, the
// scheduler and the answering pages. Types are inferred from these schemas, never written twice.

export { languageCode, type LocalizedText, localizedText } from './localized-text';

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

export { questionId } from '../question-types/question-base';
export { question };

export type Question = z.infer<typeof question>;

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
