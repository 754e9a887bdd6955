import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { pageTitle } from '~/i18n';
import { raiseLink } from '~/insights/action-links';
import { ChartCard } from '~/insights/components/chart-card';
import { PendingCycleNote } from '~/insights/components/group-notes';
import { Heatmap } from '~/insights/components/heatmap';
import { InsightFilterBar } from '~/insights/components/insight-filters';
import { TrendChart } from '~/insights/components/trend-chart';
import { loadDrivers } from '~/insights/drivers.server';
import { csvHref, filterSearch } from '~/insights/exports';
import { driverName } from '~/utils/driver-name';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'insights:nav.drivers', 'insights:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadDrivers(user, new URL(request.url).searchParams));
}

export default function InsightsDrivers() {
  const { t } = useTranslation('insights');
  const view = useLoaderData<typeof loader>();
  const { filters, driver } = view;
  // Columns are drivers: the built-in ones in the reader's language, custom ones as typed.
  const heatmap = {
    ...view.heatmap,
    columns: view.heatmap.columns.map((column) => ({
      ...column,
      name: driverName(t, column.id),
    })),
  };
  const driverHref = (name: string) =>
    `/insights/drivers${filterSearch(filters)}&${new URLSearchParams({ driver: name })}`;
  return (
    <>
      <h1 id="page-title">{t('nav.drivers')}</h1>
      <p className="muted">
        {view.latest
          ? t('drivers.introInCycle', { number: view.latest.number })
          : t('drivers.intro')}
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} hidden={{ driver }} />
      <PendingCycleNote pending={view.pending} />
      <ChartCard
        title={t('drivers.grid')}
        csvHref={csvHref('drivers', 'drivers', filters)}
        tableOnly
      >
        <Heatmap
          heatmap={heatmap}
          cellAction={(row, column) =>
            raiseLink(
              view.actions,
              { metric: 'driver', departmentId: row.id, driver: column.id },
              t('raise.inDepartment', { what: column.name, department: row.name }),
            )
          }
        />
      </ChartCard>
      {heatmap.columns.length > 0 ? (
        <nav aria-label={t('drivers.trends')} className="department-links">
          <ul>
            {heatmap.columns.map((column) => (
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
          title={t('drivers.trendTitle', { driver: driverName(t, driver) })}
          csvHref={csvHref('drivers', 'driverTrend', filters, { driver })}
        >
          <TrendChart trend={view.driverTrend} />
        </ChartCard>
      ) : null}
    </>
  );
}
