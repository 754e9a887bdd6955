import type { TextareaHTMLAttributes } from 'react';

import { Field, type FieldProps, splitField } from './field';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement>, FieldProps {
  name: string;
}

/** A labelled text box of several lines, its hint and error tied to it for screen readers. */
export function TextAreaField(props: TextAreaFieldProps) {
  const [field, attributes] = splitField(props);
  return <Field {...field}>{(control) => <textarea {...control} {...attributes} />}</Field>;
}
