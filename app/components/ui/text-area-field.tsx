import type { TextareaHTMLAttributes } from 'react';

import { Field, type FieldProps } from './field';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement>, FieldProps {
  name: string;
}

/** A labelled text box of several lines, its hint and error tied to it for screen readers. */
export function TextAreaField({
  label,
  name,
  error,
  hint,
  id,
  alert,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <Field label={label} name={name} error={error} hint={hint} id={id} alert={alert}>
      {(control) => <textarea {...control} {...textarea} />}
    </Field>
  );
}
