import { type LanguageCode, languageCodes } from '../../models/vocabulary';
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
  return localizeIn(text, language, fallback)?.text ?? '';
}

/**
 * The same pick, saying which language it is in (for a page's `lang` attribute), or null when
 * the text is empty in every language.
 */
export function localizeIn(
  text: LocalizedText,
  language: LanguageCode,
  fallback: LanguageCode,
): { text: string; language: LanguageCode } | null {
  for (const each of [language, fallback, ...languageCodes]) {
    const found = text[each]?.trim();
    if (found) return { text: found, language: each };
  }
  return null;
}
