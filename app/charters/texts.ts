import type { LocalizedText } from '../surveys/survey-schema';

/** Stored texts per language (a Mixed field) as the texts they hold. */
export function textsOf(stored: unknown): LocalizedText {
  if (typeof stored !== 'object' || stored === null) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
