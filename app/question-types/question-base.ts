import { z } from 'zod';

import { localizedText } from '../surveys/localized-text';

// What every question has, whatever its type; each type's schema (<type>.schema.ts) extends it.

export const questionId = z.string().regex(/^[a-z0-9_-]{3,40}$/, 'surveys:errors.questionId');

export const questionBase = z.object({
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

/** The choices of a single- or multiple-choice question. */
export const choices = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'surveys:errors.choiceId'),
      label: localizedText,
    }),
  )
  .min(2, 'surveys:errors.twoChoices');
