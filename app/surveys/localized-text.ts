import { z } from 'zod';

// A leaf: the survey's languages and texts, for survey-schema.ts and the question types' schemas
// (app/question-types), which survey-schema.ts builds its questions from.

export const languageCodes = ['en', 'uk', 'nb', 'pt', 'pl', 'lv'] as const;
export const languageCode = z.enum(languageCodes);
export type LanguageCode = z.infer<typeof languageCode>;

/** A text in some of the survey's languages; the default language must be present (checked on the survey). */
export const localizedText = z.record(languageCode, z.string().trim().max(2000));
export type LocalizedText = z.infer<typeof localizedText>;
