import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';

import type { RaiseLink } from '~/insights/action-links';
import { type Measure, tableOfDepartmentBars } from '~/insights/tables';
import type { DepartmentBar } from '~/insights/types';

import { BarsFrame } from './chart-frame';
import { ChartViews } from './chart-views';
import { DataTable } from './data-table';
import { FigureTooltip } from './figure-tooltip';
import { EmptyGroupsNote, NoAnswers, WithheldNote } from './group-notes';
import { RaiseFromTableNote, rowActionsOf } from './raise-action-link';
import { colourOfSeries, domainOf, measureName, ticksOf } from './scales';
import { shortLabel } from './short-label';
import { useInsightFormat, useTableWords } from './use-insight-words';

const BAR_ROW = 40;
const AXIS_ROOM = 48;
// SVG attributes cannot read CSS variables: app.css's --color-text.
const TEXT = '#1d2433';

/** Satisfaction by department: one horizontal bar per department that may be shown. */
export function DepartmentBarChart({
  bars,
  measure = 'score',
  groupHeading,
  actionLinkOf,
}: {
  bars: DepartmentBar[];
  measure?: Measure;
  /**
   * First column of the table where the bars are not departments, as a message key, e.g.
   * "insights:table.driver".
   */
  groupHeading?: string;
  /** The "Raise an action" control of a bar's table row, where the user may raise one. */
  actionLinkOf?: (bar: DepartmentBar) => RaiseLink | null;
}) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  const words = useTableWords();
  const namesIn = (state: DepartmentBar['figure']['state']) =>
    bars.filter((bar) => bar.figure.state === state).map((bar) => bar.department.name);
  const withheld = namesIn('withheld');
  const empty = namesIn('empty');
  const plotted = bars.flatMap(({ department, figure }) =>
    figure.state === 'shown'
      ? [
          {
            id: department.id,
            value: figure.value,
            label: `${format.value(measure, figure.value)} · ${t('figure.n', { n: format.count(figure.n) })}`,
          },
        ]
      : [],
  );
  if (plotted.length === 0 && withheld.length === 0) return <NoAnswers />;

  const rowActions = rowActionsOf(bars.map((bar) => actionLinkOf?.(bar) ?? null));
  const nameOf = (id: unknown) => bars.find((bar) => bar.department.id === id)?.department.name;
  const chart = (
    <BarsFrame
      rows={plotted}
      height={AXIS_ROOM + BAR_ROW * plotted.length}
      layout="vertical"
      margin={{ top: 8, right: 104, bottom: 8, left: 8 }}
    >
      <CartesianGrid horizontal={false} />
      <XAxis
        type="number"
        domain={domainOf[measure]}
        ticks={ticksOf[measure]}
        tickFormatter={(value: number) => format.number(value)}
        allowDataOverflow
      />
      <YAxis
        type="category"
        dataKey="id"
        width={140}
        tickFormatter={(id) => shortLabel(nameOf(id) ?? '', 20)}
      />
      <Tooltip
        cursor={{ fill: 'var(--color-accent-soft)' }}
        content={({ active, label }) => {
          const bar = bars.find((candidate) => candidate.department.id === label);
          if (!active || !bar) return null;
          return (
            <FigureTooltip
              title={bar.department.name}
              lines={[{ label: measureName[measure], figure: bar.figure }]}
              measure={measure}
            />
          );
        }}
      />
      <Bar dataKey="value" fill={colourOfSeries(0)} isAnimationActive={false}>
        <LabelList dataKey="label" position="right" className="chart-label" fill={TEXT} />
      </Bar>
    </BarsFrame>
  );

  return (
    <ChartViews
      chart={chart}
      table={
        <DataTable
          table={tableOfDepartmentBars(bars, measure, groupHeading, words)}
          renderRowAction={rowActions}
        />
      }
    >
      <RaiseFromTableNote show={rowActions !== undefined} />
      {withheld.length > 0 ? <WithheldNote groups={withheld} /> : null}
      {empty.length > 0 ? <EmptyGroupsNote groups={empty} /> : null}
    </ChartViews>
  );
}
