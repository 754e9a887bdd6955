import { ScaleQuestion } from '../answering/components/scale-question';
import { numbersFromForm, ratingDraft, ratingIncrements, wholeNumberIn } from './numbers';
import type { QuestionTypeModule } from './question-type';

const refusal = { code: 'scale', message: 'Choose a whole number from 1 to 5.' } as const;

/** A 1–5 agreement scale: the engagement score, the drivers and the internal-service matrix. */
export const scale = {
  DesignerFields: null,
  draft: ratingDraft,
  AnswerInput: ({ frame }) => <ScaleQuestion {...frame} />,
  answer: {
    refusal,
    schema: () => wholeNumberIn(1, 5, refusal.message),
    fromForm: numbersFromForm,
    comment: false,
    seconds: 10,
  },
  rollup: ratingIncrements,
  insights: { measure: 'score', split: { good: 4, middle: 3 }, drivers: true },
  demoAnswer: (_question, { felt, noise }) => Math.min(5, Math.max(1, Math.round(felt + noise))),
  words: {
    answering: ['scale.1', 'scale.2', 'scale.3', 'scale.4', 'scale.5', 'errors.scale'],
    surveys: ['questionType.scale'],
  },
} as const satisfies QuestionTypeModule;
