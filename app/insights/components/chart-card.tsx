import { createContext, type ReactNode, useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ChartView = 'chart' | 'table';

interface CardContext {
  view: ChartView;
  /** Id of the card's heading, which names the table inside it. */
  titleId: string;
}

const CardContext = createContext<CardContext | null>(null);

/** The view the surrounding card asks for; outside a card a chart shows its chart. */
export function useChartCard(): CardContext | null {
  return useContext(CardContext);
}

export interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** Address of the CSV export of the same numbers (a resource route of the page). */
  csvHref?: string;
  /** The content is a table already (the heatmaps, the headline): no Chart | Table switch. */
  tableOnly?: boolean;
  headingLevel?: 2 | 3;
  children: ReactNode;
}

/**
 * A titled card around one chart, with a Chart | Table switch and the CSV download. The table
 * stays in the page in both views (visually hidden behind the chart), so screen readers always
 * have the numbers while the drawing itself is hidden from them.
 */
export function ChartCard({
  title,
  description,
  csvHref,
  tableOnly = false,
  headingLevel = 2,
  children,
}: ChartCardProps) {
  const { t } = useTranslation('insights');
  const [view, setView] = useState<ChartView>('chart');
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="chart-card" aria-labelledby={titleId}>
      <div className="chart-card-header">
        <div>
          <Heading id={titleId} className="chart-card-title">
            {title}
          </Heading>
          {description ? <p className="chart-card-description muted">{description}</p> : null}
        </div>
        <div className="chart-card-tools">
          {tableOnly ? null : (
            <div className="view-switch" role="group" aria-label={t('card.showAs', { title })}>
              {(['chart', 'table'] as const).map((option) => (
                <button
                  key={option}
                  type="button"
                  className="view-switch-button"
                  aria-pressed={view === option}
                  onClick={() => setView(option)}
                >
                  {option === 'chart' ? t('card.chart') : t('card.table')}
                </button>
              ))}
            </div>
          )}
          {csvHref ? (
            <a className="button button-quiet" href={csvHref} download>
              {t('card.download')}{' '}
              <span className="visually-hidden">{t('card.downloadOf', { title })}</span>
            </a>
          ) : null}
        </div>
      </div>
      <CardContext.Provider value={{ view: tableOnly ? 'table' : view, titleId }}>
        {children}
      </CardContext.Provider>
    </section>
  );
}
