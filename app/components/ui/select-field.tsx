import type { SelectHTMLAttributes } from 'react';

import { Field, type FieldProps } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps
  extends SelectHTMLAttributes<HTMLSelectElement>, Omit<FieldProps, 'label'> {
  label: string;
  name: string;
  options: SelectOption[];
}

/** A labelled drop-down whose hint and error are tied to it for screen readers. */
export function SelectField({
  label,
  name,
  options,
  error,
  hint,
  id,
  alert,
  ...select
}: SelectFieldProps) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} alert={alert}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
