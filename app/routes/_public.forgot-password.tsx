import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { startPasswordReset } from '~/auth/password-reset.server';
import { forgotPasswordSchema } from '~/auth/schemas';
import { FormAlert } from '~/components/ui/form-alert';
import { TextField } from '~/components/ui/text-field';
import { parseForm, refuseForm } from '~/utils/form.server';
import { mailGoesToOutbox } from '~/utils/mail.server';

export const meta: MetaFunction = () => [{ title: 'Reset your password · Innerloop' }];

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
  const { mailServer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const failure = result && 'errors' in result ? result : undefined;
  const sentTo = result && 'sentTo' in result ? result.sentTo : undefined;
  return (
    <section className="narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      {mailServer ? null : (
        <p className="form-notice" role="note">
          This installation has no mail server (SMTP_URL), so a reset link cannot reach you. Ask
          whoever runs Innerloop to set one up.
        </p>
      )}
      {sentTo ? (
        <p className="form-notice" role="status">
          {`If ${sentTo} belongs to a staff account, a link to choose a new password is on its way. It works once, for an hour.`}
        </p>
      ) : (
        <>
          <p>
            Enter the email address you sign in with. We will send you a link to choose a new
            password.
          </p>
          <Form method="post" className="form">
            <FormAlert message={failure?.errors.form?.[0]} />
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              required
              defaultValue={failure?.values.email}
              error={failure?.errors.email?.[0]}
            />
            <button type="submit" className="button" disabled={submitting}>
              Send the link
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
