import type { InputHTMLAttributes } from 'react';

import { Field, type FieldProps, splitField } from './field';

interface CheckboxFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>, Omit<FieldProps, 'label'> {
  label: string;
  name: string;
}

/** A checkbox with its label beside it, and its hint and error tied to it. */
export function CheckboxField(props: CheckboxFieldProps) {
  const [field, attributes] = splitField(props);
  return (
    <Field {...field} checkbox>
      {(control) => <input type="checkbox" {...control} {...attributes} />}
    </Field>
  );
}
