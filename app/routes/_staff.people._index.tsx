import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { Pagination } from '~/components/pagination';
import { SelectField } from '~/components/ui/select-field';
import { Table } from '~/components/ui/table';
import { TextField } from '~/components/ui/text-field';
import { useMessage } from '~/components/ui/use-message';
import { pageTitle } from '~/i18n';
import { listDepartments } from '~/people/departments.server';
import { listPeople } from '~/people/people.server';
import { peopleQuerySchema } from '~/people/schemas';
import { requireHrAdmin } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'people:roster.title', 'people:title') },
];

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
      name,
      depth,
      archived,
    })),
  });
}

export default function Roster() {
  const { people, total, page, pageCount, query, departments } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation('people');
  const say = useMessage();
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <>
      <div className="toolbar">
        <h2>{t('roster.title')}</h2>
        <Link to="/people/new" className="button">
          {t('roster.add')}
        </Link>
      </div>
      <Form method="get" className="filters" role="search" aria-label={t('roster.search')}>
        <TextField
          label={t('roster.query')}
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          maxLength={100}
        />
        <SelectField
          label={t('roster.department')}
          name="departmentId"
          defaultValue={query.departmentId ?? ''}
          options={[
            { value: '', label: t('roster.allDepartments') },
            ...departments.map(({ value, name, depth, archived }) => ({
              value,
              label: '— '.repeat(depth) + (archived ? t('archivedName', { name }) : name),
            })),
          ]}
        />
        <SelectField
          label={t('roster.status')}
          name="status"
          defaultValue={query.status}
          options={[
            { value: 'active', label: t('roster.active') },
            { value: 'inactive', label: t('roster.inactive') },
            { value: 'all', label: t('roster.activeAndInactive') },
          ]}
        />
        <button type="submit" className="button">
          {t('roster.show')}
        </button>
      </Form>
      <p aria-live="polite">
        {t('roster.count', { count: total, total: number(total) })}
        {pageCount > 1
          ? t('roster.pageOf', { page: number(page), pageCount: number(pageCount) })
          : ''}
      </p>
      {people.length === 0 ? (
        <p className="muted">{t('roster.none')}</p>
      ) : (
        <Table
          caption={t('roster.caption')}
          columns={[
            t('roster.name'),
            t('roster.email'),
            t('roster.department'),
            t('roster.roles'),
            t('roster.language'),
            t('roster.status'),
          ]}
        >
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <Link to={`/people/${person.id}`}>{person.name}</Link>
              </th>
              <td className="cell-wrap">{person.email}</td>
              <td>
                {say(person.department)}
                {person.departmentArchived ? (
                  <span className="muted"> {t('roster.archived')}</span>
                ) : null}
              </td>
              <td>{[t('roles.employee'), ...person.roles.map(say)].join('; ')}</td>
              <td>{t(`languages.${person.language}`)}</td>
              <td>{person.active ? t('roster.active') : t('roster.inactive')}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        searchParams={searchParams}
        label={t('roster.pages')}
      />
    </>
  );
}
