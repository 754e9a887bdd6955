import type { SurveyDefinition } from './survey-schema';

// What an edit may change once a survey has answers. Trends are keyed by question id, so every
// answered question keeps its id and its type; one left out of an edit is archived, not lost.

export type EditCheck =
  { ok: true; definition: SurveyDefinition } | { ok: false; errors: Record<string, string[]> };

/**
 * The submitted survey, made safe to store over the stored one. Without answers anything goes.
 * With answers: a question whose id is gone comes back archived, and a question may not change
 * its type (its answers would no longer mean the same).
 */
export function keepAnsweredQuestions(
  stored: SurveyDefinition,
  submitted: SurveyDefinition,
  hasAnswers: boolean,
): EditCheck {
  if (!hasAnswers) return { ok: true, definition: submitted };
  const storedById = new Map(stored.questions.map((question) => [question.id, question]));
  const errors: Record<string, string[]> = {};
  submitted.questions.forEach((question, index) => {
    const before = storedById.get(question.id);
    if (before && before.type !== question.type) {
      errors[`questions.${index}.type`] = ['surveys:errors.answeredTypeFixed'];
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const submittedIds = new Set(submitted.questions.map((question) => question.id));
  const dropped = stored.questions
    .filter((question) => !submittedIds.has(question.id))
    .map((question) => ({ ...question, archived: true }));
  return {
    ok: true,
    definition: { ...submitted, questions: [...submitted.questions, ...dropped] },
  };
}
