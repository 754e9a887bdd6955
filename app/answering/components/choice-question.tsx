import { useTranslation } from 'react-i18next';

import { QuestionFieldset, type QuestionFrame } from './question-fieldset';

export interface Choice {
  value: string;
  /** In the reader's language. */
  label: string;
}

/** One choice (radios) or several (check boxes, with a hint saying so). */
export function ChoiceQuestion({
  name,
  choices,
  multiple = false,
  defaultValue,
  onChange,
  ...frame
}: QuestionFrame & {
  choices: Choice[];
  multiple?: boolean;
  defaultValue?: string | string[] | null;
  /** The chosen values after each change. */
  onChange?: (values: string[]) => void;
}) {
  const { t } = useTranslation('answering');
  const chosen = new Set(
    Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : [],
  );
  return (
    <QuestionFieldset
      {...frame}
      hint={frame.hint ?? (multiple ? t('chooseAll') : null)}
      className={multiple ? 'question-multi' : 'question-single'}
    >
      <div className="options options-choice">
        {choices.map((choice) => (
          <label key={choice.value} className="option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={choice.value}
              defaultChecked={chosen.has(choice.value)}
              // A required group of check boxes cannot be expressed in HTML; the server checks it.
              required={!multiple && frame.required}
              onChange={(event) => {
                if (!onChange) return;
                const group = event.currentTarget.closest('fieldset');
                const values = Array.from(group?.querySelectorAll('input') ?? [])
                  .filter((input) => input.name === name && input.checked)
                  .map((input) => input.value);
                onChange(values);
              }}
            />
            <span className="option-label">{choice.label}</span>
          </label>
        ))}
      </div>
    </QuestionFieldset>
  );
}
