import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { AskedView } from '~/answering/asked-view';

import { QuestionField } from './question-field';

export interface ProviderCardProps {
  index: number;
  total: number;
  providerId: string;
  providerName: string | null;
  questions: AskedView[];
  /** The message beside each question, already in the reader's language. */
  messageOf: (question: AskedView) => string | null;
  skipped: boolean;
  /** With JavaScript the cards are steps: only the current one is shown, with its buttons. */
  stepper: { current: boolean; onPrevious: () => void; onNext: () => void } | null;
}

/**
 * One rated department's questions as a card with its place among them ("2 of 6"). Without
 * JavaScript every card is on the page, open and collapsible; with it, the cards are steps. A
 * hidden step keeps its fields in the form, so moving between steps loses no answer and the
 * draft kept on the device holds them all.
 */
export function ProviderCard({
  index,
  total,
  providerId,
  providerName,
  questions,
  messageOf,
  skipped,
  stepper,
}: ProviderCardProps) {
  const { t } = useTranslation('answering');
  const nameId = useId();
  return (
    <details
      className="provider-card"
      open
      hidden={stepper ? !stepper.current : undefined}
      data-card={index}
    >
      <summary className="provider-summary">
        <span id={nameId} className="provider-name">
          {providerName}
        </span>
        <span className="provider-position">
          {t('steps.position', { current: index + 1, total })}
        </span>
      </summary>
      <fieldset className="provider-group" aria-labelledby={nameId}>
        <label className="answer-option not-used">
          <input type="checkbox" name={`skip.${providerId}`} value="on" />
          <span>{t('notUsed')}</span>
        </label>
        {/* Disabled while skipped: nothing about this department is sent. */}
        <fieldset className="provider-questions" disabled={skipped}>
          {questions.map((question) => (
            <QuestionField
              key={question.key}
              question={question}
              error={messageOf(question)}
              skipped={skipped}
            />
          ))}
        </fieldset>
      </fieldset>
      {stepper ? (
        <div className="step-nav">
          {index > 0 ? (
            <button type="button" className="button button-secondary" onClick={stepper.onPrevious}>
              {t('steps.previous')}
            </button>
          ) : null}
          {index < total - 1 ? (
            <button type="button" className="button" onClick={stepper.onNext}>
              {t('steps.next')}
            </button>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
