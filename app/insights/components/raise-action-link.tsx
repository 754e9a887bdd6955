import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';
import type { RaiseLink } from '~/insights/action-links';

import { useChartCard } from './chart-card';
import type { DataTableProps } from './data-table';

/**
 * "Raise an action" on one figure. The name says which figure ("Raise an action on Kitchen"), so
 * a list of these reads well out of context; the address carries ids only, never the figure.
 */
export function RaiseActionLink({ link }: { link: RaiseLink }) {
  const { t } = useTranslation('insights');
  const say = useMessage();
  return (
    <Link className="raise-action" to={link.href}>
      {t('raise.link')}{' '}
      <span className="visually-hidden">{t('raise.on', { subject: say(link.subject) })}</span>
    </Link>
  );
}

/** A table's row controls, one link (or none) per row; undefined when no row has one. */
export function rowActionsOf(
  links: readonly (RaiseLink | null)[],
): DataTableProps['renderRowAction'] {
  if (!links.some((link) => link !== null)) return undefined;
  return (_, index) => {
    const link = links[index];
    return link ? <RaiseActionLink link={link} /> : null;
  };
}

/**
 * Drawn bars have no room for a control, so the chart view says where the controls are: in the
 * table, which a keyboard user also reaches without switching (insights.css shows it on focus).
 */
export function RaiseFromTableNote({ show }: { show: boolean }) {
  const { t } = useTranslation('insights');
  const view = useChartCard()?.view ?? 'chart';
  if (!show || view !== 'chart') return null;
  return <p className="chart-note">{t('raise.fromTable')}</p>;
}
