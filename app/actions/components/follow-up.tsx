import { useTranslation } from 'react-i18next';

import type { FollowUp } from '~/actions/action-page.server';
import { useMessage } from '~/components/ui/use-message';
import { WithheldNote } from '~/insights/components/group-notes';
import { TrendChart } from '~/insights/components/trend-chart';
import { formatValue } from '~/insights/tables';
import type { Figure } from '~/insights/types';

function FigureText({ figure, measure }: { figure: Figure; measure: 'score' | 'enps' }) {
  const { t } = useTranslation('actions');
  if (figure.state === 'withheld') return <>{t('followUp.withheld')}</>;
  if (figure.state === 'empty') return <>{t('followUp.noAnswers')}</>;
  return (
    <>
      <span className="follow-up-value">{formatValue(measure, figure.value)}</span>{' '}
      <span className="muted">n = {figure.n}</span>
    </>
  );
}

/**
 * Whether the result moved: its trend with the baseline drawn from the cycle the action was
 * raised in, the latest figure and the change with its 95% interval. The change is called
 * significant only when the interval excludes zero, and is not shown when either side is withheld.
 */
export function FollowUpPanel({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation('actions');
  const say = useMessage();
  const { baseline, latest, change, unit } = followUp;
  const withheld = baseline.state === 'withheld' || latest.state === 'withheld';
  // The server names the baseline line and the markers with message keys.
  const trend = {
    ...followUp.trend,
    series: followUp.trend.series.map((series) => ({
      ...series,
      label: say(series.label) ?? series.label,
    })),
    markers: followUp.trend.markers.map((marker) => ({
      ...marker,
      label: say(marker.label) ?? marker.label,
    })),
  };
  return (
    <section className="follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      <dl className="follow-up-figures">
        <div>
          <dt>{t('followUp.baseline')}</dt>
          <dd>
            <FigureText figure={baseline} measure={unit} />
          </dd>
        </div>
        <div>
          <dt>
            {followUp.latestCycleNumber !== null
              ? t('followUp.latestCycle', { number: followUp.latestCycleNumber })
              : t('followUp.latest')}
          </dt>
          <dd>
            <FigureText figure={latest} measure={unit} />
          </dd>
        </div>
        <div>
          <dt>{t('followUp.change')}</dt>
          <dd>
            {change ? (
              <>
                <span className="follow-up-value">
                  {change.delta > 0 ? '+' : ''}
                  {formatValue(unit, change.delta)}
                </span>{' '}
                <span className="muted">
                  {t('followUp.interval', {
                    low: formatValue(unit, change.low),
                    high: formatValue(unit, change.high),
                  })}
                </span>{' '}
                {change.significant ? (
                  <span className="badge-significant">{t('followUp.significant')}</span>
                ) : (
                  <span className="muted">{t('followUp.noise')}</span>
                )}
              </>
            ) : (
              <span className="muted">{t('followUp.notYet')}</span>
            )}
          </dd>
        </div>
      </dl>
      {withheld ? <WithheldNote /> : null}
      <TrendChart trend={trend} measure={unit} />
    </section>
  );
}
