import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { AuthForm, EmailField } from '~/auth/components/auth-form';
import { startPasswordReset } from '~/auth/password-reset.server';
import { forgotPasswordSchema } from '~/auth/schemas';
import { pageTitle } from '~/i18n';
import { parseForm, refuseForm } from '~/utils/form.server';
import { mailGoesToOutbox } from '~/utils/mail.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'staff:forgot.title') },
];

// Without a mail server the link is kept nowhere (the outbox never holds it): say so plainly, the
// same for every address, rather than promise a mail that cannot come.
export function loader() {
  return json({ mailServer: !mailGoesToOutbox() });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await parseForm(request, forgotPasswordSchema);
  if (!form.ok) return refuseForm(form);
  // The same answer whether or not the address belongs to a staff member.
  startPasswordReset(form.data.email);
  return json({ sentTo: form.data.email });
}

export default function ForgotPassword() {
  const { t } = useTranslation('staff');
  const { mailServer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const failure = result && 'errors' in result ? result : undefined;
  const sentTo = result && 'sentTo' in result ? result.sentTo : undefined;
  return (
    <section className="narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {mailServer ? null : (
        <p className="form-notice" role="note">
          {t('forgot.noMailServer')}
        </p>
      )}
      {sentTo ? (
        <p className="form-notice" role="status">
          {t('forgot.sent', { email: sentTo })}
        </p>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <AuthForm failure={failure} submitLabel={t('forgot.submit')} submitting={submitting}>
            <EmailField failure={failure} />
          </AuthForm>
        </>
      )}
      <p>
        <Link to="/login">{t('forgot.backToSignIn')}</Link>
      </p>
    </section>
  );
}
