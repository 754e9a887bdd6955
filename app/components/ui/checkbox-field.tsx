import type { InputHTMLAttributes } from 'react';

import { Field, type FieldProps } from './field';

interface CheckboxFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>, Omit<FieldProps, 'label'> {
  label: string;
  name: string;
}

/** A checkbox with its label beside it, and its hint and error tied to it. */
export function CheckboxField({
  label,
  name,
  error,
  hint,
  id,
  alert,
  ...input
}: CheckboxFieldProps) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} alert={alert} checkbox>
      {(control) => <input type="checkbox" {...control} {...input} />}
    </Field>
  );
}
