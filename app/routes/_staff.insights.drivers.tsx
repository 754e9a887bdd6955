import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { ChartCard } from '~/components/insights/chart-card';
import { PendingCycleNote } from '~/components/insights/group-notes';
import { Heatmap } from '~/components/insights/heatmap';
import { InsightFilterBar } from '~/components/insights/insight-filters';
import { TrendChart } from '~/components/insights/trend-chart';
import { raiseLink } from '~/insights/action-links';
import { loadDrivers } from '~/insights/drivers.server';
import { csvHref, filterSearch } from '~/insights/exports';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [{ title: 'Drivers · Insights · Innerloop' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadDrivers(user, new URL(request.url).searchParams));
}

export default function InsightsDrivers() {
  const view = useLoaderData<typeof loader>();
  const { filters, driver } = view;
  const driverHref = (name: string) =>
    `/insights/drivers${filterSearch(filters)}&${new URLSearchParams({ driver: name })}`;
  return (
    <>
      <h1 id="page-title">Drivers</h1>
      <p className="muted">
        Each department&apos;s score per driver
        {view.latest ? ` in cycle ${view.latest.number}` : ''}, on a 1–5 scale. Choose a driver to
        see its trend.
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} hidden={{ driver }} />
      <PendingCycleNote pending={view.pending} />
      <ChartCard
        title="Department × driver"
        csvHref={csvHref('drivers', 'drivers', filters)}
        tableOnly
      >
        <Heatmap
          heatmap={view.heatmap}
          cellAction={(row, column) =>
            raiseLink(
              view.actions,
              { metric: 'driver', departmentId: row.id, driver: column.id },
              `${column.name} in ${row.name}`,
            )
          }
        />
      </ChartCard>
      {view.heatmap.columns.length > 0 ? (
        <nav aria-label="Driver trends" className="department-links">
          <ul>
            {view.heatmap.columns.map((column) => (
              <li key={column.id}>
                <Link
                  to={driverHref(column.id)}
                  aria-current={column.id === driver ? 'page' : undefined}
                >
                  {column.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {driver && view.driverTrend ? (
        <ChartCard
          title={`${driver} over cycles`}
          csvHref={csvHref('drivers', 'driverTrend', filters, { driver })}
        >
          <TrendChart trend={view.driverTrend} />
        </ChartCard>
      ) : null}
    </>
  );
}
