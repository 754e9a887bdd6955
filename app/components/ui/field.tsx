import { type ReactNode, useId } from 'react';

import { useMessage } from './use-message';

/** What ties a control to its label, hint and error: spread on the input, select or textarea. */
export interface FieldControl {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: ReactNode;
  name: string;
  /** The server's message about this field (a message key or words); shown beside it. */
  error?: string | null;
  /** A short note under the label, e.g. a password rule. */
  hint?: ReactNode;
  /** The control's id where a link or a test names it; otherwise one is made up. */
  id?: string;
  /** Announce the error at once, for a form whose page does not reload around it. */
  alert?: boolean;
}

/**
 * The one markup of a form field: its label, hint and error, tied to the control for screen
 * readers (the error is announced with the control, and makes it invalid). A checkbox comes
 * before its label. TextField, TextAreaField, SelectField and CheckboxField are this with
 * their control.
 */
export function Field({
  label,
  name,
  error: message,
  hint,
  id: given,
  alert,
  checkbox = false,
  className,
  children,
}: FieldProps & {
  checkbox?: boolean;
  /** Classes besides `field`, e.g. to show one language's field only. */
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const error = useMessage()(message);
  const made = useId();
  const id = given ?? made;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = children({
    id,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
  });
  const labelled = <label htmlFor={id}>{label}</label>;
  return (
    <div
      className={['field', checkbox ? 'field-checkbox' : '', className].filter(Boolean).join(' ')}
    >
      {checkbox ? control : null}
      {labelled}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {checkbox ? null : control}
      <FieldError id={errorId} alert={alert}>
        {error}
      </FieldError>
    </div>
  );
}

/**
 * A field's error, under its control; nothing when there is none. `id` is what the control's
 * aria-describedby names; `alert` announces it at once where the page does not reload.
 */
export function FieldError({
  id,
  alert = false,
  children,
}: {
  id?: string;
  alert?: boolean;
  children: ReactNode;
}) {
  if (!children) return null;
  return (
    <p id={id} className="field-error" role={alert ? 'alert' : undefined}>
      {children}
    </p>
  );
}

/** A field component's props split into the Field's and its control's own attributes. */
export function splitField<Props extends FieldProps>({
  label,
  name,
  error,
  hint,
  id,
  alert,
  ...control
}: Props) {
  return [{ label, name, error, hint, id, alert }, control] as const;
}
