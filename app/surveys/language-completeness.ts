import type { LanguageCode, SurveyDefinition } from './survey-schema';

// A survey offered in a language must say everything in it: a Norwegian reader who gets half the
// questions in English is told, in effect, that their language is an afterthought. The designer
// lets drafts be incomplete (texts are written over days); starting the survey is where it counts.

const languageNames: Record<LanguageCode, string> = {
  en: 'English',
  uk: 'Ukrainian',
  nb: 'Norwegian Bokmål',
  pt: 'Portuguese',
  pl: 'Polish',
  lv: 'Latvian',
};

export interface MissingTexts {
  language: LanguageCode;
  /** What lacks a text in that language: "the title" or a question's number and default text. */
  missing: string[];
}

const has = (texts: Partial<Record<LanguageCode, string>>, language: LanguageCode) =>
  (texts[language] ?? '').trim() !== '';

/** Every offered language with what has no text in it; empty when the survey is complete. */
export function missingTexts(definition: SurveyDefinition): MissingTexts[] {
  const fallback = definition.defaultLanguage;
  const live = definition.questions.filter((question) => !question.archived);
  const found: MissingTexts[] = [];
  for (const language of definition.languages) {
    const missing: string[] = [];
    if (!has(definition.title, language)) missing.push('the title');
    live.forEach((question, index) => {
      const choices = 'choices' in question ? question.choices : [];
      const complete =
        has(question.text, language) && choices.every((choice) => has(choice.label, language));
      if (!complete)
        missing.push(`question ${index + 1} “${question.text[fallback] ?? question.id}”`);
    });
    if (missing.length > 0) found.push({ language, missing });
  }
  return found;
}

/** Why the survey cannot start, naming each language and what it lacks; null when it can. */
export function missingTextsMessage(definition: SurveyDefinition): string | null {
  const found = missingTexts(definition);
  if (found.length === 0) return null;
  const lines = found.map(
    ({ language, missing }) =>
      `${languageNames[language]} (${language}) has no text for ${missing.join(', ')}`,
  );
  return `The survey cannot start until every language it offers is complete: ${lines.join('; ')}. Fill these in, or take the language off the survey.`;
}
