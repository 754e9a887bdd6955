import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';

import { listFilters } from '~/actions/action-forms';
import { listActions } from '~/actions/action-list.server';
import { ActionFiltersForm } from '~/actions/components/action-filters';
import { ActionTable } from '~/actions/components/action-table';
import { pageTitle } from '~/i18n';
import { parseSearch, refuseAddress } from '~/utils/form.server';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'actions:title') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const parsed = parseSearch(request, listFilters);
  if (!parsed.ok) throw refuseAddress(parsed, 'actions:errors.badFilters');
  const list = await listActions(user, parsed.data);
  return json({ ...list, filters: parsed.data });
}

export default function ActionList() {
  const { rows, owners, departments, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation('actions');
  const overdue = rows.filter((row) => row.overdue).length;
  return (
    <>
      <h1 id="page-title">{t('title')}</h1>
      <p>
        <Trans t={t} i18nKey="list.intro" components={{ link: <Link to="/insights" /> }} />
      </p>
      <ActionFiltersForm filters={filters} owners={owners} departments={departments} />
      {overdue > 0 ? (
        <p className="action-overdue-summary" role="status">
          {overdue === 1 ? t('list.overdueOne') : t('list.overdueMany', { number: overdue })}
        </p>
      ) : null}
      <ActionTable rows={rows} />
    </>
  );
}
