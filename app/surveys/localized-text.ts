import { z } from 'zod';

import { languageCodes } from '../../models/vocabulary';

// A leaf of the survey's schema: its languages' texts, for survey-schema.ts and the question
// types' schemas (app/question-types), which survey-schema.ts builds its questions from.

export const languageCode = z.enum(languageCodes);

/** A text in some of the survey's languages; the default language must be present (checked on the survey). */
export const localizedText = z.record(languageCode, z.string().trim().max(2000));
export type LocalizedText = z.infer<typeof localizedText>;
