import { languageNames } from '~/people/schemas';
import type { DraftErrors, SurveyDraft } from '~/surveys/designer-form';
import { languageCodes } from '~/surveys/survey-schema';

/** The element id of the field posted under `name` (`questions.2.text.en` → `f-questions-2-text-en`). */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

export const errorText = (errors: DraftErrors, name: string) =>
  errors[name]?.join(' ') || undefined;

const scheduleLabels: Record<string, string> = {
  cadence: 'How often',
  startDate: 'First cycle opens on',
  openHour: 'Opening hour',
  openDays: 'Days open',
  timeZone: 'Time zone',
  reminderDaysBeforeClose: 'Reminder, days before closing',
};

const topLabels: Record<string, string> = {
  languages: 'Languages',
  defaultLanguage: 'Default language',
  'audience.departmentIds': 'Who answers',
  providerDepartmentIds: 'Departments rated',
  anonymityThreshold: 'Anonymity threshold',
  'rotation.maxQuestionsPerCycle': 'Questions per cycle',
  questions: 'Questions',
};

const languageName = (code: string) =>
  languageCodes.some((known) => known === code)
    ? languageNames[code as keyof typeof languageNames]
    : code;

/**
 * Where an error belongs, in words and as the id of the element to jump to: the error summary
 * at the top of the form links each message to its field.
 */
export function describeField(key: string, draft: SurveyDraft): { label: string; target: string } {
  const parts = key.split('.');
  if (parts[0] === 'title' || parts[0] === 'intro') {
    return {
      label: `${parts[0] === 'title' ? 'Title' : 'Introduction'} (${languageName(parts[1] ?? '')})`,
      target: fieldId(key),
    };
  }
  if (parts[0] === 'schedule')
    return { label: scheduleLabels[parts[1] ?? ''] ?? 'Schedule', target: fieldId(key) };
  if (parts[0] === 'questions' && parts.length > 1) {
    const index = Number(parts[1]);
    const question = draft.questions[index];
    const container = question ? `question-${question.id}` : fieldId('questions');
    const name = `Question ${index + 1}`;
    const rest = parts.slice(2);
    if (rest[0] === 'text')
      return { label: `${name}, text (${languageName(rest[1] ?? '')})`, target: fieldId(key) };
    if (rest[0] === 'type') return { label: `${name}, type`, target: fieldId(key) };
    if (rest[0] === 'driver') return { label: `${name}, driver`, target: fieldId(key) };
    if (rest[0] === 'maxLength') return { label: `${name}, longest answer`, target: fieldId(key) };
    if (rest[0] === 'choices' && rest.length === 1)
      return { label: `${name}, choices`, target: fieldId(key) };
    if (rest[0] === 'choices' && rest[2] === 'label') {
      return {
        label: `${name}, choice ${Number(rest[1]) + 1} (${languageName(rest[3] ?? '')})`,
        target: fieldId(key),
      };
    }
    return { label: name, target: container };
  }
  if (key === 'form') return { label: '', target: 'survey-form-errors' };
  return { label: topLabels[key] ?? key, target: fieldId(key) };
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
