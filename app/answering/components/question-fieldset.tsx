import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface QuestionFrame {
  /** The form field name the answer is sent under. */
  name: string;
  /** The question's text, in the reader's language. */
  legend: ReactNode;
  required?: boolean;
  /** A message beside the question after a failed submit. */
  error?: string | null;
  /** A hint under the question (e.g. "Choose all that apply"). */
  hint?: string | null;
}

/**
 * The group every choosing question lives in: a fieldset whose legend is the question, so a
 * screen reader announces the question with each option; hint and error are described by it.
 */
export function QuestionFieldset({
  legend,
  required,
  error,
  hint,
  className,
  children,
}: Omit<QuestionFrame, 'name'> & { className: string; children: ReactNode }) {
  const { t } = useTranslation('answering');
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`question ${className}${error ? ' has-error' : ''}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {legend}
        {required ? <span className="required-mark"> ({t('required')})</span> : null}
      </legend>
      {hint ? (
        <p id={hintId} className="question-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="question-error">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
