import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useId } from 'react';

import { CheckboxField } from '~/components/ui/checkbox-field';
import { createRosterImport } from '~/people/roster-import.server';
import { readRosterUpload } from '~/people/roster-upload.server';
import { columnsInWords } from '~/people/schemas';
import { refuseForm } from '~/utils/form.server';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'Import roster · People · Innerloop' }];

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
  const fileError = failure?.errors.file?.join(' ');
  return (
    <>
      <h2>Import a roster</h2>
      <p>
        Upload a CSV file with one person per row. The first row names the columns: {columnsInWords}
        . People are matched by email: new addresses are added, known ones are updated. You see what
        would change before anything is saved.
      </p>
      <details className="help">
        <summary>What goes in each column</summary>
        <ul>
          <li>
            <strong>department_kind</strong>: executive, operational, commercial or support — the
            kind of the row’s department. Mark the departments that serve others (IT, HR, finance,
            facilities…) as support: internal-service surveys rate those. Empty: keep the kind (new
            departments: operational). Rows naming the same department must agree.
          </li>
          <li>
            <strong>language</strong>: en, uk, nb, pt, pl or lv (or the language’s name, such as
            Polish).
          </li>
          <li>
            <strong>leader_of</strong>: the departments the person leads, separated by{' '}
            <code>|</code>, e.g. <code>Kitchen|Service floor</code>. Empty: leads none.
          </li>
          <li>
            <strong>hr_admin</strong> and <strong>active</strong>: yes or no. Empty: keep what the
            person has (new people: not HR admin, active).
          </li>
          <li>Commas or semicolons both work; save from Excel as “CSV UTF-8”. At most 5 MB.</li>
        </ul>
      </details>
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <div className="field">
          <label htmlFor={fileId}>Roster file (CSV)</label>
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
          label="Create missing departments"
          name="createDepartments"
          hint="Departments the file names that do not exist yet are created (top-level, of the kind in department_kind or else operational; you can change them later). Unticked, rows naming them are skipped."
          defaultChecked={failure?.values.createDepartments === 'on'}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Reading the file…' : 'Upload and preview'}
        </button>
      </Form>
    </>
  );
}
