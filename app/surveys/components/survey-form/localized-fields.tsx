import { useTranslation } from 'react-i18next';

import { Field } from '~/components/ui/field';
import { useMessage } from '~/components/ui/use-message';
import type { FieldErrors } from '~/utils/submission';

import { type LanguageCode, languageCodes } from '../../../../models/vocabulary';
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
  errors: FieldErrors;
  multiline?: boolean;
  maxLength?: number;
}) {
  const { t } = useTranslation('surveys');
  const say = useMessage();
  return (
    <div className="localized-fields">
      {languageCodes.map((language) => {
        const field = `${name}.${language}`;
        return (
          <Field
            key={language}
            id={fieldId(field)}
            name={field}
            className={`lang-field lang-${language}`}
            label={
              <>
                {label} <span className="muted">({t(`language.${language}`)})</span>
              </>
            }
            error={errorText(errors, field, say)}
          >
            {(control) => {
              const input = {
                id: control.id,
                name: control.name,
                lang: language,
                defaultValue: values[language] ?? '',
                maxLength,
                'aria-invalid': control['aria-invalid'],
                'aria-describedby': control['aria-describedby'],
              };
              return multiline ? (
                <textarea rows={2} {...input} />
              ) : (
                <input type="text" {...input} />
              );
            }}
          </Field>
        );
      })}
    </div>
  );
}
