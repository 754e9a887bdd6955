import {
  choiceDesignerWords,
  choiceDraft,
  ChoiceFields,
  choiceIncrements,
  choosingInput,
  someChoicesOf,
} from './choices';
import type { QuestionTypeModule } from './question-type';

const refusal = {
  code: 'choices',
  message: 'Choose one or more of the choices offered, each once.',
} as const;

/** Any of the survey's choices (check boxes): each chosen one counted. */
export const multi = {
  DesignerFields: ChoiceFields,
  draft: choiceDraft,
  AnswerInput: choosingInput(true),
  answer: {
    refusal,
    schema: (question) => someChoicesOf(question, refusal.message),
    // Every box ticked is one answer: a list.
    fromForm: (values) => [values],
    comment: false,
    seconds: 15,
  },
  rollup: (value) => (Array.isArray(value) ? choiceIncrements(value) : {}),
  insights: { measure: null, split: null, drivers: false },
  demoAnswer: (question, { random }) => {
    const chosen = (question.choices ?? [])
      .filter(() => random() < 0.35)
      .map((choice) => choice.id);
    return chosen.length === 0 ? null : chosen;
  },
  words: {
    answering: ['chooseAll', 'errors.choices'],
    surveys: ['questionType.multi', ...choiceDesignerWords],
  },
} as const satisfies QuestionTypeModule;
