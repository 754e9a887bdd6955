import { z } from 'zod';

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
export const longestOpenDays: Record<Schedule['cadence'], number> = {
  once: 90,
  weekly: 7,
  biweekly: 14,
  monthly: 28,
  quarterly: 90,
};

export const maxAnonymityThreshold = 100;

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
  what: string,
) {
  if (!text[survey.defaultLanguage]?.trim()) {
    issue(context, [...path, survey.defaultLanguage], `Write the ${what} in the default language`);
  }
  for (const language of Object.keys(text)) {
    if (!survey.languages.some((chosen) => chosen === language)) {
      issue(context, [...path, language], `The survey is not offered in "${language}"`);
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
    if (ids.has(choice.id)) issue(context, [...path, 'id'], 'Two choices have the same id');
    ids.add(choice.id);
    checkText(context, choice.label, survey, [...path, 'label'], 'choice');
    for (const [language, label] of Object.entries(choice.label)) {
      const key = label.trim().toLocaleLowerCase(language);
      if (!key) continue;
      const seen = labels.get(language) ?? new Set<string>();
      if (seen.has(key)) issue(context, [...path, 'label', language], 'Two choices read the same');
      seen.add(key);
      labels.set(language, seen);
    }
  });
}

function checkQuestions(context: z.RefinementCtx, survey: SurveyDefinition) {
  const ids = new Set<string>();
  survey.questions.forEach((question, index) => {
    const at = ['questions', index];
    if (ids.has(question.id)) issue(context, [...at, 'id'], 'Two questions have the same id');
    ids.add(question.id);
    checkText(context, question.text, survey, [...at, 'text'], 'question');
    checkChoices(context, question, survey, at);
  });
  const ratesProviders = survey.questions.some((q) => q.internalService && !q.archived);
  if (ratesProviders && survey.providerDepartmentIds.length === 0) {
    issue(
      context,
      ['providerDepartmentIds'],
      'Internal-service questions rate provider departments: choose at least one',
    );
  }
  if (survey.questions.every((question) => question.archived)) {
    issue(context, ['questions'], 'Keep at least one question that is not archived');
  }
}

/** Why a schedule produces no cycle, or null when it produces at least one. */
export function scheduleProblem(
  schedule: Schedule,
): { field: keyof Schedule; message: string } | null {
  if (schedule.openDays > longestOpenDays[schedule.cadence]) {
    return {
      field: 'openDays',
      message: `A ${schedule.cadence} survey stays open at most ${longestOpenDays[schedule.cadence]} days, so cycles never overlap`,
    };
  }
  if (schedule.reminderDaysBeforeClose >= schedule.openDays) {
    return {
      field: 'reminderDaysBeforeClose',
      message: 'The reminder comes after the invitation: use fewer days than the survey stays open',
    };
  }
  try {
    cycleWindow(schedule, 1);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'This schedule has no first cycle';
    return { field: /time zone/i.test(message) ? 'timeZone' : 'startDate', message };
  }
  return null;
}

export function checkSurvey(survey: SurveyDefinition, context: z.RefinementCtx): void {
  checkText(context, survey.title, survey, ['title'], 'title');
  for (const language of Object.keys(survey.intro)) {
    if (!survey.languages.some((chosen) => chosen === language)) {
      issue(context, ['intro', language], `The survey is not offered in "${language}"`);
    }
  }
  if (!survey.languages.includes(survey.defaultLanguage)) {
    issue(context, ['languages'], 'Offer the survey in its default language too');
  }
  if (new Set(survey.languages).size !== survey.languages.length) {
    issue(context, ['languages'], 'Each language once');
  }
  if (survey.anonymityThreshold > maxAnonymityThreshold) {
    issue(context, ['anonymityThreshold'], `Use at most ${maxAnonymityThreshold}`);
  }
  if (new Set(survey.audience.departmentIds).size !== survey.audience.departmentIds.length) {
    issue(context, ['audience', 'departmentIds'], 'Each department once');
  }
  checkQuestions(context, survey);
  const problem = scheduleProblem(survey.schedule);
  if (problem) issue(context, ['schedule', problem.field], problem.message);
}

/** The survey shape with every cross-field rule: what the designer and the database accept. */
export const validSurvey = surveyDefinition.superRefine(checkSurvey);
