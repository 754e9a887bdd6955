import { useTranslation } from 'react-i18next';

import type { RaiseLink } from '~/insights/action-links';
import { type Measure, roundFor } from '~/insights/tables';
import type { Change, CycleRef, Figure } from '~/insights/types';

import { WithheldNote } from './group-notes';
import { RaiseActionLink } from './raise-action-link';
import { useInsightFormat } from './use-insight-words';

/** The latest cycle's score and eNPS, each with its n and the change since the cycle before. */
export function ScoreHeadline({
  score,
  enps,
  latest = null,
  actions = {},
}: {
  score: Figure;
  enps: Figure | null;
  latest?: CycleRef | null;
  /** "Raise an action" on each figure, where the user may raise one. */
  actions?: { score?: RaiseLink | null; enps?: RaiseLink | null };
}) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  const withheld = score.state === 'withheld' || enps?.state === 'withheld';
  return (
    <div className="score-headline">
      {latest ? (
        <p className="muted">
          {t('headline.cycle', { number: latest.number, day: format.day(latest.opensOn) })}
        </p>
      ) : null}
      <dl className="headline-figures">
        <HeadlineFigure
          label={t('table.score')}
          figure={score}
          measure="score"
          scale={t('headline.outOf5')}
          action={actions.score}
        />
        {enps ? (
          <HeadlineFigure
            label={t('table.enps')}
            figure={enps}
            measure="enps"
            action={actions.enps}
          />
        ) : null}
      </dl>
      {withheld ? <WithheldNote /> : null}
    </div>
  );
}

function HeadlineFigure({
  label,
  figure,
  measure,
  scale,
  action,
}: {
  label: string;
  figure: Figure;
  measure: Measure;
  scale?: string;
  action?: RaiseLink | null;
}) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  return (
    <div className="headline-figure">
      <dt>{label}</dt>
      <dd>
        {figure.state === 'shown' ? (
          <>
            <span className="headline-value">{format.value(measure, figure.value)}</span>
            {scale ? <span className="muted"> {scale}</span> : null}
            <span className="headline-n">{t('figure.n', { n: format.count(figure.n) })}</span>
            {figure.change ? <ChangeSince change={figure.change} measure={measure} /> : null}
          </>
        ) : (
          <span className="headline-value headline-missing">
            {figure.state === 'withheld' ? t('table.withheld') : t('notes.noAnswers')}
          </span>
        )}
      </dd>
      {action ? (
        <dd className="headline-action">
          <RaiseActionLink link={action} />
        </dd>
      ) : null}
    </div>
  );
}

/**
 * The change since the previous cycle. It is called significant only when its 95% interval
 * excludes zero (the loader decides); the interval itself is there for anyone who asks.
 */
function ChangeSince({ change, measure }: { change: Change; measure: Measure }) {
  const { t } = useTranslation('insights');
  const format = useInsightFormat();
  const delta = roundFor(measure, change.delta);
  const interval = t('headline.interval', {
    low: format.value(measure, change.low),
    high: format.value(measure, change.high),
  });
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  return (
    <span className={`headline-change headline-change-${direction}`} title={interval}>
      {direction === 'flat' ? (
        t('headline.noChange')
      ) : (
        <>
          <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
          <span className="visually-hidden">
            {direction === 'up' ? t('headline.up') : t('headline.down')}
          </span>{' '}
          {t('headline.sincePrevious', { delta: format.value(measure, Math.abs(delta)) })}
        </>
      )}
      <span className="visually-hidden"> ({interval})</span>
      {change.significant ? (
        <span className="badge-significant">{t('headline.significant')}</span>
      ) : null}
    </span>
  );
}
