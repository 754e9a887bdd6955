import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import type { Hotspot } from '~/hotspots/hotspot-view';
import type { RaiseLink } from '~/insights/action-links';
import { RaiseActionLink } from '~/insights/components/raise-action-link';
import { useInsightFormat } from '~/insights/components/use-insight-words';
import type { Change } from '~/insights/types';
import { driverName } from '~/utils/driver-name';

export interface HotspotLinks {
  /** The provider as rated by the customer, over the cycles (the matrix's cell trend). */
  trend: string;
  /** The driver over the cycles, every department (the drivers page's trend). */
  driverTrend: string;
  raise: RaiseLink | null;
}

/**
 * The hotspots, worst first: a list of cards rather than a table, so each reads whole on a
 * phone — where, how low against what, how many people, what changed, and what to do next.
 */
export function HotspotList({
  hotspots,
  linksOf,
}: {
  hotspots: Hotspot[];
  linksOf: (hotspot: Hotspot) => HotspotLinks;
}) {
  const { t } = useTranslation('hotspots');
  const format = useInsightFormat();
  return (
    <ol className="hotspot-list">
      {hotspots.map((hotspot) => {
        const links = linksOf(hotspot);
        const driver = driverName(t, hotspot.driver);
        const reference = hotspot.reference === 'target' ? hotspot.target : hotspot.level;
        return (
          <li
            key={`${hotspot.customer.id}|${hotspot.provider.id}|${hotspot.driver}`}
            className="hotspot"
          >
            <h2 className="hotspot-title">
              {t('card.title', {
                provider: hotspot.provider.name,
                driver,
                customer: hotspot.customer.name,
              })}
            </h2>
            <dl className="hotspot-figures">
              <div>
                <dt>{t('card.score')}</dt>
                <dd>
                  <strong>{format.value('score', hotspot.value)}</strong>{' '}
                  <span className="muted">{t('card.n', { n: format.count(hotspot.n) })}</span>
                </dd>
              </div>
              <div>
                <dt>{hotspot.reference === 'target' ? t('card.target') : t('card.level')}</dt>
                <dd>
                  {format.value('score', reference ?? 0)}{' '}
                  <span className="hotspot-gap">
                    {t('card.gap', { gap: format.value('score', hotspot.gap) })}
                  </span>
                </dd>
              </div>
              {hotspot.reference === 'target' && hotspot.level !== null ? (
                <div>
                  <dt>{t('card.level')}</dt>
                  <dd>{format.value('score', hotspot.level)}</dd>
                </div>
              ) : null}
              {hotspot.reference === 'level' && hotspot.target !== null ? (
                <div>
                  <dt>{t('card.target')}</dt>
                  <dd>{format.value('score', hotspot.target)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('card.impact')}</dt>
                <dd>{format.value('score', hotspot.impact)}</dd>
              </div>
              <div>
                <dt>{t('card.change')}</dt>
                <dd>
                  {hotspot.change ? (
                    <ChangeText change={hotspot.change} />
                  ) : (
                    <span className="muted">{t('card.noChange')}</span>
                  )}
                </dd>
              </div>
            </dl>
            <p className="hotspot-links">
              <Link to={links.trend}>
                {t('card.trend')}
                <span className="visually-hidden">
                  {' '}
                  {t('card.trendOf', {
                    provider: hotspot.provider.name,
                    customer: hotspot.customer.name,
                  })}
                </span>
              </Link>
              <Link to={links.driverTrend}>{t('card.driverTrend', { driver })}</Link>
              {links.raise ? <RaiseActionLink link={links.raise} /> : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** "↓ 0.4 (95% interval −0.7 to −0.1) significant": significant only when it excludes zero. */
function ChangeText({ change }: { change: Change }) {
  const { t } = useTranslation('hotspots');
  const format = useInsightFormat();
  const direction = change.delta > 0 ? 'up' : change.delta < 0 ? 'down' : 'flat';
  return (
    <span className={`hotspot-change hotspot-change-${direction}`}>
      {direction === 'flat' ? (
        t('insights:headline.noChange')
      ) : (
        <>
          <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
          <span className="visually-hidden">
            {direction === 'up' ? t('insights:headline.up') : t('insights:headline.down')}
          </span>{' '}
          {format.value('score', Math.abs(change.delta))}
        </>
      )}{' '}
      <span className="muted">
        (
        {t('insights:headline.interval', {
          low: format.value('score', change.low),
          high: format.value('score', change.high),
        })}
        )
      </span>
      {change.significant ? (
        <span className="badge-significant">{t('insights:headline.significant')}</span>
      ) : null}
    </span>
  );
}
