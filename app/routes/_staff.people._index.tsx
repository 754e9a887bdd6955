import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';

import { Pagination } from '~/components/pagination';
import { SelectField } from '~/components/ui/select-field';
import { TextField } from '~/components/ui/text-field';
import { listDepartments } from '~/people/departments.server';
import { listPeople } from '~/people/people.server';
import { languageNames, peopleQuerySchema } from '~/people/schemas';
import { requireHrAdmin } from '~/utils/permissions.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireHrAdmin(request);
  const query = peopleQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, departments] = await Promise.all([listPeople(query), listDepartments()]);
  return json({
    ...page,
    query,
    // Archived departments stay in the filter: their people are still on the roster.
    departments: departments.map(({ id, name, depth, archived }) => ({
      value: id,
      label: `${'— '.repeat(depth)}${name}${archived ? ' (archived)' : ''}`,
    })),
  });
}

export default function Roster() {
  const { people, total, page, pageCount, query, departments } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <div className="toolbar">
        <h2>Roster</h2>
        <Link to="/people/new" className="button">
          Add a person
        </Link>
      </div>
      <Form method="get" className="filters" role="search" aria-label="Search the roster">
        <TextField
          label="Name or email"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          maxLength={100}
        />
        <SelectField
          label="Department"
          name="departmentId"
          defaultValue={query.departmentId ?? ''}
          options={[{ value: '', label: 'All departments' }, ...departments]}
        />
        <SelectField
          label="Status"
          name="status"
          defaultValue={query.status}
          options={[
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Inactive' },
            { value: 'all', label: 'Active and inactive' },
          ]}
        />
        <button type="submit" className="button">
          Show
        </button>
      </Form>
      <p aria-live="polite">
        {total === 1 ? '1 person' : `${total.toLocaleString('en')} people`}
        {pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}
      </p>
      {people.length === 0 ? (
        <p className="muted">Nobody matches. Change the search or the filters.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">People on the roster</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Department</th>
                <th scope="col">Roles</th>
                <th scope="col">Language</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    <Link to={`/people/${person.id}`}>{person.name}</Link>
                  </th>
                  <td className="cell-wrap">{person.email}</td>
                  <td>
                    {person.department}
                    {person.departmentArchived ? <span className="muted"> (archived)</span> : null}
                  </td>
                  <td>{['Employee', ...person.roles].join('; ')}</td>
                  <td>{languageNames[person.language]}</td>
                  <td>{person.active ? 'Active' : 'Inactive'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        searchParams={searchParams}
        label="Roster pages"
      />
    </>
  );
}
