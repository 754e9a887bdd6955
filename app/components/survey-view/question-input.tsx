import { useId } from 'react';

import type { RespondentWords } from '~/surveys/respondent-words';
import type { Question } from '~/surveys/survey-schema';

interface QuestionInputProps {
  question: Question;
  /** The question's text, already in the reader's language with {department} filled in. */
  text: string;
  /** Choice labels in the reader's language, by choice id. */
  choiceLabel: (choiceId: string) => string;
  name: string;
  words: RespondentWords;
}

/** One question as an employee answers it: a labelled group of radios, boxes or a text area. */
export function QuestionInput({ question, text, choiceLabel, name, words }: QuestionInputProps) {
  const id = useId();
  const required = question.required ? (
    <span className="required-mark"> ({words.required})</span>
  ) : null;

  if (question.type === 'text') {
    return (
      <div className="field answer">
        <label htmlFor={id}>
          {text}
          {required}
        </label>
        <textarea id={id} name={name} rows={4} maxLength={question.maxLength} />
      </div>
    );
  }

  const options =
    question.type === 'scale'
      ? words.scale.map((label, index) => ({
          value: String(index + 1),
          label: `${index + 1} · ${label}`,
        }))
      : question.type === 'nps'
        ? Array.from({ length: 11 }, (_, score) => ({ value: String(score), label: String(score) }))
        : question.choices.map((choice) => ({ value: choice.id, label: choiceLabel(choice.id) }));
  const multiple = question.type === 'multi';

  return (
    <fieldset
      className={`answer answer-${question.type}`}
      aria-describedby={multiple ? `${id}-hint` : undefined}
    >
      <legend>
        {text}
        {required}
      </legend>
      {multiple ? (
        <p id={`${id}-hint`} className="field-hint">
          {words.chooseAll}
        </p>
      ) : null}
      {question.type === 'nps' ? (
        <p className="nps-ends" aria-hidden="true">
          <span>0 · {words.npsLow}</span>
          <span>10 · {words.npsHigh}</span>
        </p>
      ) : null}
      <div className="answer-options">
        {options.map((option) => (
          <label key={option.value} className="answer-option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.value}
              aria-label={
                question.type === 'nps' && (option.value === '0' || option.value === '10')
                  ? `${option.value} · ${option.value === '0' ? words.npsLow : words.npsHigh}`
                  : undefined
              }
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
