import { z } from 'zod';

import { questionTypes } from '../../models/vocabulary';
import { blankQuestion, type ChoiceDraft, newId, type SurveyDraft } from './designer-form';

// The designer's buttons that reshape the draft: add, remove, reorder questions and choices.
// Each posts the whole draft with an `intent` such as `move-up:3`; the server applies it and
// sends the draft back unsaved, so the page needs no script and nothing is stored half-done.

const index = z.coerce.number().int().min(0).max(999);

const editIntent = z.union([
  z.object({ kind: z.literal('add-question'), type: z.enum(questionTypes) }),
  z.object({
    kind: z.enum(['remove-question', 'restore-question', 'move-up', 'move-down', 'add-choice']),
    question: index,
  }),
  z.object({ kind: z.literal('remove-choice'), question: index, choice: index }),
]);
export type EditIntent = z.infer<typeof editIntent>;

/** `move-up:3` → { kind: 'move-up', question: 3 }; null for anything else. */
export function parseEditIntent(intent: string, newQuestionType: unknown): EditIntent | null {
  const [kind, question, choice] = intent.split(':');
  const candidate =
    kind === 'add-question' ? { kind, type: newQuestionType } : { kind, question, choice };
  const result = editIntent.safeParse(candidate);
  return result.success ? result.data : null;
}

export interface EditResult {
  draft: SurveyDraft;
  /** The element to focus after the page re-renders, so keyboard users keep their place. */
  focus: string;
  notice?: string;
}

/** Element ids the designer gives its controls; edits name them as the place to focus. */
export const designerIds = {
  question: (id: string) => `question-${id}`,
  moveUp: (id: string) => `question-${id}-up`,
  moveDown: (id: string) => `question-${id}-down`,
  questionText: (id: string) => `question-${id}-text`,
  choice: (questionId: string, choiceId: string) => `question-${questionId}-choice-${choiceId}`,
  addChoice: (id: string) => `question-${id}-add-choice`,
  addQuestion: 'add-question-type',
};

/**
 * Applies one edit. `answeredIds` are the ids of questions that already have answers: removing
 * one archives it instead, so its history stays reportable.
 */
export function applyEdit(
  draft: SurveyDraft,
  intent: EditIntent,
  answeredIds: ReadonlySet<string>,
): EditResult {
  const questions = [...draft.questions];
  const at = (i: number) => questions[Math.min(i, questions.length - 1)];
  switch (intent.kind) {
    case 'add-question': {
      const question = blankQuestion(intent.type);
      return {
        draft: { ...draft, questions: [...questions, question] },
        focus: designerIds.questionText(question.id),
      };
    }
    case 'remove-question': {
      const question = at(intent.question);
      if (!question) return { draft, focus: designerIds.addQuestion };
      if (answeredIds.has(question.id)) {
        questions[questions.indexOf(question)] = { ...question, archived: true };
        return {
          draft: { ...draft, questions },
          focus: designerIds.question(question.id),
          notice: 'surveys:designer.archivedNotice',
        };
      }
      return {
        draft: { ...draft, questions: questions.filter((item) => item !== question) },
        focus: designerIds.addQuestion,
        notice: 'surveys:designer.removedNotice',
      };
    }
    case 'restore-question': {
      const question = at(intent.question);
      if (!question) return { draft, focus: designerIds.addQuestion };
      questions[questions.indexOf(question)] = { ...question, archived: false };
      return { draft: { ...draft, questions }, focus: designerIds.question(question.id) };
    }
    case 'move-up':
    case 'move-down': {
      const from = Math.min(intent.question, questions.length - 1);
      const to = intent.kind === 'move-up' ? from - 1 : from + 1;
      const question = questions[from];
      if (!question) return { draft, focus: designerIds.addQuestion };
      if (to >= 0 && to < questions.length) {
        questions.splice(from, 1);
        questions.splice(to, 0, question);
      }
      // At the top (or bottom) the button just pressed is disabled: focus the other one.
      const now = questions.indexOf(question);
      const up = designerIds.moveUp(question.id);
      const down = designerIds.moveDown(question.id);
      const focus =
        intent.kind === 'move-up'
          ? now === 0
            ? down
            : up
          : now === questions.length - 1
            ? up
            : down;
      return { draft: { ...draft, questions }, focus };
    }
    case 'add-choice': {
      const question = at(intent.question);
      if (!question) return { draft, focus: designerIds.addQuestion };
      const choice: ChoiceDraft = { id: newId('c'), label: {} };
      questions[questions.indexOf(question)] = {
        ...question,
        choices: [...question.choices, choice],
      };
      return { draft: { ...draft, questions }, focus: designerIds.choice(question.id, choice.id) };
    }
    case 'remove-choice': {
      const question = at(intent.question);
      if (!question) return { draft, focus: designerIds.addQuestion };
      questions[questions.indexOf(question)] = {
        ...question,
        choices: question.choices.filter((_, i) => i !== intent.choice),
      };
      return { draft: { ...draft, questions }, focus: designerIds.addChoice(question.id) };
    }
  }
}

/**
 * Every question gets at least two choice rows, so switching its type to a choice question
 * shows places to type at once. Rows of other types are dropped when the survey is saved.
 */
export function withChoiceRows(draft: SurveyDraft): SurveyDraft {
  return {
    ...draft,
    questions: draft.questions.map((question) => {
      const missing = Math.max(0, 2 - question.choices.length);
      if (missing === 0) return question;
      const rows = Array.from({ length: missing }, () => ({ id: newId('c'), label: {} }));
      return { ...question, choices: [...question.choices, ...rows] };
    }),
  };
}
