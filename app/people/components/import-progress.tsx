import { Form, Link } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';
import type { ImportView } from '~/people/roster-import.server';

/** An import being applied: how far it got. The page refreshes the numbers while it runs. */
export function ImportProgress({
  progress,
  stalled,
  submitting,
}: {
  progress: { done: number; total: number };
  stalled: boolean;
  submitting: boolean;
}) {
  const { t, i18n } = useTranslation('people');
  return (
    <div className="import-progress">
      <p aria-live="polite">
        {progress.total === 0
          ? t('import.progressReady')
          : t('import.progress', {
              done: progress.done.toLocaleString(i18n.language),
              total: progress.total.toLocaleString(i18n.language),
            })}
      </p>
      <progress
        value={progress.done}
        max={Math.max(progress.total, 1)}
        aria-label={t('import.progressLabel')}
      />
      {stalled ? (
        <Form method="post" className="form-alert">
          <p>{t('import.stalled')}</p>
          <input type="hidden" name="intent" value="undo" />
          <button type="submit" className="button" disabled={submitting}>
            {t('import.undo')}
          </button>
        </Form>
      ) : null}
      <noscript>
        <p>
          <Trans t={t} i18nKey="import.reload" components={{ reload: <Link to="." /> }} />
        </p>
      </noscript>
    </div>
  );
}

/** How an import ended: what it did, or why it was undone. */
export function ImportResult({
  status,
  summary,
  error,
}: {
  status: ImportView['status'];
  summary: ImportView['summary'];
  error: string | null;
}) {
  const { t, i18n } = useTranslation('people');
  const say = useMessage();
  if (status === 'done') {
    const number = (value: number) => value.toLocaleString(i18n.language);
    const counts = {
      created: number(summary.created),
      updated: number(summary.updated),
      unchanged: number(summary.unchanged),
      skipped: number(summary.skipped),
    };
    return (
      <div className="form-notice" role="status">
        <p>
          <strong>{t('import.doneTitle')}</strong>{' '}
          {summary.departmentsCreated > 0
            ? t('import.doneWithDepartments', {
                ...counts,
                count: summary.departmentsCreated,
                departments: number(summary.departmentsCreated),
              })
            : t('import.done', counts)}
        </p>
        <p>
          <Link to="/people">{t('import.seeRoster')}</Link> ·{' '}
          <Link to="/people/import">{t('import.importAnother')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="form-alert" role="alert">
      <p>{say(error) ?? t('import.errors.gone')}</p>
      <p>
        <Link to="/people/import">{t('import.uploadFile')}</Link>
      </p>
    </div>
  );
}
