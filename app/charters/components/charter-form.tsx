import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { CheckboxField } from '~/components/ui/checkbox-field';
import { Field } from '~/components/ui/field';
import { FormAlert } from '~/components/ui/form-alert';
import { TextField } from '~/components/ui/text-field';
import { driverName } from '~/utils/driver-name';
import type { FieldErrors } from '~/utils/submission';

import { languageCodes } from '../../../models/vocabulary';

export interface MeasureOptionView {
  value: string;
  label: string;
  survey: string | null;
  kind: 'driver' | 'question';
}

export interface StandardFormView {
  key: string;
  text: Record<string, string>;
  measure: string;
  target: number | string;
}

/**
 * The charter's standards as one form that works without JavaScript: each standard's texts (one
 * field per language), its measure and target, a box to remove it, and one blank standard at the
 * end to add. A refused form shows what was typed and each message beside its field.
 */
export function CharterForm({
  standards,
  options,
  errors,
  values,
  submitting,
}: {
  standards: StandardFormView[];
  options: MeasureOptionView[];
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
  submitting: boolean;
}) {
  const { t } = useTranslation('charters');
  const rows: StandardFormView[] = [...standards, { key: '', text: {}, measure: '', target: '' }];
  const sent = (name: string, fallback: string) => {
    const value = values?.[name];
    return typeof value === 'string' ? value : fallback;
  };
  const drivers = options.filter((option) => option.kind === 'driver');
  const questions = options.filter((option) => option.kind === 'question');
  return (
    <Form method="post" className="form charter-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <h2>{t('form.title')}</h2>
      <FormAlert message={errors?.form?.[0]} />
      {rows.map((standard, index) => {
        const name = (field: string) => `standards.${index}.${field}`;
        const isNew = index === standards.length;
        return (
          <fieldset key={standard.key || `new-${index}`} className="charter-standard">
            <legend>
              {isNew ? t('form.newStandard') : t('form.standard', { number: index + 1 })}
            </legend>
            <input type="hidden" name={name('key')} value={standard.key} />
            <p className="muted">{t('form.textHint')}</p>
            {errors?.[name('text')] ? <FormAlert message={errors[name('text')]?.[0]} /> : null}
            {languageCodes.map((code) => (
              <TextField
                key={code}
                label={t('form.text', { language: t('common:languageName', { lng: code }) })}
                name={name(`text.${code}`)}
                lang={code}
                defaultValue={sent(name(`text.${code}`), standard.text[code] ?? '')}
                error={errors?.[name(`text.${code}`)]?.[0]}
                maxLength={200}
              />
            ))}
            <Field
              label={t('form.measure')}
              name={name('measure')}
              error={errors?.[name('measure')]?.[0]}
            >
              {(control) => (
                <select {...control} defaultValue={sent(name('measure'), standard.measure)}>
                  <option value="">{t('form.chooseMeasure')}</option>
                  <optgroup label={t('form.drivers')}>
                    {drivers.map((option) => (
                      <option key={option.value} value={option.value}>
                        {driverName(t, option.label)}
                      </option>
                    ))}
                  </optgroup>
                  {questions.length > 0 ? (
                    <optgroup label={t('form.questions')}>
                      {questions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.survey ? `${option.survey}: ${option.label}` : option.label}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                </select>
              )}
            </Field>
            <TextField
              label={t('form.target')}
              name={name('target')}
              hint={t('form.targetHint')}
              inputMode="decimal"
              defaultValue={sent(name('target'), String(standard.target))}
              error={errors?.[name('target')]?.[0]}
            />
            {isNew ? null : <CheckboxField label={t('form.remove')} name={name('remove')} />}
          </fieldset>
        );
      })}
      <button type="submit" className="button" disabled={submitting}>
        {t('form.save')}
      </button>
    </Form>
  );
}
