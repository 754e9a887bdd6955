import { useTranslation } from 'react-i18next';

import { QuestionFieldset, type QuestionFrame } from './question-fieldset';

const scores = Array.from({ length: 11 }, (_, score) => score);

/**
 * 0–10 "how likely": eleven numbered radios in a row that wraps on a phone. The words for the
 * two ends are shown above and are part of the accessible names of 0 and 10.
 */
export function NpsQuestion({
  name,
  defaultValue,
  onChange,
  ...frame
}: QuestionFrame & { defaultValue?: number | null; onChange?: (value: number) => void }) {
  const { t } = useTranslation('answering');
  const low = t('nps.low');
  const high = t('nps.high');
  return (
    <QuestionFieldset {...frame} className="question-nps">
      <p className="nps-ends" aria-hidden="true">
        <span>0 · {low}</span>
        <span>10 · {high}</span>
      </p>
      <div className="options options-nps">
        {scores.map((score) => (
          <label key={score} className="option option-number-only">
            <input
              type="radio"
              name={name}
              value={score}
              defaultChecked={defaultValue === score}
              required={frame.required}
              onChange={() => onChange?.(score)}
              aria-label={
                score === 0
                  ? t('nps.scoreWithLabel', { score, label: low })
                  : score === 10
                    ? t('nps.scoreWithLabel', { score, label: high })
                    : undefined
              }
            />
            <span className="option-label">{score}</span>
          </label>
        ))}
      </div>
    </QuestionFieldset>
  );
}
