import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { pageTitle } from '~/i18n';
import { raiseLink } from '~/insights/action-links';
import { ChartCard } from '~/insights/components/chart-card';
import { PendingCycleNote } from '~/insights/components/group-notes';
import { Heatmap } from '~/insights/components/heatmap';
import { InsightFilterBar } from '~/insights/components/insight-filters';
import { TrendChart } from '~/insights/components/trend-chart';
import { csvHref, filterSearch } from '~/insights/exports';
import { loadMatrix } from '~/insights/matrix.server';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'insights:nav.matrix', 'insights:title') },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadMatrix(user, new URL(request.url).searchParams));
}

export default function InsightsMatrix() {
  const { t } = useTranslation('insights');
  const view = useLoaderData<typeof loader>();
  const { filters, cell } = view;
  const chosen = cell ? { row: cell.row.id, column: cell.column.id } : {};
  const cellHref = (row: string, column: string) =>
    `/insights/matrix${filterSearch(filters)}&${new URLSearchParams({ row, column })}`;
  return (
    <>
      <h1 id="page-title">{t('nav.matrix')}</h1>
      <p className="muted">
        {view.latest ? t('matrix.introInCycle', { number: view.latest.number }) : t('matrix.intro')}
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} hidden={chosen} />
      <PendingCycleNote pending={view.pending} />
      {view.hasMatrix ? null : <p className="chart-empty">{t('matrix.none')}</p>}
      {view.hasMatrix ? (
        <ChartCard
          title={t('matrix.grid')}
          csvHref={csvHref('matrix', 'matrix', filters)}
          tableOnly
        >
          <Heatmap
            heatmap={view.heatmap}
            rowHeading={t('table.answeringDepartment')}
            cellHref={cellHref}
            selected={cell ? { rowId: cell.row.id, columnId: cell.column.id } : null}
            cellAction={(row, column) =>
              raiseLink(
                view.actions,
                { metric: 'service', departmentId: row.id, providerDepartmentId: column.id },
                t('raise.rating', { customer: row.name, department: column.name }),
              )
            }
          />
        </ChartCard>
      ) : null}
      {cell && view.cellTrend ? (
        <ChartCard
          title={t('matrix.trendTitle', {
            customer: cell.row.name,
            department: cell.column.name,
          })}
          csvHref={csvHref('matrix', 'cellTrend', filters, chosen)}
        >
          <TrendChart trend={view.cellTrend} />
        </ChartCard>
      ) : null}
    </>
  );
}
