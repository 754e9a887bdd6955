import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';
import type { Measure } from '~/insights/tables';
import type { Figure } from '~/insights/types';

import { useInsightFormat } from './use-insight-words';

export interface TooltipLine {
  label: string;
  figure: Figure;
  colour?: string;
}

/**
 * The box a chart shows under the pointer. It is built from the figures, not from what recharts
 * plotted, so a withheld group reads "withheld" here too instead of silently dropping out.
 */
export function FigureTooltip({
  title,
  lines,
  measure,
}: {
  title: string;
  lines: TooltipLine[];
  measure: Measure;
}) {
  const { t } = useTranslation('insights');
  const say = useMessage();
  const format = useInsightFormat();
  const describe = (figure: Figure) => {
    if (figure.state === 'withheld') return t('table.withheld');
    if (figure.state === 'empty') return t('table.noAnswers');
    return t('figure.valueWithN', {
      value: format.value(measure, figure.value),
      n: format.count(figure.n),
    });
  };
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title}</p>
      <ul>
        {lines.map((line, index) => (
          <li key={index}>
            {line.colour ? (
              <span className="chart-tooltip-key" style={{ background: line.colour }} />
            ) : null}
            {say(line.label)}: {describe(line.figure)}
          </li>
        ))}
      </ul>
    </div>
  );
}
