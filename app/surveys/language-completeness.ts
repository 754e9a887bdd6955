import type { LanguageCode } from '../../models/vocabulary';
import { messageText } from '../i18n';
import { message } from '../utils/message';
import type { SurveyDefinition } from './survey-schema';

// A survey offered in a language must say everything in it: a Norwegian reader who gets half the
// questions in English is told, in effect, that their language is an afterthought. The designer
// lets drafts be incomplete (texts are written over days); starting the survey is where it counts.

export interface MissingTexts {
  language: LanguageCode;
  /** What lacks a text in that language: the title, or questions by number and default text. */
  missing: ({ what: 'title' } | { what: 'question'; number: number; text: string })[];
}

const has = (texts: Partial<Record<LanguageCode, string>>, language: LanguageCode) =>
  (texts[language] ?? '').trim() !== '';

/** Every offered language with what has no text in it; empty when the survey is complete. */
function missingTexts(definition: SurveyDefinition): MissingTexts[] {
  const fallback = definition.defaultLanguage;
  const live = definition.questions.filter((question) => !question.archived);
  const found: MissingTexts[] = [];
  for (const language of definition.languages) {
    const missing: MissingTexts['missing'] = [];
    if (!has(definition.title, language)) missing.push({ what: 'title' });
    live.forEach((question, index) => {
      const choices = 'choices' in question ? question.choices : [];
      const complete =
        has(question.text, language) && choices.every((choice) => has(choice.label, language));
      if (!complete) {
        missing.push({
          what: 'question',
          number: index + 1,
          text: question.text[fallback] ?? question.id,
        });
      }
    });
    if (missing.length > 0) found.push({ language, missing });
  }
  return found;
}

/**
 * Why the survey cannot start, naming each language and what it lacks; null when it can. A
 * message key (see ~/utils/message) whose list is already in `reader`'s words: the list has a
 * part per language, which one message's values cannot say otherwise.
 */
export function missingTextsMessage(
  definition: SurveyDefinition,
  reader: LanguageCode = 'en',
): string | null {
  const found = missingTexts(definition);
  if (found.length === 0) return null;
  const say = (key: Parameters<typeof message>[0], values?: Parameters<typeof message>[1]) =>
    messageText(message(key, values), reader);
  const lines = found.map(({ language, missing }) =>
    say('surveys:errors.missingIn', {
      language: say(`surveys:language.${language}`),
      code: language,
      items: missing
        .map((item) =>
          item.what === 'title'
            ? say('surveys:errors.missingTitle')
            : say('surveys:errors.missingQuestion', { number: item.number, text: item.text }),
        )
        .join(', '),
    }),
  );
  return message('surveys:errors.incomplete', { lines: lines.join('; ') });
}
