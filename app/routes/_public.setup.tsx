import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { AuthForm, EmailField, NewPasswordFields } from '~/auth/components/auth-form';
import { createFirstAdmin } from '~/auth/first-admin.server';
import { setupSchema } from '~/auth/schemas';
import { TextField } from '~/components/ui/text-field';
import { pageTitle } from '~/i18n';
import { parseForm, refuseForm } from '~/utils/form.server';
import { notFound, requireSetupOpen } from '~/utils/permissions.server';
import { startStaffSession } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'staff:setup.title') },
];

export async function loader() {
  await requireSetupOpen();
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireSetupOpen();
  const form = await parseForm(request, setupSchema);
  if (!form.ok) return refuseForm(form);
  const result = await createFirstAdmin(form.data);
  // Someone else finished setting up in the meantime.
  if (!result.ok) throw notFound();
  // The surveys page carries the first-run checklist: import people, mark services, start a survey.
  return redirect('/surveys', {
    headers: { 'Set-Cookie': await startStaffSession(request, result.personId) },
  });
}

export default function Setup() {
  const { t } = useTranslation('staff');
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  return (
    <section className="narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <AuthForm failure={failure} submitLabel={t('setup.submit')} submitting={submitting}>
        <TextField
          label={t('setup.name')}
          name="name"
          autoComplete="name"
          required
          defaultValue={failure?.values.name}
          error={failure?.errors.name?.[0]}
        />
        <EmailField failure={failure} />
        <NewPasswordFields
          failure={failure}
          label={t('fields.password')}
          againLabel={t('setup.passwordAgain')}
        />
      </AuthForm>
    </section>
  );
}
