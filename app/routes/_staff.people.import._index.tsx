import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';

import { CheckboxField } from '~/components/ui/checkbox-field';
import { useMessage } from '~/components/ui/use-message';
import { pageTitle } from '~/i18n';
import { helpKeys } from '~/people/roster-columns';
import { createRosterImport } from '~/people/roster-import.server';
import { readRosterUpload } from '~/people/roster-upload.server';
import { refuseForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'people:import.pageTitle', 'people:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireHrAdmin(request);
  const upload = await readRosterUpload(request);
  if (!upload.ok) return refuseForm(upload);
  const draft = await createRosterImport({ ...upload.data, createdBy: user.id });
  if (!draft.ok) {
    return refuseForm({
      errors: draft.errors,
      values: { createDepartments: upload.data.createDepartments ? 'on' : '' },
    });
  }
  return redirect(`/people/import/${draft.importId}`);
}

export default function ImportRoster() {
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const fileId = useId();
  const { t } = useTranslation('people');
  const say = useMessage();
  const fileError = failure?.errors.file?.map(say).join(' ');
  // The column names and values stay as the file must spell them; only the words around them
  // are translated.
  const marked = { strong: <strong />, code: <code /> };
  return (
    <>
      <h2>{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <details className="help">
        <summary>{t('import.help.summary')}</summary>
        <ul>
          {helpKeys.map((help) => (
            <li key={help}>
              <Trans t={t} i18nKey={`import.help.${help}`} components={marked} />
            </li>
          ))}
          <li>{t('import.help.format')}</li>
        </ul>
      </details>
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
          />
          {fileError ? (
            <p id={`${fileId}-error`} className="field-error">
              {fileError}
            </p>
          ) : null}
        </div>
        <CheckboxField
          label={t('import.createDepartments')}
          name="createDepartments"
          hint={t('import.createDepartmentsHint')}
          defaultChecked={failure?.values.createDepartments === 'on'}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('import.reading') : t('import.submit')}
        </button>
      </Form>
    </>
  );
}
