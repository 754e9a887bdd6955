import { Form } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { CheckboxField } from '~/components/ui/checkbox-field';
import { FieldError } from '~/components/ui/field';
import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { useMessage } from '~/components/ui/use-message';
import type { FieldErrors, FormValues } from '~/utils/submission';

import { languageCodes } from '../../../models/vocabulary';

export interface DepartmentChoice {
  id: string;
  name: string;
  depth: number;
  archived: boolean;
}

/** The create and edit form of a person: what HR types, with the server's errors beside it. */
export function PersonForm({
  departments,
  values,
  errors = {},
  submitLabel,
  submitting,
}: {
  departments: DepartmentChoice[];
  values: FormValues;
  errors?: FieldErrors;
  submitLabel: string;
  submitting: boolean;
}) {
  const leadersId = useId();
  const { t } = useTranslation('people');
  const say = useMessage();
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const led = new Set(values.leaderOf ?? []);
  const named = (department: DepartmentChoice) =>
    department.archived ? t('archivedName', { name: department.name }) : department.name;
  const label = (department: DepartmentChoice) => '— '.repeat(department.depth) + named(department);
  // The first problem is enough: an empty email need not also be told it is malformed.
  const message = (name: string) => errors[name]?.[0];
  return (
    <Form method="post" className="form form-wide" noValidate>
      <FormAlert message={message('form')} />
      <TextField
        label={t('person.name')}
        name="name"
        autoComplete="off"
        required
        maxLength={200}
        defaultValue={text('name')}
        error={message('name')}
      />
      <TextField
        label={t('person.email')}
        name="email"
        type="email"
        autoComplete="off"
        required
        maxLength={254}
        defaultValue={text('email')}
        error={message('email')}
      />
      <SelectField
        label={t('person.department')}
        name="departmentId"
        required
        defaultValue={text('departmentId')}
        error={message('departmentId')}
        options={[
          { value: '', label: t('person.chooseDepartment') },
          ...departments.map((department) => ({ value: department.id, label: label(department) })),
        ]}
      />
      <SelectField
        label={t('person.language')}
        name="language"
        hint={t('person.languageHint')}
        defaultValue={text('language') || 'en'}
        error={message('language')}
        options={languageCodes.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
      />
      <fieldset
        className="fieldset"
        aria-describedby={message('leaderOf') ? `${leadersId}-error` : undefined}
      >
        <legend>{t('person.leaderOf')}</legend>
        <p className="field-hint">{t('person.leaderOfHint')}</p>
        <div className="checkbox-columns">
          {departments.map((department) => (
            <CheckboxField
              key={department.id}
              label={named(department)}
              name="leaderOf"
              value={department.id}
              defaultChecked={led.has(department.id)}
            />
          ))}
        </div>
        <FieldError id={`${leadersId}-error`}>{say(message('leaderOf'))}</FieldError>
      </fieldset>
      <CheckboxField
        label={t('person.hrAdmin')}
        name="hrAdmin"
        hint={t('person.hrAdminHint')}
        defaultChecked={text('hrAdmin') === 'on'}
        error={message('hrAdmin')}
      />
      <CheckboxField
        label={t('person.active')}
        name="active"
        hint={t('person.activeHint')}
        defaultChecked={text('active') === 'on'}
        error={message('active')}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitLabel}
      </button>
    </Form>
  );
}
