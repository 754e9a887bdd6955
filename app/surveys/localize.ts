import type { LanguageCode } from '../../models/vocabulary';
import type { LocalizedText } from './survey-schema';

/**
 * A survey text in the reader's language, else in the survey's default language (which every
 * text has), else in any language it has, so a reader never meets an empty question. The one way
 * to pick a text in a language: answering pages, mails, QR cards, templates and insights use it.
 */
export function localize(
  text: LocalizedText,
  language: LanguageCode,
  fallback: LanguageCode,
): string {
  const own = text[language]?.trim();
  if (own) return own;
  const byDefault = text[fallback]?.trim();
  if (byDefault) return byDefault;
  return (
    Object.values(text)
      .find((value) => value?.trim())
      ?.trim() ?? ''
  );
}
