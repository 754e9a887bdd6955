import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { pageTitle } from '~/i18n';
import { PersonForm } from '~/people/components/person-form';
import { departmentChoices } from '~/people/departments.server';
import { getPerson, updatePerson } from '~/people/people.server';
import { personSchema } from '~/people/schemas';
import { parseForm, refuseForm } from '~/utils/form.server';
import { notFound, requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  // The person's name as typed: pageTitle leaves a part that is no message key as it is.
  { title: pageTitle(matches, data?.person.name ?? 'people:person.title', 'people:title') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const person = await getPerson(params.personId ?? '');
  if (!person) throw notFound();
  // Their own departments stay selectable even if archived since.
  const departments = await departmentChoices([person.departmentId, ...person.leaderOf]);
  return json({ person, departments });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireHrAdmin(request);
  const form = await parseForm(request, personSchema, { lists: ['leaderOf'] });
  if (!form.ok) return refuseForm(form);
  const result = await updatePerson(params.personId ?? '', form.data);
  if (!result) throw notFound();
  if (!result.ok) return refuseForm({ errors: result.errors, values: form.values });
  return redirect(`/people?${new URLSearchParams({ q: form.data.email })}`);
}

export default function EditPerson() {
  const { person, departments } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const { t } = useTranslation('people');
  const saved = {
    name: person.name,
    email: person.email,
    departmentId: person.departmentId,
    language: person.language,
    leaderOf: person.leaderOf,
    hrAdmin: person.hrAdmin ? 'on' : '',
    active: person.active ? 'on' : '',
  };
  return (
    <>
      <h2>{person.name}</h2>
      <PersonForm
        // A fresh form after each save or refusal, so the fields show what the server has.
        key={failure ? 'refused' : 'saved'}
        departments={departments}
        values={failure?.values ?? saved}
        errors={failure?.errors}
        submitLabel={t('person.saveSubmit')}
        submitting={submitting}
      />
    </>
  );
}
