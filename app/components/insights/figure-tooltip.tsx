import { formatValue, type Measure, NO_ANSWERS, WITHHELD } from '~/insights/tables';
import type { Figure } from '~/insights/types';

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
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title}</p>
      <ul>
        {lines.map((line, index) => (
          <li key={index}>
            {line.colour ? (
              <span className="chart-tooltip-key" style={{ background: line.colour }} />
            ) : null}
            {line.label}: {describeFigure(measure, line.figure)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function describeFigure(measure: Measure, figure: Figure): string {
  if (figure.state === 'withheld') return WITHHELD;
  if (figure.state === 'empty') return NO_ANSWERS;
  return `${formatValue(measure, figure.value)} (n = ${figure.n})`;
}
