import { languageCodes } from '../../../models/vocabulary';
import type { LocalizedText, Question } from '../survey-schema';
import type { SurveyTemplate } from './template';

// What every built-in template shares, written once: the survey settings a template does not
// choose, and the question fields every template question has (optional, core unless it takes
// turns, not archived). A template file is then its words.

/** How a question is asked, where it differs from a plain core question about everyone. */
export interface Asked {
  driver?: string;
  /** false: the question takes turns with the other rotating ones. */
  core?: boolean;
  /** Asked once for each department rated; its text names {department}. */
  internalService?: boolean;
}

type Choice = { id: string; label: LocalizedText };
type QuestionOf<Type extends Question['type']> = Extract<Question, { type: Type }>;

function asked(
  id: string,
  text: LocalizedText,
  { driver, core = true, internalService = false }: Asked,
) {
  // Every question is optional: HR can make one required in the designer (see ./template.ts).
  return {
    id,
    ...(driver ? { driver } : {}),
    required: false,
    core,
    internalService,
    archived: false,
    text,
  };
}

/** A statement answered on the 1–5 agreement scale. */
export function scale(id: string, how: Asked, text: LocalizedText): QuestionOf<'scale'> {
  return { type: 'scale', ...asked(id, text, how) };
}

/** The 0–10 "how likely are you to recommend" question. */
export function nps(id: string, how: Asked, text: LocalizedText): QuestionOf<'nps'> {
  return { type: 'nps', ...asked(id, text, how) };
}

/** The free-text question, of up to 2,000 characters, that most templates end with. */
export function comment(id: string, how: Asked, text: LocalizedText): QuestionOf<'text'> {
  return { type: 'text', maxLength: 2000, ...asked(id, text, how) };
}

export function singleChoice(
  id: string,
  how: Asked,
  text: LocalizedText,
  choices: Choice[],
): QuestionOf<'single'> {
  return { type: 'single', ...asked(id, text, how), choices };
}

export function multipleChoice(
  id: string,
  how: Asked,
  text: LocalizedText,
  choices: Choice[],
): QuestionOf<'multi'> {
  return { type: 'multi', ...asked(id, text, how), choices };
}

/** The last choice of a choice question, for what the others miss. */
export const otherChoice: Choice = {
  id: 'other',
  label: { en: 'Other', uk: 'Інше', nb: 'Annet', pt: 'Outro', pl: 'Inne', lv: 'Cits' },
};

/**
 * A template in all six languages, English first, with the default anonymity threshold, and at
 * most twelve questions a cycle unless it says otherwise.
 */
export function surveyTemplate({
  id,
  name,
  description,
  title,
  intro,
  questions,
  schedule,
  maxQuestionsPerCycle = 12,
}: Pick<SurveyTemplate, 'id' | 'name' | 'description'> &
  Pick<SurveyTemplate['definition'], 'title' | 'intro' | 'questions' | 'schedule'> & {
    maxQuestionsPerCycle?: number;
  }): SurveyTemplate {
  return {
    id,
    name,
    description,
    definition: {
      title,
      intro,
      defaultLanguage: 'en',
      languages: [...languageCodes],
      anonymityThreshold: 5,
      questions,
      schedule,
      rotation: { maxQuestionsPerCycle },
    },
  };
}
