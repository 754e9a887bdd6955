import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Explains why some groups have no bar, point or number. It may name the groups (their names are
 * not secret), never anything measured about them.
 */
export function WithheldNote({ groups, children }: { groups?: string[]; children?: ReactNode }) {
  const { t } = useTranslation('insights');
  return (
    <p className="withheld-note">
      <span className="withheld-swatch" aria-hidden="true" />
      <span>
        {groups && groups.length > 0
          ? t('notes.anonymityGroups', { groups: groups.join(', ') })
          : t('notes.anonymity')}
        {children ? <> {children}</> : null}
      </span>
    </p>
  );
}

export function NoAnswers() {
  const { t } = useTranslation('insights');
  return <p className="chart-empty">{t('notes.noAnswers')}</p>;
}

/** Groups that were asked but have not answered: no number to hide, nothing to draw. */
export function EmptyGroupsNote({ groups }: { groups: string[] }) {
  const { t } = useTranslation('insights');
  const list = groups.join(', ');
  // A question already ends its sentence.
  return (
    <p className="chart-note">
      {t('notes.noAnswersFrom', { groups: list })}
      {/[.?!…]$/.test(list) ? '' : '.'}
    </p>
  );
}

/** Stands in for a chart when every group is withheld or unanswered; the table says which. */
export function NothingToDraw() {
  const { t } = useTranslation('insights');
  return <p className="chart-empty">{t('notes.nothingToDraw')}</p>;
}

/**
 * Says which cycle is still open: its figures appear only once it has closed and settled, since
 * results that moved with every response would show a watcher what the latest one said.
 */
export function PendingCycleNote({ pending }: { pending: { number: number } | null }) {
  const { t } = useTranslation('insights');
  if (!pending) return null;
  return (
    <p className="chart-note pending-cycle" role="status">
      {t('notes.pendingCycle', { number: pending.number })}
    </p>
  );
}
