import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { sourceFromSearch } from '~/actions/action-rules';
import { ActionFields } from '~/actions/components/action-fields';
import { raiseAction, raiseView } from '~/actions/raise.server';
import { FormAlert } from '~/components/ui/form-alert';
import { pageTitle } from '~/i18n';
import { WithheldNote } from '~/insights/components/group-notes';
import { formatValue } from '~/insights/tables';
import { readForm, refuseAddress, refuseForm } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';
import { formValues } from '~/utils/submission';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'actions:raise.title') },
];

/** The result the action answers, from the address every "Raise an action" control links to. */
function sourceOf(request: Request) {
  const parsed = sourceFromSearch(new URL(request.url).searchParams);
  if (!parsed.success) throw refuseAddress('actions:errors.noSource');
  return parsed.data;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const view = await raiseView(user, sourceOf(request));
  return json({ ...view, userId: user.id, metric: sourceOf(request).metric });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const source = sourceOf(request);
  const formData = await readForm(request);
  const values = formValues(formData);
  const result = await raiseAction(user, { ...values, source });
  if (!result.ok) return refuseForm({ errors: result.errors, values });
  return redirect(`/actions/${result.id}`);
}

export default function RaiseAction() {
  const { label, baseline, owners, today, userId, metric } = useLoaderData<typeof loader>();
  const { t } = useTranslation('actions');
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const measure = metric === 'enps' ? 'enps' : 'score';
  const ownerId = owners.some((owner) => owner.id === userId) ? userId : '';
  return (
    <>
      <h1 id="page-title">{t('raise.title')}</h1>
      <dl className="action-source">
        <div>
          <dt>{t('heard')}</dt>
          <dd>{label}</dd>
        </div>
        <div>
          <dt>{t('raise.baseline')}</dt>
          <dd>
            {baseline.state === 'shown' ? (
              <>
                {formatValue(measure, baseline.value)}{' '}
                <span className="muted">n = {baseline.n}</span>
              </>
            ) : baseline.state === 'withheld' ? (
              t('raise.withheld')
            ) : (
              t('raise.noAnswers')
            )}
          </dd>
        </div>
      </dl>
      {baseline.state === 'withheld' ? (
        <WithheldNote>{t('raise.withheldNote')}</WithheldNote>
      ) : null}
      <Form method="post" className="form action-form" noValidate>
        <FormAlert message={failure?.errors.source?.[0] ?? failure?.errors.form?.[0]} />
        <ActionFields
          saved={{ title: '', description: '', ownerId, dueOn: '', published: false }}
          owners={owners}
          today={today}
          errors={failure?.errors}
          values={failure?.values}
        />
        <button type="submit" className="button" disabled={submitting}>
          {t('raise.submit')}
        </button>
      </Form>
    </>
  );
}
