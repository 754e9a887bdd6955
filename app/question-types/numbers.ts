import { z } from 'zod';

import type { AnswerValue, QuestionTypeModule } from './question-type';

// What the two rating types (scale, nps) share: a whole number in a fixed range, counted with
// its sum, its square and a histogram, so means, spreads and splits come from the rollup alone.

export function wholeNumberIn(min: number, max: number, message: string): z.ZodType<AnswerValue> {
  return z.number({ message }).int(message).min(min, message).max(max, message);
}

/** Numbers as sent ("4"), anything else as it came, for the schema to refuse by name. */
export const numbersFromForm = (values: string[]) =>
  values.map((value) => (/^-?\d{1,3}$/.test(value) ? Number(value) : value));

export function ratingIncrements(value: unknown): Record<string, number> {
  if (typeof value !== 'number') return {};
  return { sum: value, sumSquares: value * value, [`histogram.${value}`]: 1 };
}

/** The rating types add nothing to a designer draft. */
export const ratingDraft = {
  blank: () => ({ choices: [], maxLength: '' }),
  fromQuestion: () => ({ choices: [], maxLength: '' }),
  toCandidate: () => ({}),
} as const satisfies QuestionTypeModule['draft'];
