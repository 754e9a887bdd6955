import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import type { RaiseLink } from '~/insights/action-links';
import { type Measure, orEmpty } from '~/insights/tables';
import type { DepartmentRef, HeatFigure, Heatmap as HeatmapData } from '~/insights/types';

import { useChartCard } from './chart-card';
import { NoAnswers, WithheldNote } from './group-notes';
import { RaiseActionLink } from './raise-action-link';
import { domainOf, heatEdges, heatStep } from './scales';
import { useInsightFormat } from './use-insight-words';

export interface HeatmapProps {
  heatmap: HeatmapData;
  measure?: Measure;
  /** Heading of the row names, e.g. "Answering department" (default: "Department"). */
  rowHeading?: string;
  /** Where a cell leads, e.g. the trend of that cell; cells are plain text without it. */
  cellHref?: (rowId: string, columnId: string) => string;
  /** The cell whose trend the page shows beside the grid. */
  selected?: { rowId: string; columnId: string } | null;
  /** The "Raise an action" control of a cell, where the user may raise one. */
  cellAction?: (row: DepartmentRef, column: { id: string; name: string }) => RaiseLink | null;
}

/**
 * A heatmap as an HTML table: it is the chart and the table at once, so screen readers get row and
 * column headers for every cell. Colour shows the size of a value, and the value and its n are
 * printed in the cell, so nothing depends on seeing the colour.
 */
export function Heatmap({
  heatmap,
  measure = 'score',
  rowHeading,
  cellHref,
  selected,
  cellAction,
}: HeatmapProps) {
  const { t } = useTranslation('insights');
  const card = useChartCard();
  const figures = [...heatmap.cells.flat(), ...heatmap.rowTotals, ...heatmap.columnTotals].filter(
    (figure) => figure !== null,
  );
  if (
    heatmap.rows.length === 0 ||
    heatmap.columns.length === 0 ||
    figures.every((figure) => figure.state === 'empty')
  ) {
    return <NoAnswers />;
  }
  const anyWithheld = figures.some((figure) => figure.state === 'withheld');
  const anyOutside = [...heatmap.cells.flat(), ...heatmap.rowTotals, ...heatmap.columnTotals].some(
    (figure) => figure === null,
  );

  return (
    <div className="insight-chart">
      <div className="table-scroll">
        <table className="heatmap" aria-labelledby={card?.titleId}>
          <thead>
            <tr>
              <th scope="col">{rowHeading ?? t('table.department')}</th>
              {heatmap.columns.map((column) => (
                <th key={column.id} scope="col">
                  {column.name}
                </th>
              ))}
              <th scope="col" className="heatmap-total">
                {t('table.overall')}
              </th>
            </tr>
          </thead>
          <tbody>
            {heatmap.rows.map((row, rowIndex) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {heatmap.columns.map((column, columnIndex) => (
                  <HeatCell
                    key={column.id}
                    figure={orEmpty(heatmap.cells[rowIndex]?.[columnIndex])}
                    measure={measure}
                    href={cellHref?.(row.id, column.id)}
                    selected={selected?.rowId === row.id && selected.columnId === column.id}
                    action={cellAction?.(row, column)}
                  />
                ))}
                <HeatCell figure={orEmpty(heatmap.rowTotals[rowIndex])} measure={measure} total />
              </tr>
            ))}
            <tr className="heatmap-totals">
              <th scope="row">{t('table.overall')}</th>
              {heatmap.columns.map((column, columnIndex) => (
                <HeatCell
                  key={column.id}
                  figure={orEmpty(heatmap.columnTotals[columnIndex])}
                  measure={measure}
                  total
                />
              ))}
              <td className="heatmap-total" />
            </tr>
          </tbody>
        </table>
      </div>
      <HeatLegend measure={measure} />
      {anyWithheld ? <WithheldNote /> : null}
      {anyOutside ? (
        <p className="chart-note">
          {t('heatmap.outsideNote', { outside: t('table.outsideScope') })}
        </p>
      ) : null}
    </div>
  );
}

function HeatCell({
  figure,
  measure,
  href,
  selected = false,
  total = false,
  action,
}: {
  figure: HeatFigure;
  measure: Measure;
  href?: string;
  selected?: boolean;
  total?: boolean;
  action?: RaiseLink | null;
}) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  const classes = ['heat-cell'];
  if (total) classes.push('heatmap-total');
  if (selected) classes.push('heat-selected');
  let content;
  if (figure === null) {
    classes.push('heat-outside');
    return (
      <td className={classes.join(' ')}>
        <span className="heat-content">
          <span className="heat-value">{t('table.outsideScope')}</span>
        </span>
      </td>
    );
  }
  if (figure.state === 'shown') {
    classes.push(`heat-${heatStep(measure, figure.value)}`);
    content = (
      <span className="heat-content">
        <span className="heat-value">{format.value(measure, figure.value)}</span>{' '}
        <span className="heat-n">{t('figure.n', { n: format.count(figure.n) })}</span>
      </span>
    );
  } else {
    classes.push(figure.state === 'withheld' ? 'heat-withheld' : 'heat-empty');
    content = (
      <span className="heat-content">
        <span className="heat-value">
          {figure.state === 'withheld' ? t('table.withheld') : t('table.noAnswers')}
        </span>
      </span>
    );
  }
  return (
    <td
      className={classes.join(' ')}
      title={figure.state === 'withheld' ? t('notes.anonymityShort') : undefined}
    >
      {href ? (
        // The page stays where it is: picking a cell only changes the trend shown beside the grid.
        <Link
          className="heat-link"
          to={href}
          preventScrollReset
          aria-current={selected ? 'true' : undefined}
        >
          {content}
        </Link>
      ) : (
        content
      )}
      {/* An action needs a figure to start from: none on a withheld or empty cell. */}
      {action && figure.state === 'shown' ? <RaiseActionLink link={action} /> : null}
    </td>
  );
}

/** The colour steps with the values each stands for, the neutral one named. */
function HeatLegend({ measure }: { measure: Measure }) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  const [low, high] = domainOf[measure];
  const bounds = [low, ...heatEdges(measure), high];
  const neutral = Math.floor(bounds.length / 2);
  const steps = bounds.slice(1).map((to, index) => ({
    step: index + 1,
    from: format.value(measure, bounds[index] ?? low),
    to: format.value(measure, to),
    label: index + 1 === neutral ? ` ${t('heatmap.neutral')}` : '',
  }));
  return (
    <ul className="heat-legend" aria-label={t('heatmap.legend')}>
      {steps.map(({ step, from, to, label }) => (
        <li key={step}>
          <span className={`heat-swatch heat-${step}`} aria-hidden="true" />
          {from}–{to}
          {label}
        </li>
      ))}
    </ul>
  );
}
