import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { AuthForm, NewPasswordFields } from '~/auth/components/auth-form';
import { isResetLinkValid, resetPassword } from '~/auth/password-reset.server';
import { staffHome } from '~/auth/redirect-to';
import { resetPasswordSchema } from '~/auth/schemas';
import { pageTitle } from '~/i18n';
import { parseForm, refuseForm } from '~/utils/form.server';
import { startStaffSession } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'staff:reset.title') },
];

const expired = 'This link has expired or was already used. Ask for a new one below.';

// Open to anyone holding the link: the token in the address is the permission.
export async function loader({ params }: LoaderFunctionArgs) {
  return json({ valid: await isResetLinkValid(params.token ?? '') });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await parseForm(request, resetPasswordSchema);
  if (!form.ok) return refuseForm(form);
  const result = await resetPassword(params.token ?? '', form.data.password);
  if (!result.ok) return refuseForm({ errors: { form: [expired] }, values: {} });
  return redirect(staffHome, {
    headers: { 'Set-Cookie': await startStaffSession(request, result.personId) },
  });
}

export default function ResetPassword() {
  const { t } = useTranslation('staff');
  const { valid } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  return (
    <section className="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {valid ? (
        <AuthForm failure={failure} submitLabel={t('reset.submit')} submitting={submitting}>
          <NewPasswordFields
            failure={failure}
            label={t('reset.newPassword')}
            againLabel={t('reset.newPasswordAgain')}
          />
        </AuthForm>
      ) : (
        <p className="form-alert" role="alert">
          {t('reset.expired')}
        </p>
      )}
      <p>
        <Link to="/forgot-password">{t('reset.askAgain')}</Link> ·{' '}
        <Link to="/login">{t('reset.signIn')}</Link>
      </p>
    </section>
  );
}
