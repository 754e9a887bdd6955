import { useTranslation } from 'react-i18next';

import type { ActionStatus } from '../../../models/vocabulary';

/** An action's status in words, with an overdue flag in words too (never colour alone). */
export function ActionStatusBadge({ status, overdue }: { status: ActionStatus; overdue: boolean }) {
  const { t } = useTranslation('actions');
  return (
    <span className="action-status-line">
      <span className={`action-status action-status-${status}`}>{t(`status.${status}`)}</span>
      {overdue ? <span className="action-overdue">{t('overdue')}</span> : null}
    </span>
  );
}
