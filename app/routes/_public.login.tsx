import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { AuthForm, EmailField } from '~/auth/components/auth-form';
import { SetupInvitation } from '~/auth/components/setup-invitation';
import { setupOpen } from '~/auth/first-admin.server';
import { safeRedirect } from '~/auth/redirect-to';
import { loginSchema } from '~/auth/schemas';
import { signIn } from '~/auth/sign-in.server';
import { TextField } from '~/components/ui/text-field';
import { pageTitle } from '~/i18n';
import { parseForm, refuseForm } from '~/utils/form.server';
import { getStaffUser } from '~/utils/permissions.server';
import { startStaffSession } from '~/utils/session.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'staff:login.title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Someone already signed in goes on to where they were heading.
  if (await getStaffUser(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
  }
  // Before the first HR admin exists nobody can sign in, so the page says how to begin.
  return json({ setupOpen: await setupOpen() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, loginSchema);
  if (!form.ok) return refuseForm(form);
  const { email, password, redirectTo } = form.data;
  const result = await signIn({ email, password, address: context.clientAddress });
  if (!result.ok) {
    return refuseForm(
      { errors: { form: [result.message] }, values: { email, redirectTo: redirectTo ?? '' } },
      result.reason === 'locked' ? 429 : 400,
    );
  }
  return redirect(safeRedirect(redirectTo), {
    headers: { 'Set-Cookie': await startStaffSession(request, result.personId) },
  });
}

export default function Login() {
  const { t } = useTranslation('staff');
  const failure = useActionData<typeof action>();
  const { setupOpen } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const form = useRef<HTMLFormElement>(null);
  // A refused password should not stay in the page; reset() keeps the email, now the default.
  useEffect(() => {
    if (failure) form.current?.reset();
  }, [failure]);
  return (
    <section className="narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {setupOpen ? <SetupInvitation /> : null}
      <AuthForm
        failure={failure}
        submitLabel={t('login.submit')}
        submitting={submitting}
        formRef={form}
      >
        <input
          type="hidden"
          name="redirectTo"
          value={failure?.values.redirectTo ?? searchParams.get('redirectTo') ?? ''}
        />
        <EmailField failure={failure} />
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={failure?.errors.password?.[0]}
        />
      </AuthForm>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
    </section>
  );
}
