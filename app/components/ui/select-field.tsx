import type { SelectHTMLAttributes } from 'react';

import { Field, type FieldProps, splitField } from './field';

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
export function SelectField({ options, ...props }: SelectFieldProps) {
  const [field, select] = splitField(props);
  return (
    <Field {...field}>
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
