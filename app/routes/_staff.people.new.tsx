import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { pageTitle } from '~/i18n';
import { PersonForm } from '~/people/components/person-form';
import { departmentChoices } from '~/people/departments.server';
import { createPerson } from '~/people/people.server';
import { personSchema } from '~/people/schemas';
import { parseForm, refuseForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'people:person.addTitle', 'people:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return json({ departments: await departmentChoices() });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, personSchema, { lists: ['leaderOf'] });
  if (!form.ok) return refuseForm(form);
  const result = await createPerson(form.data);
  if (!result.ok) return refuseForm({ errors: result.errors, values: form.values });
  // Straight to the roster, searched for the new person, so HR sees them there.
  return redirect(`/people?${new URLSearchParams({ q: form.data.email })}`);
}

export default function NewPerson() {
  const { departments } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const { t } = useTranslation('people');
  return (
    <>
      <h2>{t('person.addTitle')}</h2>
      <PersonForm
        departments={departments}
        values={failure?.values ?? { active: 'on', language: 'en' }}
        errors={failure?.errors}
        submitLabel={t('person.addSubmit')}
        submitting={submitting}
      />
    </>
  );
}
