import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { listFilters } from '~/actions/action-forms';
import { listActions } from '~/actions/action-list.server';
import { ActionFiltersForm } from '~/components/actions/action-filters';
import { ActionTable } from '~/components/actions/action-table';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'Actions · Innerloop' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const parsed = listFilters.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw new Response(parsed.error.issues[0]?.message ?? 'Bad filters', { status: 400 });
  }
  const list = await listActions(user, parsed.data);
  return json({ ...list, filters: parsed.data });
}

export default function ActionList() {
  const { rows, owners, departments, filters } = useLoaderData<typeof loader>();
  const overdue = rows.filter((row) => row.overdue).length;
  return (
    <>
      <h1 id="page-title">Actions</h1>
      <p>
        Action items raised from results, owned and tracked to done. Raise one from any score on the{' '}
        <Link to="/insights">insight pages</Link>.
      </p>
      <ActionFiltersForm filters={filters} owners={owners} departments={departments} />
      {overdue > 0 ? (
        <p className="action-overdue-summary" role="status">
          {overdue === 1 ? '1 action is overdue.' : `${overdue} actions are overdue.`}
        </p>
      ) : null}
      <ActionTable rows={rows} />
    </>
  );
}
