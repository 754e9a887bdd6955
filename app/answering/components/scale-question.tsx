import { useTranslation } from 'react-i18next';

import { QuestionFieldset, type QuestionFrame } from './question-fieldset';

const points = [1, 2, 3, 4, 5] as const;

/** A 1–5 agreement scale: five large radio options, each with its words. */
export function ScaleQuestion({
  name,
  defaultValue,
  onChange,
  ...frame
}: QuestionFrame & { defaultValue?: number | null; onChange?: (value: number) => void }) {
  const { t } = useTranslation('answering');
  return (
    <QuestionFieldset {...frame} className="question-scale">
      <div className="options options-scale">
        {points.map((point) => (
          <label key={point} className="option">
            <input
              type="radio"
              name={name}
              value={point}
              defaultChecked={defaultValue === point}
              required={frame.required}
              onChange={() => onChange?.(point)}
            />
            <span className="option-label">
              <span className="option-number">{point}</span> {t(`scale.${point}`)}
            </span>
          </label>
        ))}
      </div>
    </QuestionFieldset>
  );
}
