import type { TFunction } from 'i18next';

import type { SurveyDraft } from '~/surveys/designer-form';
import type { FieldErrors } from '~/utils/submission';

import { languageCodes } from '../../../../models/vocabulary';

/** The element id of the field posted under `name` (`questions.2.text.en` → `f-questions-2-text-en`). */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

/**
 * A field's messages in words. The server says them as keys (see ~/utils/message); `say` is the
 * page's useMessage, which turns each into the reader's language.
 */
export const errorText = (
  errors: FieldErrors,
  name: string,
  say: (text: string) => string | undefined,
) => errors[name]?.map((text) => say(text) ?? text).join(' ') || undefined;

// Keys in the surveys words of each field's label, as the form shows it.
const scheduleLabels: Record<string, string> = {
  cadence: 'designer.cadence',
  startDate: 'designer.startDate',
  openHour: 'designer.openHour',
  openDays: 'designer.openDays',
  timeZone: 'designer.timeZone',
  reminderDaysBeforeClose: 'designer.reminder',
};

const topLabels: Record<string, string> = {
  languages: 'designer.languages',
  defaultLanguage: 'designer.defaultLanguage',
  'audience.departmentIds': 'designer.where.whoAnswers',
  providerDepartmentIds: 'designer.where.departmentsRated',
  anonymityThreshold: 'designer.threshold',
  'rotation.maxQuestionsPerCycle': 'designer.where.questionsPerCycle',
  questions: 'designer.questions',
};

/**
 * Where an error belongs, in words and as the id of the element to jump to: the error summary
 * at the top of the form links each message to its field. `t` reads the surveys words.
 */
export function describeField(
  key: string,
  draft: SurveyDraft,
  t: TFunction<'surveys'>,
): { label: string; target: string } {
  const languageName = (code: string) =>
    languageCodes.some((known) => known === code) ? t(`language.${code}`) : code;
  const parts = key.split('.');
  if (parts[0] === 'title' || parts[0] === 'intro') {
    return {
      label: t('designer.where.textIn', {
        field: parts[0] === 'title' ? t('designer.titleField') : t('designer.intro'),
        language: languageName(parts[1] ?? ''),
      }),
      target: fieldId(key),
    };
  }
  if (parts[0] === 'schedule') {
    const label = scheduleLabels[parts[1] ?? ''];
    return { label: label ? t(label) : t('designer.schedule'), target: fieldId(key) };
  }
  if (parts[0] === 'questions' && parts.length > 1) {
    const index = Number(parts[1]);
    const question = draft.questions[index];
    const container = question ? `question-${question.id}` : fieldId('questions');
    const number = index + 1;
    const rest = parts.slice(2);
    const at = (label: string, values: Record<string, string | number> = {}) => ({
      label: t(label, { number, ...values }),
      target: fieldId(key),
    });
    if (rest[0] === 'text')
      return at('designer.where.questionText', { language: languageName(rest[1] ?? '') });
    if (rest[0] === 'type') return at('designer.where.questionType');
    if (rest[0] === 'driver') return at('designer.where.questionDriver');
    if (rest[0] === 'maxLength') return at('designer.where.questionMaxLength');
    if (rest[0] === 'choices' && rest.length === 1) return at('designer.where.questionChoices');
    if (rest[0] === 'choices' && rest[2] === 'label') {
      return at('designer.where.questionChoice', {
        choice: Number(rest[1]) + 1,
        language: languageName(rest[3] ?? ''),
      });
    }
    return { label: t('designer.where.question', { number }), target: container };
  }
  if (key === 'form') return { label: '', target: 'survey-form-errors' };
  const label = topLabels[key];
  return { label: label ? t(label) : key, target: fieldId(key) };
}

const sectionOrder = [
  'form',
  'title',
  'intro',
  'languages',
  'defaultLanguage',
  'audience',
  'providerDepartmentIds',
  'anonymityThreshold',
  'questions',
  'schedule',
  'rotation',
];

/** Sorts error keys into the order their fields appear in the form. */
export function inFormOrder(a: string, b: string): number {
  const rank = (key: string) => {
    const parts = key.split('.');
    const section = sectionOrder.indexOf(parts[0] ?? '');
    return [
      section === -1 ? sectionOrder.length : section,
      parts[0] === 'questions' ? Number(parts[1] ?? -1) : 0,
    ];
  };
  const [sectionA, questionA] = rank(a);
  const [sectionB, questionB] = rank(b);
  return sectionA - sectionB || questionA - questionB || a.localeCompare(b);
}
