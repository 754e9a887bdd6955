import {
  choiceDesignerWords,
  choiceDraft,
  ChoiceFields,
  choiceIncrements,
  choosingInput,
  oneChoiceOf,
} from './choices';
import type { QuestionTypeModule } from './question-type';

const refusal = { code: 'choice', message: 'Choose one of the choices offered.' } as const;

/** One choice among the survey's (radios): counted by choice. */
export const single = {
  DesignerFields: ChoiceFields,
  draft: choiceDraft,
  AnswerInput: choosingInput(false),
  answer: {
    refusal,
    schema: (question) => oneChoiceOf(question, refusal.message),
    fromForm: (values) => values,
    comment: false,
    seconds: 12,
  },
  rollup: (value) => (typeof value === 'string' ? choiceIncrements([value]) : {}),
  insights: { measure: null, split: null, drivers: false },
  demoAnswer: (question, { random }) => {
    const offered = question.choices ?? [];
    return offered[Math.floor(random() * offered.length)]?.id ?? null;
  },
  words: {
    answering: ['errors.choice'],
    surveys: ['questionType.single', ...choiceDesignerWords],
  },
} as const satisfies QuestionTypeModule;
