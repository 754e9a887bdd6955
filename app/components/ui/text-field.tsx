import type { InputHTMLAttributes } from 'react';

import { Field, type FieldProps, splitField } from './field';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement>, Omit<FieldProps, 'label'> {
  label: string;
  name: string;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const [field, attributes] = splitField(props);
  return <Field {...field}>{(control) => <input {...control} {...attributes} />}</Field>;
}
