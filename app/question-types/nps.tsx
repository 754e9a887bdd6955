import { NpsQuestion } from '../answering/components/nps-question';
import { numbersFromForm, ratingDraft, ratingIncrements, wholeNumberIn } from './numbers';
import type { QuestionTypeModule } from './question-type';

const refusal = { code: 'nps', message: 'Choose a whole number from 0 to 10.' } as const;

/** 0–10 "how likely would you recommend": eNPS, and a department's rating by its customers. */
export const nps = {
  DesignerFields: null,
  draft: ratingDraft,
  AnswerInput: ({ frame }) => <NpsQuestion {...frame} />,
  answer: {
    refusal,
    schema: () => wholeNumberIn(0, 10, refusal.message),
    fromForm: numbersFromForm,
    comment: false,
    seconds: 10,
  },
  rollup: ratingIncrements,
  insights: { measure: 'enps', split: { good: 9, middle: 7 }, drivers: false },
  demoAnswer: (_question, { felt, noise }) =>
    Math.min(10, Math.max(0, Math.round((felt - 1) * 2.5 + noise * 2))),
  words: {
    answering: ['nps.low', 'nps.high', 'nps.scoreWithLabel', 'errors.nps'],
    surveys: ['questionType.nps'],
  },
} as const satisfies QuestionTypeModule;
