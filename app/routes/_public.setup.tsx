import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { createFirstAdmin } from '~/auth/first-admin.server';
import { setupSchema } from '~/auth/schemas';
import { FormAlert } from '~/components/ui/form-alert';
import { TextField } from '~/components/ui/text-field';
import { parseForm, refuseForm } from '~/utils/form.server';
import { requireSetupOpen } from '~/utils/permissions.server';
import { startStaffSession } from '~/utils/session.server';

export const meta: MetaFunction = () => [{ title: 'Set up Innerloop' }];

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
  if (!result.ok) throw new Response('Not found', { status: 404 });
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
      <Form method="post" className="form">
        <FormAlert message={failure?.errors.form?.[0]} />
        <TextField
          label={t('setup.name')}
          name="name"
          autoComplete="name"
          required
          defaultValue={failure?.values.name}
          error={failure?.errors.name?.[0]}
        />
        <TextField
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={failure?.values.email}
          error={failure?.errors.email?.[0]}
        />
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t('fields.passwordHint')}
          required
          minLength={10}
          error={failure?.errors.password?.[0]}
        />
        <TextField
          label={t('setup.passwordAgain')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={failure?.errors.confirmPassword?.[0]}
        />
        <button type="submit" className="button" disabled={submitting}>
          {t('setup.submit')}
        </button>
      </Form>
    </section>
  );
}
