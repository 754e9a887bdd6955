import { Form, Link, useSearchParams } from '@remix-run/react';

import { Pagination } from '~/components/pagination';
import { CheckboxField } from '~/components/ui/checkbox-field';
import { type DepartmentKind, kindNames } from '~/people/schemas';

type Outcome = 'create' | 'update' | 'unchanged' | 'error';

export const outcomeWords: Record<Outcome, string> = {
  create: 'New',
  update: 'Update',
  unchanged: 'Unchanged',
  error: 'Error',
};

interface Preview {
  counts: Record<Outcome, number>;
  departmentsToCreate: string[];
  kindChanges: { name: string; from: DepartmentKind | null; to: DepartmentKind }[];
  servesOthers: boolean;
  ignoredColumns: string[];
  rows: {
    line: number;
    name: string;
    email: string;
    department: string;
    outcome: Outcome;
    details: string[];
  }[];
  outcome: Outcome | 'all';
  page: number;
  pageCount: number;
}

/** What confirming would do, row by row, with the choice to go ahead or throw the file away. */
export function ImportPreview({
  preview,
  createDepartments,
  submitting,
}: {
  preview: Preview;
  createDepartments: boolean;
  submitting: boolean;
}) {
  const [searchParams] = useSearchParams();
  const { counts } = preview;
  const total = counts.create + counts.update + counts.unchanged + counts.error;
  const toApply = counts.create + counts.update;
  const kindByName = new Map(preview.kindChanges.map((change) => [change.name, change.to]));
  const kindUpdates = preview.kindChanges.filter((change) => change.from !== null);
  const tabs: { outcome: Outcome | 'all'; label: string; count: number }[] = [
    { outcome: 'all', label: 'All rows', count: total },
    { outcome: 'error', label: 'Errors', count: counts.error },
    { outcome: 'create', label: 'New', count: counts.create },
    { outcome: 'update', label: 'Updates', count: counts.update },
    { outcome: 'unchanged', label: 'Unchanged', count: counts.unchanged },
  ];
  return (
    <>
      <p className="lead" aria-live="polite">
        {total.toLocaleString('en')} rows: {counts.create.toLocaleString('en')} new,{' '}
        {counts.update.toLocaleString('en')} to update, {counts.unchanged.toLocaleString('en')}{' '}
        unchanged, {counts.error.toLocaleString('en')} with errors.
      </p>
      {preview.ignoredColumns.length > 0 ? (
        <p className="muted">Ignored columns: {preview.ignoredColumns.join(', ')}.</p>
      ) : null}
      {preview.departmentsToCreate.length > 0 ? (
        <div className="form-notice">
          <p>
            Confirming creates{' '}
            {preview.departmentsToCreate.length === 1 ? 'this department' : 'these departments'} as
            top-level departments, of the kind the file gives (operational where it gives none);
            change their kind and place on the Departments page afterwards:
          </p>
          <ul>
            {preview.departmentsToCreate.map((name) => (
              <li key={name}>
                {name} ({kindNames[kindByName.get(name) ?? 'operational'].toLowerCase()})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {kindUpdates.length > 0 ? (
        <div className="form-notice">
          <p>
            Confirming changes the kind of {kindUpdates.length === 1 ? 'a' : 'these'} department
            {kindUpdates.length === 1 ? '' : 's'}:
          </p>
          <ul>
            {kindUpdates.map((change) => (
              <li key={change.name}>
                {change.name}: {kindNames[change.from ?? 'operational'].toLowerCase()} →{' '}
                {kindNames[change.to].toLowerCase()}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!preview.servesOthers ? (
        <div className="form-notice" role="note">
          <p>
            <strong>No department serves others.</strong> After this import no department is of the
            support kind, so internal-service surveys would rate nobody. Give the departments that
            serve the rest (IT, HR, finance, facilities…) the kind “support” in the department_kind
            column, or on the Departments page.
          </p>
        </div>
      ) : null}

      <Form method="post" className="form form-inline">
        <input type="hidden" name="intent" value="options" />
        <CheckboxField
          label="Create missing departments"
          name="createDepartments"
          defaultChecked={createDepartments}
        />
        <button type="submit" className="button button-quiet" disabled={submitting}>
          Update preview
        </button>
      </Form>

      <nav className="sub-nav" aria-label="Rows by outcome">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.outcome}>
              <Link
                to={`?outcome=${tab.outcome}`}
                aria-current={preview.outcome === tab.outcome ? 'page' : undefined}
              >
                {tab.label} ({tab.count.toLocaleString('en')})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {preview.rows.length === 0 ? (
        <p className="muted">No rows with this outcome.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">What importing each row would do</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Department</th>
                <th scope="col">Outcome</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className={`outcome-${row.outcome}`}>
                  <td>{row.line}</td>
                  <th scope="row">{row.name || <span className="muted">(no name)</span>}</th>
                  <td className="cell-wrap">{row.email}</td>
                  <td>{row.department}</td>
                  <td>
                    <span className={`badge badge-${row.outcome}`}>
                      {outcomeWords[row.outcome]}
                    </span>
                  </td>
                  <td>
                    {row.details.length > 0 ? (
                      <ul className="details">
                        {row.details.map((detail) => (
                          <li key={detail}>{detail}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={preview.page}
        pageCount={preview.pageCount}
        searchParams={searchParams}
        label="Preview pages"
      />

      <div className="confirm-bar">
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <button
            type="submit"
            className="button"
            disabled={submitting || toApply + kindUpdates.length === 0}
          >
            {toApply > 0
              ? `Import ${toApply.toLocaleString('en')} ${toApply === 1 ? 'person' : 'people'}`
              : kindUpdates.length > 0
                ? 'Change department kinds'
                : 'Nothing to import'}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="discard" />
          <button type="submit" className="button button-quiet" disabled={submitting}>
            Discard this file
          </button>
        </Form>
        {counts.error > 0 ? (
          <p className="muted">
            {counts.error === 1
              ? 'The row with an error is'
              : `The ${counts.error} rows with errors are`}{' '}
            skipped; fix {counts.error === 1 ? 'it' : 'them'} in the file and import it again.
          </p>
        ) : null}
      </div>
    </>
  );
}
