import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { formatDay } from '~/board/components/board-format';
import { SelectField } from '~/components/ui/select-field';
import { pageTitle } from '~/i18n';
import { ideaFilters } from '~/ideas/idea-forms';
import { listIdeas } from '~/ideas/ideas.server';
import { parseSearch, refuseAddress } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';

import { ideaStatuses } from '../../models/vocabulary';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'ideas:title') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const parsed = parseSearch(request, ideaFilters);
  if (!parsed.ok) throw refuseAddress(parsed, 'ideas:errors.badFilters');
  const list = await listIdeas(user, parsed.data);
  return json({ ...list, filters: parsed.data });
}

/** The released ideas sent to the departments a leader leads (every one, for HR admins). */
export default function IdeaList() {
  const { rows, departments, threshold, filters } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('ideas');
  const day = (value: string) => formatDay(value, i18n.language);
  return (
    <>
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('list.intro')}</p>
      <p className="muted">{t('list.batches', { threshold })}</p>
      <Form method="get" className="action-filters">
        <SelectField
          label={t('list.status')}
          name="status"
          defaultValue={filters.status ?? ''}
          options={[
            { value: '', label: t('list.anyStatus') },
            ...ideaStatuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
        />
        <SelectField
          label={t('list.department')}
          name="department"
          defaultValue={filters.department ?? ''}
          options={[
            { value: '', label: t('list.anyDepartment') },
            ...departments.map((department) => ({ value: department.id, label: department.name })),
          ]}
        />
        <button type="submit" className="button">
          {t('list.filter')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="muted">{t('list.empty')}</p>
      ) : (
        <ol className="idea-list">
          {rows.map((row) => (
            <li key={row.id} className="action-panel">
              <p>
                <strong>{t(`kind.${row.kind}`)}</strong> · {row.departmentName} ·{' '}
                {t('list.batchOf', { date: day(row.batchDay) })}
              </p>
              <p className="idea-text">
                <Link to={`/ideas/${row.id}`}>{excerpt(row.text)}</Link>
              </p>
              <p className="muted">
                {t(`status.${row.status}`)} · {t('list.replies', { count: row.replies })}
                {row.hasAction ? ` · ${t('list.hasAction')}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function excerpt(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
