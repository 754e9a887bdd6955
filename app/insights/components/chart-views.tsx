import type { ReactNode } from 'react';

import { useChartCard } from './chart-card';

/**
 * A chart and its table, shown as the surrounding ChartCard asks, with the chart's notes (what
 * was withheld, what the markers mean) under both. The drawing is hidden from screen readers
 * because the table, always in the page, says the same with its headers.
 */
export function ChartViews({
  chart,
  table,
  children,
}: {
  chart: ReactNode;
  table: ReactNode;
  children?: ReactNode;
}) {
  const view = useChartCard()?.view ?? 'chart';
  return (
    <div className="insight-chart">
      <div className="chart-views">
        <div className="chart-drawing" hidden={view !== 'chart'} aria-hidden="true">
          {chart}
        </div>
        <div className={view === 'table' ? 'table-scroll' : 'visually-hidden'}>{table}</div>
      </div>
      {children}
    </div>
  );
}
