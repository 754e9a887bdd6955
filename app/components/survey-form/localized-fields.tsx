import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';
import type { DraftErrors } from '~/surveys/designer-form';

import { type LanguageCode, languageCodes } from '../../../models/vocabulary';
import { errorText, fieldId } from './fields';

/**
 * One input per language. All six are in the page; the stylesheet shows only the languages
 * ticked under Languages (no script needed), and texts in other languages are dropped on save.
 */
export function LocalizedFields({
  name,
  label,
  values,
  errors,
  multiline = false,
  maxLength = 2000,
}: {
  name: string;
  label: string;
  values: Partial<Record<LanguageCode, string>>;
  errors: DraftErrors;
  multiline?: boolean;
  maxLength?: number;
}) {
  const { t } = useTranslation('surveys');
  const say = useMessage();
  return (
    <div className="localized-fields">
      {languageCodes.map((language) => {
        const field = `${name}.${language}`;
        const id = fieldId(field);
        const error = errorText(errors, field, say);
        const input = {
          id,
          name: field,
          lang: language,
          defaultValue: values[language] ?? '',
          maxLength,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        };
        return (
          <div key={language} className={`field lang-field lang-${language}`}>
            <label htmlFor={id}>
              {label} <span className="muted">({t(`language.${language}`)})</span>
            </label>
            {multiline ? <textarea rows={2} {...input} /> : <input type="text" {...input} />}
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
