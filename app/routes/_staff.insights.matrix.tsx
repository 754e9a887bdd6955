import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { ChartCard } from '~/components/insights/chart-card';
import { PendingCycleNote } from '~/components/insights/group-notes';
import { Heatmap } from '~/components/insights/heatmap';
import { InsightFilterBar } from '~/components/insights/insight-filters';
import { TrendChart } from '~/components/insights/trend-chart';
import { raiseLink } from '~/insights/action-links';
import { csvHref, filterSearch } from '~/insights/exports';
import { loadMatrix } from '~/insights/matrix.server';
import { requireStaff } from '~/utils/permissions.server';

export const meta: MetaFunction = () => [
  { title: 'Internal-customer matrix · Insights · Innerloop' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return json(await loadMatrix(user, new URL(request.url).searchParams));
}

export default function InsightsMatrix() {
  const view = useLoaderData<typeof loader>();
  const { filters, cell } = view;
  const chosen = cell ? { row: cell.row.id, column: cell.column.id } : {};
  const cellHref = (row: string, column: string) =>
    `/insights/matrix${filterSearch(filters)}&${new URLSearchParams({ row, column })}`;
  return (
    <>
      <h1 id="page-title">Internal-customer matrix</h1>
      <p className="muted">
        How each department rates the departments that serve it
        {view.latest ? `, in cycle ${view.latest.number}` : ''}: mean of the internal-service
        questions on a 1–5 scale. Each column&apos;s last row is that service&apos;s score from all
        its internal customers. Choose a cell to see its trend.
      </p>
      <InsightFilterBar filters={filters} surveys={view.surveys} hidden={chosen} />
      <PendingCycleNote pending={view.pending} />
      {view.hasMatrix ? null : (
        <p className="chart-empty">
          This survey asks no internal-service questions, so it has no matrix. Choose a survey that
          rates the departments that serve others.
        </p>
      )}
      {view.hasMatrix ? (
        <ChartCard
          title="Answering department × rated department"
          csvHref={csvHref('matrix', 'matrix', filters)}
          tableOnly
        >
          <Heatmap
            heatmap={view.heatmap}
            rowHeading="Answering department"
            cellHref={cellHref}
            selected={cell ? { rowId: cell.row.id, columnId: cell.column.id } : null}
            cellAction={(row, column) =>
              raiseLink(
                view.actions,
                { metric: 'service', departmentId: row.id, providerDepartmentId: column.id },
                `${row.name} rating ${column.name}`,
              )
            }
          />
        </ChartCard>
      ) : null}
      {cell && view.cellTrend ? (
        <ChartCard
          title={`${cell.row.name} rating ${cell.column.name}, over cycles`}
          csvHref={csvHref('matrix', 'cellTrend', filters, chosen)}
        >
          <TrendChart trend={view.cellTrend} />
        </ChartCard>
      ) : null}
    </>
  );
}
