import { useTranslation } from 'react-i18next';
import { z } from 'zod';

import { ChoiceQuestion } from '../answering/components/choice-question';
import { EditButton } from '../surveys/components/survey-form/edit-button';
import { FieldError } from '../surveys/components/survey-form/field-error';
import { fieldId } from '../surveys/components/survey-form/fields';
import { LocalizedFields } from '../surveys/components/survey-form/localized-fields';
import { designerIds } from '../surveys/designer-edits';
import type {
  AnswerInputProps,
  DesignerFieldsProps,
  QuestionParts,
  QuestionTypeModule,
} from './question-type';

// What the two choosing types (single, multi) share: the designer's list of choices, the answer
// page's radios or boxes, and a histogram by choice id.

export const choiceIds = (question: QuestionParts) =>
  new Set((question.choices ?? []).map((choice) => choice.id));

/** One of the question's choices, by id. */
export const oneChoiceOf = (question: QuestionParts, message: string) => {
  const ids = choiceIds(question);
  return z.string({ message }).refine((id) => ids.has(id), message);
};

/** One or more of the question's choices, each once. */
export const someChoicesOf = (question: QuestionParts, message: string) => {
  const ids = choiceIds(question);
  return z
    .array(z.string(), { message })
    .min(1, message)
    .refine(
      (chosen) => chosen.every((id) => ids.has(id)) && new Set(chosen).size === chosen.length,
      message,
    );
};

/** Each chosen choice counts once in the histogram, under its id. */
export function choiceIncrements(chosen: readonly unknown[]): Record<string, number> {
  const inc: Record<string, number> = {};
  for (const choice of chosen) if (typeof choice === 'string') inc[`histogram.${choice}`] = 1;
  return inc;
}

export function choosingInput(multiple: boolean) {
  return function ChoosingInput({ frame, question }: AnswerInputProps) {
    return (
      <ChoiceQuestion
        {...frame}
        multiple={multiple}
        choices={question.choices.map((choice) => ({ value: choice.id, label: choice.label }))}
      />
    );
  };
}

/** The designer's choices: one localized label each, with buttons to add and remove them. */
export function ChoiceFields({ question, index, errors }: DesignerFieldsProps) {
  const { t } = useTranslation('surveys');
  const name = `questions.${index}.choices`;
  return (
    <fieldset id={fieldId(name)} tabIndex={-1} className="fieldset choice-fields">
      <legend>{t('designer.question.choices')}</legend>
      <FieldError errors={errors} name={name} />
      <ol className="choice-list">
        {question.choices.map((choice, choiceIndex) => {
          const base = `${name}.${choiceIndex}`;
          return (
            <li key={choice.id} id={designerIds.choice(question.id, choice.id)} tabIndex={-1}>
              <input type="hidden" name={`${base}.id`} value={choice.id} />
              <FieldError errors={errors} name={`${base}.id`} />
              <LocalizedFields
                name={`${base}.label`}
                label={t('designer.question.choice', { number: choiceIndex + 1 })}
                values={choice.label}
                errors={errors}
                maxLength={200}
              />
              <EditButton intent={`remove-choice:${index}:${choiceIndex}`}>
                {t('designer.question.removeChoice', { number: choiceIndex + 1 })}
              </EditButton>
            </li>
          );
        })}
      </ol>
      <EditButton id={designerIds.addChoice(question.id)} intent={`add-choice:${index}`}>
        {t('designer.question.addChoice')}
      </EditButton>
    </fieldset>
  );
}

/** The designer's words for choices, shared by both choosing types. */
export const choiceDesignerWords = [
  'designer.question.choices',
  'designer.question.choice',
  'designer.question.removeChoice',
  'designer.question.addChoice',
] as const;

/** A choosing question's draft: its choices, two empty ones to start with. */
export const choiceDraft = {
  blank: (newChoiceId) => ({
    choices: [
      { id: newChoiceId(), label: {} },
      { id: newChoiceId(), label: {} },
    ],
    maxLength: '',
  }),
  fromQuestion: (question) => ({
    choices:
      'choices' in question
        ? question.choices.map((choice) => ({ id: choice.id, label: { ...choice.label } }))
        : [],
    maxLength: '',
  }),
  toCandidate: (question, read) => ({
    choices: question.choices.map((choice) => ({ id: choice.id, label: read.texts(choice.label) })),
  }),
} as const satisfies QuestionTypeModule['draft'];
