import { z } from 'zod';

import { message, type MessageKey } from '../utils/message';
import { cycleWindow } from './cadence';
import {
  type LocalizedText,
  type Question,
  type Schedule,
  type SurveyDefinition,
  surveyDefinition,
} from './survey-schema';

// The rules that span several fields of a survey, on top of the field-by-field shape in
// survey-schema.ts. Pure, so the designer, the templates' tests and the scheduler all agree on
// what a valid survey is. Issue paths name form fields (`questions.2.text.en`).

/** The longest a cycle may stay open for each cadence: cycles of one survey never overlap. */
const longestOpenDays: Record<Schedule['cadence'], number> = {
  once: 90,
  weekly: 7,
  biweekly: 14,
  monthly: 28,
  quarterly: 90,
};

const maxAnonymityThreshold = 100;

type Path = (string | number)[];

function issue(context: z.RefinementCtx, path: Path, message: string) {
  context.addIssue({ code: z.ZodIssueCode.custom, path, message });
}

/** The default language is required; other languages fall back to it, so they may be empty. */
function checkText(
  context: z.RefinementCtx,
  text: LocalizedText,
  survey: SurveyDefinition,
  path: Path,
  missing: MessageKey,
) {
  if (!text[survey.defaultLanguage]?.trim()) {
    issue(context, [...path, survey.defaultLanguage], missing);
  }
  for (const language of Object.keys(text)) {
    if (!survey.languages.some((chosen) => chosen === language)) {
      issue(context, [...path, language], message('surveys:errors.notOffered', { language }));
    }
  }
}

function checkChoices(
  context: z.RefinementCtx,
  question: Question,
  survey: SurveyDefinition,
  at: Path,
) {
  if (question.type !== 'single' && question.type !== 'multi') return;
  const ids = new Set<string>();
  const labels = new Map<string, Set<string>>();
  question.choices.forEach((choice, index) => {
    const path = [...at, 'choices', index];
    if (ids.has(choice.id)) issue(context, [...path, 'id'], 'surveys:errors.sameChoiceId');
    ids.add(choice.id);
    checkText(context, choice.label, survey, [...path, 'label'], 'surveys:errors.choiceDefault');
    for (const [language, label] of Object.entries(choice.label)) {
      const key = label.trim().toLocaleLowerCase(language);
      if (!key) continue;
      const seen = labels.get(language) ?? new Set<string>();
      if (seen.has(key))
        issue(context, [...path, 'label', language], 'surveys:errors.sameChoiceLabel');
      seen.add(key);
      labels.set(language, seen);
    }
  });
}

function checkQuestions(context: z.RefinementCtx, survey: SurveyDefinition) {
  const ids = new Set<string>();
  survey.questions.forEach((question, index) => {
    const at = ['questions', index];
    if (ids.has(question.id)) issue(context, [...at, 'id'], 'surveys:errors.sameQuestionId');
    ids.add(question.id);
    checkText(context, question.text, survey, [...at, 'text'], 'surveys:errors.questionDefault');
    checkChoices(context, question, survey, at);
  });
  const ratesProviders = survey.questions.some((q) => q.internalService && !q.archived);
  if (ratesProviders && survey.providerDepartmentIds.length === 0) {
    issue(context, ['providerDepartmentIds'], 'surveys:errors.chooseProviders');
  }
  if (survey.questions.every((question) => question.archived)) {
    issue(context, ['questions'], 'surveys:errors.keepOneQuestion');
  }
}

/** Why a schedule produces no cycle, or null when it produces at least one. */
export function scheduleProblem(
  schedule: Schedule,
): { field: keyof Schedule; message: string } | null {
  if (schedule.openDays > longestOpenDays[schedule.cadence]) {
    return {
      field: 'openDays',
      message: message('surveys:errors.openTooLong', {
        cadence: schedule.cadence,
        days: longestOpenDays[schedule.cadence],
      }),
    };
  }
  if (schedule.reminderDaysBeforeClose >= schedule.openDays) {
    return {
      field: 'reminderDaysBeforeClose',
      message: 'surveys:errors.reminderAfterInvite',
    };
  }
  try {
    cycleWindow(schedule, 1);
  } catch (error) {
    // cadence.ts says why in English for the log; the designer names the field in the reader's words.
    const why = error instanceof Error ? error.message : '';
    if (/time zone/i.test(why)) {
      return {
        field: 'timeZone',
        message: message('surveys:errors.unknownTimeZone', { zone: schedule.timeZone }),
      };
    }
    return /calendar date/.test(why)
      ? {
          field: 'startDate',
          message: message('surveys:errors.notCalendarDate', { date: schedule.startDate }),
        }
      : { field: 'startDate', message: 'surveys:errors.noFirstCycle' };
  }
  return null;
}

function checkSurvey(survey: SurveyDefinition, context: z.RefinementCtx): void {
  checkText(context, survey.title, survey, ['title'], 'surveys:errors.titleDefault');
  for (const language of Object.keys(survey.intro)) {
    if (!survey.languages.some((chosen) => chosen === language)) {
      issue(context, ['intro', language], message('surveys:errors.notOffered', { language }));
    }
  }
  if (!survey.languages.includes(survey.defaultLanguage)) {
    issue(context, ['languages'], 'surveys:errors.defaultLanguageOffered');
  }
  if (new Set(survey.languages).size !== survey.languages.length) {
    issue(context, ['languages'], 'surveys:errors.languageOnce');
  }
  if (survey.anonymityThreshold > maxAnonymityThreshold) {
    issue(
      context,
      ['anonymityThreshold'],
      message('surveys:errors.thresholdMaximum', { maximum: maxAnonymityThreshold }),
    );
  }
  if (new Set(survey.audience.departmentIds).size !== survey.audience.departmentIds.length) {
    issue(context, ['audience', 'departmentIds'], 'surveys:errors.departmentOnce');
  }
  checkQuestions(context, survey);
  const problem = scheduleProblem(survey.schedule);
  if (problem) issue(context, ['schedule', problem.field], problem.message);
}

/** The survey shape with every cross-field rule: what the designer and the database accept. */
export const validSurvey = surveyDefinition.superRefine(checkSurvey);
