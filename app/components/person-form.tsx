import { Form } from '@remix-run/react';
import { useId } from 'react';

import { CheckboxField } from '~/components/ui/checkbox-field';
import { FormAlert } from '~/components/ui/form-alert';
import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { languageNames, languages } from '~/people/schemas';
import type { FieldErrors, FormValues } from '~/utils/submission';

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
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const led = new Set(values.leaderOf ?? []);
  const label = (department: DepartmentChoice) =>
    `${'— '.repeat(department.depth)}${department.name}${department.archived ? ' (archived)' : ''}`;
  // The first problem is enough: an empty email need not also be told it is malformed.
  const message = (name: string) => errors[name]?.[0];
  return (
    <Form method="post" className="form form-wide" noValidate>
      <FormAlert message={message('form')} />
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        required
        maxLength={200}
        defaultValue={text('name')}
        error={message('name')}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        required
        maxLength={254}
        defaultValue={text('email')}
        error={message('email')}
      />
      <SelectField
        label="Department"
        name="departmentId"
        required
        defaultValue={text('departmentId')}
        error={message('departmentId')}
        options={[
          { value: '', label: 'Choose a department' },
          ...departments.map((department) => ({ value: department.id, label: label(department) })),
        ]}
      />
      <SelectField
        label="Preferred language"
        name="language"
        hint="Surveys and e-mails reach this person in this language."
        defaultValue={text('language') || 'en'}
        error={message('language')}
        options={languages.map((code) => ({ value: code, label: languageNames[code] }))}
      />
      <fieldset
        className="fieldset"
        aria-describedby={message('leaderOf') ? `${leadersId}-error` : undefined}
      >
        <legend>Leader of</legend>
        <p className="field-hint">
          Leaders see results for the departments they lead and everything below them.
        </p>
        <div className="checkbox-columns">
          {departments.map((department) => (
            <CheckboxField
              key={department.id}
              label={label(department).replace(/^(— )+/, '')}
              name="leaderOf"
              value={department.id}
              defaultChecked={led.has(department.id)}
            />
          ))}
        </div>
        {message('leaderOf') ? (
          <p id={`${leadersId}-error`} className="field-error">
            {message('leaderOf')}
          </p>
        ) : null}
      </fieldset>
      <CheckboxField
        label="HR admin"
        name="hrAdmin"
        hint="Manages the roster, surveys and settings, and sees every result. Someone given the HR admin or leader role who has no password yet is e-mailed a link to choose one, in their language."
        defaultChecked={text('hrAdmin') === 'on'}
        error={message('hrAdmin')}
      />
      <CheckboxField
        label="Active"
        name="active"
        hint="Inactive people stay on the roster for history but get no surveys and cannot sign in."
        defaultChecked={text('active') === 'on'}
        error={message('active')}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitLabel}
      </button>
    </Form>
  );
}
