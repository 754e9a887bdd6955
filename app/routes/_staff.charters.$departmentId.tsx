import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { publishInput } from '~/charters/charter-form';
import { loadCharterPage } from '~/charters/charter-page.server';
import { saveCharter, setCharterPublished } from '~/charters/charters.server';
import { CharterForm } from '~/charters/components/charter-form';
import { CharterReadings } from '~/charters/components/charter-readings';
import { FormAlert } from '~/components/ui/form-alert';
import { pageTitle } from '~/i18n';
import { localize } from '~/surveys/localize';
import { driverName } from '~/utils/driver-name';
import { readForm, refuseForm } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';
import { checkValues, formValues, nestedValues } from '~/utils/submission';

import { languageCodes } from '../../models/vocabulary';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'charters:title') },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadCharterPage(user, params.departmentId ?? ''));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const departmentId = params.departmentId ?? '';
  const formData = await readForm(request);
  const values = formValues(formData);
  const result =
    values.intent === 'publish'
      ? await publish(user, departmentId, values)
      : await saveCharter(user, departmentId, nestedValues(formData, { flags: /\.remove$/ }));
  if (!result.ok) return refuseForm({ errors: result.errors, values });
  return redirect(`/charters/${departmentId}`);
}

async function publish(
  user: Awaited<ReturnType<typeof requireStaff>>,
  departmentId: string,
  values: ReturnType<typeof formValues>,
) {
  const parsed = checkValues(values, publishInput);
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
  return setCharterPublished(user, departmentId, parsed.data.published === 'true');
}

/** A provider's charter: its standards read against the results, and the form to change them. */
export default function CharterPage() {
  const { department, published, canEdit, standards, options, readings } =
    useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const { t, i18n } = useTranslation('charters');
  const language = languageCodes.find((code) => code === i18n.language) ?? 'en';
  const measureName = (value: string) => {
    const option = options.find((item) => item.value === value);
    if (!option) return value.startsWith('driver:') ? driverName(t, value.slice(7)) : '';
    return option.kind === 'driver' ? driverName(t, option.label) : option.label;
  };
  return (
    <>
      <p>
        <Link to="/charters">{t('page.back')}</Link>
      </p>
      <h1 id="page-title">{t('page.title', { department: department.name })}</h1>
      <p className={published ? 'charter-published' : 'muted'}>
        {published ? t('page.published') : t('page.draft')}
      </p>
      {canEdit ? (
        <Form method="post" className="charter-publish">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="published" value={published ? 'false' : 'true'} />
          {failure && 'errors' in failure && failure.values.intent === 'publish' ? (
            <FormAlert message={failure.errors.form?.[0]} />
          ) : null}
          <button type="submit" className="button button-quiet" disabled={submitting}>
            {published ? t('page.unpublish') : t('page.publish')}
          </button>
        </Form>
      ) : (
        <p className="muted">{t('page.readOnly')}</p>
      )}
      <section aria-labelledby="readings-title">
        <h2 id="readings-title">{t('readings.title')}</h2>
        <p className="muted">{t('readings.intro')}</p>
        {standards.length === 0 ? <p>{t('page.noStandards')}</p> : null}
        {standards.map((standard) => {
          const title = localize(standard.text, language, 'en');
          return (
            <article key={standard.key} className="charter-standard-readings">
              <h3>{title}</h3>
              <p className="muted">
                {measureName(standard.measure)} ·{' '}
                {t('readings.target', { target: standard.target })}
              </p>
              <CharterReadings
                providerId={department.id}
                standard={{ ...standard, title }}
                readings={readings.find((item) => item.key === standard.key)}
                canRaise={canEdit}
              />
            </article>
          );
        })}
      </section>
      {canEdit ? (
        <CharterForm
          standards={standards}
          options={options}
          errors={failure && failure.values.intent !== 'publish' ? failure.errors : undefined}
          values={failure && failure.values.intent !== 'publish' ? failure.values : undefined}
          submitting={submitting}
        />
      ) : null}
    </>
  );
}
