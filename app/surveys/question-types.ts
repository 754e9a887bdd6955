import type { QuestionType } from './survey-schema';

/** Every question type, in the order the designer offers them. */
export const questionTypes = [
  'scale',
  'nps',
  'single',
  'multi',
  'text',
] as const satisfies readonly QuestionType[];

// Their names are staff words: surveys:questionType.<type> in app/locales/<language>/surveys.json.
