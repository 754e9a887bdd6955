import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';

import { tableOfParticipation } from '~/insights/tables';
import type { Participation } from '~/insights/types';

import { BarsFrame } from './chart-frame';
import { ChartViews } from './chart-views';
import { DataTable } from './data-table';
import { NoAnswers, WithheldNote } from './group-notes';
import { colourOfSeries } from './scales';
import { useInsightFormat, useTableWords } from './use-insight-words';

const HEIGHT = 260;
// SVG attributes cannot read CSS variables: app.css's --color-text.
const TEXT = '#1d2433';

/**
 * The response rate of the whole survey per cycle as bars; the table underneath holds every
 * department per cycle with invited and answered people.
 */
export function ParticipationChart({ participation }: { participation: Participation }) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  const words = useTableWords();
  const percent = (value: number) => t('figure.percent', { value: format.value('percent', value) });
  const { cycles, total } = participation;
  if (cycles.length === 0) return <NoAnswers />;

  const plotted = cycles.flatMap((cycle, index) => {
    const rate = total[index]?.rate;
    return rate?.state === 'shown'
      ? [{ id: cycle.id, rate: rate.value, label: percent(rate.value) }]
      : [];
  });
  const withheld = [
    ...participation.rows.filter((row) => hasWithheld(row.cells)).map((row) => row.department.name),
    ...(hasWithheld(total) ? [t('table.allDepartments')] : []),
  ];
  const cycleOf = (id: unknown) => cycles.find((cycle) => cycle.id === id);

  const chart = (
    <BarsFrame rows={plotted} height={HEIGHT} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid vertical={false} />
      <XAxis dataKey="id" tickFormatter={(id) => `#${cycleOf(id)?.number ?? ''}`} />
      <YAxis
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(value: number) => percent(value)}
        allowDataOverflow
      />
      <Tooltip
        cursor={{ fill: 'var(--color-accent-soft)' }}
        content={({ active, label }) => {
          const index = cycles.findIndex((cycle) => cycle.id === label);
          const cell = total[index];
          if (!active || !cell || cell.rate.state !== 'shown') return null;
          return (
            <div className="chart-tooltip">
              <p className="chart-tooltip-title">
                {t('trend.tooltip', {
                  number: cycles[index].number,
                  day: format.day(cycles[index].opensOn),
                })}
              </p>
              <p>
                {cell.answered.state === 'shown'
                  ? t('participation.answeredOf', {
                      rate: percent(cell.rate.value),
                      answered: format.count(cell.answered.value),
                      invited: format.count(cell.invited),
                    })
                  : t('participation.answered', { rate: percent(cell.rate.value) })}
              </p>
            </div>
          );
        }}
      />
      <Bar dataKey="rate" fill={colourOfSeries(0)} isAnimationActive={false}>
        <LabelList dataKey="label" position="top" fill={TEXT} />
      </Bar>
    </BarsFrame>
  );

  return (
    <ChartViews
      chart={chart}
      table={<DataTable table={tableOfParticipation(participation, words)} />}
    >
      {withheld.length > 0 ? <WithheldNote groups={withheld} /> : null}
    </ChartViews>
  );
}

const hasWithheld = (cells: Participation['total']) =>
  cells.some((cell) => cell.answered.state === 'withheld' || cell.rate.state === 'withheld');
