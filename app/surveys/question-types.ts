import type { QuestionType } from './survey-schema';

/** Every question type, in the order the designer offers them. */
export const questionTypes = [
  'scale',
  'nps',
  'single',
  'multi',
  'text',
] as const satisfies readonly QuestionType[];

export const questionTypeNames: Record<QuestionType, string> = {
  scale: 'Agreement scale (1–5)',
  nps: 'Recommendation (0–10, NPS)',
  single: 'Single choice',
  multi: 'Multiple choice',
  text: 'Open comment',
};
