import type { InputHTMLAttributes } from 'react';

import { Field, type FieldProps } from './field';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement>, Omit<FieldProps, 'label'> {
  label: string;
  name: string;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField({ label, name, error, hint, id, alert, ...input }: TextFieldProps) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} alert={alert}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}
