import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { CommentQuestion } from '../answering/components/comment-question';
import { FieldError } from '../surveys/components/survey-form/field-error';
import { fieldId } from '../surveys/components/survey-form/fields';
import type { DesignerFieldsProps, QuestionTypeModule } from './question-type';
import { defaultCommentLength } from './text.schema';

const refusal = {
  code: 'comment',
  message: (max: number) => `Write between 1 and ${max} characters.`,
} as const;

function MaxLengthField({ index, question, errors }: DesignerFieldsProps) {
  const { t } = useTranslation('surveys');
  const name = `questions.${index}.maxLength`;
  return (
    <div className="field text-fields">
      <label htmlFor={fieldId(name)}>{t('designer.question.maxLength')}</label>
      <input
        id={fieldId(name)}
        name={name}
        inputMode="numeric"
        defaultValue={question.maxLength}
        aria-invalid={errors[name]?.length ? true : undefined}
      />
      <FieldError errors={errors} name={name} />
    </div>
  );
}

/**
 * An open comment: never counted into a figure, read on the comments page once the cycle is
 * settled, and answered by staff through the respondent's receipt.
 */
export const text = {
  DesignerFields: MaxLengthField,
  draft: {
    blank: () => ({ choices: [], maxLength: String(defaultCommentLength) }),
    fromQuestion: (question) => ({
      choices: [],
      maxLength: 'maxLength' in question ? String(question.maxLength) : '',
    }),
    // Left empty, a comment takes the default length.
    toCandidate: (question, read) => ({
      maxLength: question.maxLength.trim()
        ? read.wholeNumber(question.maxLength)
        : defaultCommentLength,
    }),
  },
  AnswerInput: ({ frame, question }) => (
    <CommentQuestion {...frame} maxLength={question.maxLength ?? defaultCommentLength} />
  ),
  answer: {
    refusal,
    schema: (question) => {
      const max = question.maxLength ?? defaultCommentLength;
      return z
        .string({ message: refusal.message(max) })
        .trim()
        .min(1, refusal.message(max))
        .max(max, refusal.message(max));
    },
    fromForm: (values) => values,
    comment: true,
    seconds: 45,
  },
  rollup: () => ({}),
  insights: { measure: null, split: null, drivers: false },
  demoAnswer: (_question, { random, comments }) =>
    random() < 0.15 ? (comments[Math.floor(random() * comments.length)] ?? null) : null,
  words: {
    answering: ['comment.counter', 'comment.remaining', 'errors.comment'],
    surveys: ['questionType.text', 'designer.question.maxLength'],
  },
} as const satisfies QuestionTypeModule;
