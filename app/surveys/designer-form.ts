import { z } from 'zod';

import {
  cadences,
  type LanguageCode,
  languageCodes,
  type QuestionType,
  questionTypes,
} from '../../models/vocabulary';
import { questionTypeOf } from '../question-types/registry';
import { message } from '../utils/message';
import { errorsByField, type FieldErrors, nestedValues } from '../utils/submission';
import { languageCode, type SurveyDefinition } from './survey-schema';
import { validSurvey } from './survey-validation';

// The designer posts the whole survey as plain form fields named by their path
// (`questions.3.text.en`), so it works without JavaScript and every edit is one round trip
// through the server. This module turns those fields into a *draft* (what was typed, never
// refused) and a draft into a survey definition (validated, with errors per field path).
// Pure: the page renders from drafts and the server parses them, with the same names. The
// fields are read by the one form reader (~/utils/submission's nestedValues) and refusals come
// back in its shape (FieldErrors, by whole path); each type's own parts are its module's
// (~/question-types, `draft`).

/** Caps on what a posted form may hold, so a hostile post cannot make the server build huge drafts. */
const draftLimits = { questions: 100, choices: 30, departments: 500 } as const;

const text = z.string().max(5000).catch('');
const texts = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((value) => {
    const kept: Partial<Record<LanguageCode, string>> = {};
    for (const language of languageCodes) {
      const entry = value[language];
      if (typeof entry === 'string') kept[language] = entry.slice(0, 5000);
    }
    return kept;
  });
const flag = z.boolean().catch(false);
const list = (max: number) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.filter((item): item is string => typeof item === 'string' && item !== '').slice(0, max),
    );

const choiceDraft = z.object({ id: text, label: texts });

const questionDraft = z.object({
  id: text,
  type: z.enum(questionTypes).catch('scale'),
  text: texts,
  driver: text,
  required: flag,
  core: flag,
  internalService: flag,
  archived: flag,
  choices: z
    .array(choiceDraft)
    .catch([])
    .transform((choices) => choices.slice(0, draftLimits.choices)),
  maxLength: text,
});

export const surveyDraft = z.object({
  title: texts,
  intro: texts,
  defaultLanguage: languageCode.catch('en'),
  languages: list(languageCodes.length),
  audience: z
    .object({ departmentIds: list(draftLimits.departments), includeSubDepartments: flag })
    .catch({ departmentIds: [], includeSubDepartments: false }),
  providerDepartmentIds: list(draftLimits.departments),
  anonymityThreshold: text,
  questions: z
    .array(questionDraft)
    .catch([])
    .transform((questions) => questions.slice(0, draftLimits.questions)),
  schedule: z
    .object({
      cadence: z.enum(cadences).catch('monthly'),
      startDate: text,
      openHour: text,
      openDays: text,
      timeZone: text,
      reminderDaysBeforeClose: text,
    })
    .catch({
      cadence: 'monthly',
      startDate: '',
      openHour: '',
      openDays: '',
      timeZone: '',
      reminderDaysBeforeClose: '',
    }),
  rotation: z.object({ maxQuestionsPerCycle: text }).catch({ maxQuestionsPerCycle: '' }),
});
export type SurveyDraft = z.infer<typeof surveyDraft>;
export type QuestionDraft = SurveyDraft['questions'][number];
export type ChoiceDraft = QuestionDraft['choices'][number];

/** Fields posted as every value sent (checkbox groups); all others are read once. */
const listFields = ['languages', 'audience.departmentIds', 'providerDepartmentIds'];

const booleanFields = /(^|\.)(required|core|internalService|archived|includeSubDepartments)$/;

/** What the designer's fields say, as typed. */
export function draftFromForm(formData: FormData): SurveyDraft {
  return surveyDraft.parse(nestedValues(formData, { lists: listFields, flags: booleanFields }));
}

const asText = (value: number | undefined) => (value === undefined ? '' : String(value));

export function draftFromDefinition(definition: SurveyDefinition): SurveyDraft {
  return {
    title: { ...definition.title },
    intro: { ...definition.intro },
    defaultLanguage: definition.defaultLanguage,
    languages: [...definition.languages],
    audience: {
      departmentIds: [...definition.audience.departmentIds],
      includeSubDepartments: definition.audience.includeSubDepartments,
    },
    providerDepartmentIds: [...definition.providerDepartmentIds],
    anonymityThreshold: asText(definition.anonymityThreshold),
    questions: definition.questions.map((question) => ({
      id: question.id,
      type: question.type,
      text: { ...question.text },
      driver: question.driver ?? '',
      required: question.required,
      core: question.core,
      internalService: question.internalService,
      archived: question.archived,
      ...questionTypeOf(question.type).draft.fromQuestion(question),
    })),
    schedule: {
      cadence: definition.schedule.cadence,
      startDate: definition.schedule.startDate,
      openHour: asText(definition.schedule.openHour),
      openDays: asText(definition.schedule.openDays),
      timeZone: definition.schedule.timeZone,
      reminderDaysBeforeClose: asText(definition.schedule.reminderDaysBeforeClose),
    },
    rotation: { maxQuestionsPerCycle: asText(definition.rotation.maxQuestionsPerCycle) },
  };
}

/** A whole number as typed, or the text itself so the schema names the problem. */
function wholeNumber(value: string): number | string {
  const trimmed = value.trim();
  return /^-?\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Texts in the survey's languages (and its default), trimmed; empty ones fall back, so they go. */
function keptTexts(value: Partial<Record<LanguageCode, string>>, draft: SurveyDraft) {
  const offered = new Set<string>([...draft.languages, draft.defaultLanguage]);
  return Object.fromEntries(
    Object.entries(value)
      .map(([language, entry]) => [language, entry.trim()] as const)
      .filter(([language, entry]) => offered.has(language) && entry !== ''),
  );
}

/** The draft in the survey's shape, before validation. */
export function candidateFromDraft(draft: SurveyDraft): Record<string, unknown> {
  return {
    title: keptTexts(draft.title, draft),
    intro: keptTexts(draft.intro, draft),
    defaultLanguage: draft.defaultLanguage,
    languages: draft.languages,
    audience: draft.audience,
    providerDepartmentIds: draft.providerDepartmentIds,
    anonymityThreshold: wholeNumber(draft.anonymityThreshold),
    questions: draft.questions.map((question) => ({
      id: question.id,
      type: question.type,
      text: keptTexts(question.text, draft),
      driver: question.driver.trim() || undefined,
      required: question.required,
      core: question.core,
      internalService: question.internalService,
      archived: question.archived,
      ...questionTypeOf(question.type).draft.toCandidate(question, {
        texts: (texts) => keptTexts(texts, draft),
        wholeNumber,
      }),
    })),
    schedule: {
      cadence: draft.schedule.cadence,
      startDate: draft.schedule.startDate.trim(),
      openHour: wholeNumber(draft.schedule.openHour),
      openDays: wholeNumber(draft.schedule.openDays),
      timeZone: draft.schedule.timeZone.trim(),
      reminderDaysBeforeClose: wholeNumber(draft.schedule.reminderDaysBeforeClose),
    },
    rotation: { maxQuestionsPerCycle: wholeNumber(draft.rotation.maxQuestionsPerCycle) },
  };
}

/** Messages per field path (`questions.2.text.en`); `form` for the survey as a whole. */
export type DraftResult =
  { ok: true; definition: SurveyDefinition } | { ok: false; errors: FieldErrors };

// Plain words for the shape's generic messages, as message keys (see ~/utils/message) the page
// shows in its reader's language; the survey rules write their own.
const plainWords: z.ZodErrorMap = (problem, context) => {
  switch (problem.code) {
    case z.ZodIssueCode.invalid_type:
      if (problem.expected === 'number') return { message: 'surveys:errors.wholeNumber' };
      if (problem.received === 'undefined') return { message: 'surveys:errors.fillIn' };
      break;
    case z.ZodIssueCode.too_small:
      if (problem.type === 'number') {
        return { message: message('surveys:errors.atLeast', { minimum: Number(problem.minimum) }) };
      }
      if (problem.type === 'string') return { message: 'surveys:errors.fillIn' };
      break;
    case z.ZodIssueCode.too_big:
      if (problem.type === 'number') {
        return { message: message('surveys:errors.atMost', { maximum: Number(problem.maximum) }) };
      }
      if (problem.type === 'string') {
        return {
          message: message('surveys:errors.maxCharacters', { maximum: Number(problem.maximum) }),
        };
      }
      break;
    case z.ZodIssueCode.invalid_enum_value:
      return { message: 'surveys:errors.chooseFromList' };
    case z.ZodIssueCode.invalid_string:
      if (problem.validation === 'regex') return { message: context.defaultError };
      break;
  }
  return { message: context.defaultError };
};

export function definitionFromDraft(draft: SurveyDraft): DraftResult {
  const candidate = candidateFromDraft(draft);
  const result = validSurvey.safeParse(candidate, { errorMap: plainWords });
  if (result.success) return { ok: true, definition: result.data };
  const errors = errorsByField(result.error, { nested: true });
  // The survey-wide rules (texts, choices, providers) run only once the shape is right, so a
  // bad number would hide them until the next save. Check them again with the numbers and
  // schedule stood in for, and report what they find about the rest too.
  const stand = validSurvey.safeParse({ ...candidate, ...standIns }, { errorMap: plainWords });
  if (!stand.success) {
    for (const [field, messages] of Object.entries(errorsByField(stand.error, { nested: true }))) {
      if (!standInFields.some((name) => field.startsWith(name))) errors[field] ??= messages;
    }
  }
  return { ok: false, errors };
}

const standIns = {
  anonymityThreshold: 5,
  audience: { departmentIds: ['000000000000000000000000'], includeSubDepartments: true },
  schedule: {
    cadence: 'monthly',
    startDate: '2026-01-05',
    openHour: 9,
    openDays: 7,
    timeZone: 'UTC',
    reminderDaysBeforeClose: 1,
  },
  rotation: { maxQuestionsPerCycle: 12 },
};
const standInFields = Object.keys(standIns);

/** A fresh id in the shape question and choice ids take (`q-3f9a0c1b2d`). */
export function newId(prefix: 'q' | 'c'): string {
  return `${prefix}-${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

export function blankQuestion(type: QuestionType, id = newId('q')): QuestionDraft {
  return {
    id,
    type,
    text: {},
    driver: '',
    required: false,
    core: true,
    internalService: false,
    archived: false,
    ...questionTypeOf(type).draft.blank(() => newId('c')),
  };
}
