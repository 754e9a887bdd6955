import { z } from 'zod';

import type { FieldErrors } from '../utils/submission';
import { applyEdit, parseEditIntent, withChoiceRows } from './designer-edits';
import { definitionFromDraft, draftFromForm, type SurveyDraft } from './designer-form';
import { getSurvey, saveSurvey } from './surveys.server';

export type DesignerOutcome =
  | { kind: 'saved' }
  | { kind: 'refused'; draft: SurveyDraft; errors: FieldErrors }
  | { kind: 'edited'; draft: SurveyDraft; focus: string; notice?: string }
  | { kind: 'not-found' };

const revision = z.coerce.number().int().min(0).catch(-1);

/** Ids of the survey's questions that have answers: all of them once the survey has any. */
export function answeredIdsOf(survey: {
  hasAnswers: boolean;
  definition: { questions: { id: string }[] };
}) {
  return survey.hasAnswers ? survey.definition.questions.map((question) => question.id) : [];
}

/**
 * One post of the designer form: `save` validates and stores the draft; the other intents
 * reshape it and send it back unsaved. A refused save stores nothing and keeps what was typed.
 */
export async function handleDesignerPost(
  surveyId: string,
  formData: FormData,
  now: Date,
): Promise<DesignerOutcome> {
  const survey = await getSurvey(surveyId);
  if (!survey) return { kind: 'not-found' };
  const draft = withChoiceRows(draftFromForm(formData));
  const posted = formData.get('intent');
  const intent = typeof posted === 'string' ? posted : 'save';

  if (intent === 'save') {
    const parsed = definitionFromDraft(draft);
    if (!parsed.ok) return { kind: 'refused', draft, errors: parsed.errors };
    const saved = await saveSurvey(
      surveyId,
      parsed.definition,
      revision.parse(formData.get('revision')),
      now,
    );
    if (!saved) return { kind: 'not-found' };
    if (!saved.ok) return { kind: 'refused', draft, errors: saved.errors };
    return { kind: 'saved' };
  }

  const edit = parseEditIntent(intent, formData.get('newQuestionType'));
  if (!edit)
    return { kind: 'refused', draft, errors: { form: ['surveys:errors.chooseSurveyIntent'] } };
  const edited = applyEdit(draft, edit, new Set(answeredIdsOf(survey)));
  return { kind: 'edited', ...edited, draft: withChoiceRows(edited.draft) };
}
