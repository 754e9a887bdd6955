import { Form } from '@remix-run/react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '~/components/ui/form-alert';
import { TextField } from '~/components/ui/text-field';
import type { FieldErrors, FormValues } from '~/utils/submission';

// What the public sign-in pages (login, setup, forgot and reset password) share: the form with
// its alert and button, the email field, and the new password typed twice.

/** A refused auth form as refuseForm answers it (passwords are never sent back). */
export type AuthFailure = { errors: FieldErrors; values: FormValues } | undefined;

export function AuthForm({
  failure,
  submitLabel,
  submitting,
  formRef,
  children,
}: {
  failure: AuthFailure;
  submitLabel: string;
  submitting: boolean;
  formRef?: RefObject<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="form" ref={formRef}>
      <FormAlert message={failure?.errors.form?.[0]} />
      {children}
      <button type="submit" className="button" disabled={submitting}>
        {submitLabel}
      </button>
    </Form>
  );
}

/** The staff member's email, which is also their user name. */
export function EmailField({ failure }: { failure: AuthFailure }) {
  const { t } = useTranslation('staff');
  return (
    <TextField
      label={t('fields.email')}
      name="email"
      type="email"
      autoComplete="username"
      required
      defaultValue={failure?.values.email}
      error={failure?.errors.email?.[0]}
    />
  );
}

/** A new password and the same again, with the password rule as the first one's hint. */
export function NewPasswordFields({
  failure,
  label,
  againLabel,
}: {
  failure: AuthFailure;
  label: string;
  againLabel: string;
}) {
  const { t } = useTranslation('staff');
  return (
    <>
      <TextField
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('fields.passwordHint')}
        required
        minLength={10}
        error={failure?.errors.password?.[0]}
      />
      <TextField
        label={againLabel}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={failure?.errors.confirmPassword?.[0]}
      />
    </>
  );
}
