import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { useMessage } from '~/components/ui/use-message';
import { type Measure, tableOfTrend } from '~/insights/tables';
import type { Trend } from '~/insights/types';

import { ChartFrame } from './chart-frame';
import { ChartViews } from './chart-views';
import { DataTable } from './data-table';
import { FigureTooltip } from './figure-tooltip';
import { NoAnswers, NothingToDraw, WithheldNote } from './group-notes';
import { colourOfSeries, domainOf, ticksOf } from './scales';
import { shortLabel } from './short-label';
import { useInsightFormat, useTableWords } from './use-insight-words';

const HEIGHT = 320;
// Marker labels of neighbouring cycles would print over each other: each takes the next of these
// rows under the top edge, so up to three in a row stay apart.
const MARKER_ROWS = 3;
const MARKER_ROW_HEIGHT = 16;

/**
 * Lines over cycles, overall and per department. A withheld or unanswered cycle is a gap in its
 * line (null), never a point at zero; a dashed line marks each cycle where an action was done.
 */
export function TrendChart({ trend, measure = 'score' }: { trend: Trend; measure?: Measure }) {
  // The series the pointer is on (a line or its legend entry): it stands out, the others fade.
  // Without JavaScript the chart is not drawn at all and the table carries the numbers.
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const { t } = useTranslation('insights');
  const say = useMessage();
  const format = useInsightFormat();
  const words = useTableWords();
  // Labels are names, or words said as message keys ("All", "Score"), in the page's language.
  const labelOf = (label: string) => say(label) ?? label;
  const points = trend.series.flatMap((series) => series.points);
  const shownAny = points.some((point) => point.state === 'shown');
  const withheldSeries = trend.series
    .filter((series) => series.points.some((point) => point.state === 'withheld'))
    .map((series) => labelOf(series.label));
  if (trend.cycles.length === 0 || (!shownAny && withheldSeries.length === 0)) {
    return <NoAnswers />;
  }

  const rows = trend.cycles.map((cycle, index) => {
    const row: Record<string, string | number | null> = { cycle: cycle.id };
    trend.series.forEach((series, seriesIndex) => {
      const point = series.points[index];
      row[`s${seriesIndex}`] = point?.state === 'shown' ? point.value : null;
    });
    return row;
  });
  // A series with no shown cycle draws nothing, so it has no place in the legend either; the
  // note below the chart names the withheld ones.
  const drawn = trend.series
    .map((series, seriesIndex) => ({ series, seriesIndex }))
    .filter(({ series }) => series.points.some((point) => point.state === 'shown'));
  const keyOf = (dataKey: unknown) =>
    drawn.find(({ seriesIndex }) => `s${seriesIndex}` === dataKey)?.series.key ?? null;
  const cycleIndex = (id: unknown) => trend.cycles.findIndex((cycle) => cycle.id === id);
  const markersAt = trend.cycles.flatMap((cycle) => {
    const labels = trend.markers.filter((marker) => marker.cycleId === cycle.id);
    return labels.length > 0
      ? [
          {
            cycleId: cycle.id,
            label: labels.map((marker) => labelOf(marker.label)).join('; '),
          },
        ]
      : [];
  });

  const chart = !shownAny ? (
    <NothingToDraw />
  ) : (
    <ChartFrame height={HEIGHT}>
      {(width) => (
        <LineChart
          width={width}
          height={HEIGHT}
          data={rows}
          margin={{ top: 24, right: 24, bottom: 8, left: 0 }}
        >
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="cycle"
            padding={{ left: 16, right: 16 }}
            tickFormatter={(id) => `#${trend.cycles[cycleIndex(id)]?.number ?? ''}`}
          />
          <YAxis
            domain={domainOf[measure]}
            ticks={ticksOf[measure]}
            tickFormatter={(value: number) => format.number(value)}
            allowDataOverflow
          />
          <Tooltip
            content={({ active, label }) => {
              const index = cycleIndex(label);
              const cycle = trend.cycles[index];
              if (!active || !cycle) return null;
              return (
                <FigureTooltip
                  title={t('trend.tooltip', {
                    number: cycle.number,
                    day: format.day(cycle.opensOn),
                  })}
                  measure={measure}
                  lines={trend.series.map((series, seriesIndex) => ({
                    label: series.label,
                    figure: series.points[index] ?? { state: 'empty' },
                    colour: colourOfSeries(seriesIndex),
                  }))}
                />
              );
            }}
          />
          <Legend
            onMouseEnter={(entry) => setHighlighted(keyOf(entry.dataKey))}
            onMouseLeave={() => setHighlighted(null)}
          />
          {markersAt.map((marker, markerIndex) => (
            <ReferenceLine
              key={marker.cycleId}
              x={marker.cycleId}
              stroke="var(--color-muted)"
              strokeDasharray="4 4"
              label={{
                value: shortLabel(marker.label, 28),
                // Inside the plot, running away from the nearer edge, so it is never cut off.
                position:
                  trend.cycles.findIndex((cycle) => cycle.id === marker.cycleId) <
                  trend.cycles.length / 2
                    ? 'insideTopLeft'
                    : 'insideTopRight',
                className: 'chart-marker-label',
                dy: (markerIndex % MARKER_ROWS) * MARKER_ROW_HEIGHT,
              }}
            />
          ))}
          {drawn.map(({ series, seriesIndex }) => (
            <Line
              key={series.key}
              dataKey={`s${seriesIndex}`}
              name={labelOf(series.label)}
              className={lineClass(series.key, highlighted)}
              stroke={colourOfSeries(seriesIndex)}
              strokeWidth={series.key === highlighted ? 4 : 2}
              strokeOpacity={highlighted && series.key !== highlighted ? 0.25 : 1}
              onMouseEnter={() => setHighlighted(series.key)}
              onMouseLeave={() => setHighlighted(null)}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );

  return (
    <ChartViews chart={chart} table={<DataTable table={tableOfTrend(trend, measure, words)} />}>
      {withheldSeries.length > 0 ? (
        <WithheldNote groups={withheldSeries}>{t('trend.gap')}</WithheldNote>
      ) : null}
      {markersAt.length > 0 ? <p className="chart-note">{t('trend.markers')}</p> : null}
    </ChartViews>
  );
}

function lineClass(key: string, highlighted: string | null): string | undefined {
  if (!highlighted) return undefined;
  return key === highlighted ? 'trend-line-highlighted' : 'trend-line-faded';
}
