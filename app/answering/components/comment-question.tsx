import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { QuestionFrame } from './question-fieldset';

// Screen readers hear the count only near the limit: announcing every keystroke would drown
// out what the person is typing.
const announceBelow = 50;

/** An open comment: a labelled text area with a character counter. */
export function CommentQuestion({
  name,
  legend,
  required,
  error,
  hint,
  maxLength,
  defaultValue = '',
  onChange,
}: QuestionFrame & {
  maxLength: number;
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  const { t } = useTranslation('answering');
  const id = useId();
  const [length, setLength] = useState(defaultValue.length);
  const remaining = maxLength - length;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, `${id}-count`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`question question-text${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="question-label">
        {legend}
        {required ? <span className="required-mark"> ({t('required')})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="question-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="question-error">
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={5}
        maxLength={maxLength}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(event) => {
          setLength(event.currentTarget.value.length);
          onChange?.(event.currentTarget.value);
        }}
      />
      <p id={`${id}-count`} className="comment-counter">
        <span aria-hidden="true">{t('comment.counter', { count: length, max: maxLength })}</span>
        <span className="visually-hidden">{t('comment.remaining', { count: remaining })}</span>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {remaining <= announceBelow ? t('comment.remaining', { count: remaining }) : ''}
      </p>
    </div>
  );
}
