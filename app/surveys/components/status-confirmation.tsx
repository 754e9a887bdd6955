import { Form, Link } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';

import type { StatusConfirmation } from '~/surveys/status-confirmation.server';

/**
 * The step between pressing Start or End and the survey changing: what it will do, said in
 * numbers, and a second button that really does it. A plain form, so it works without JavaScript.
 */
export function StatusConfirmationPanel({
  confirm,
  action,
  cancel,
  busy,
}: {
  confirm: StatusConfirmation;
  action: string;
  cancel: string;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation('surveys');
  const number = (count: number) => count.toLocaleString(i18n.language);
  const starting = confirm.change === 'activate';
  const people =
    confirm.change === 'activate'
      ? t('confirm.people', { count: confirm.invited, formatted: number(confirm.invited) })
      : '';
  return (
    <section className="form-notice confirmation" aria-labelledby="status-confirmation-title">
      <h2 id="status-confirmation-title">
        {starting ? t('confirm.startTitle') : t('confirm.endTitle')}
      </h2>
      {confirm.change === 'activate' ? (
        <>
          <p>
            <Trans
              t={t}
              i18nKey="confirm.starting"
              values={{
                invited: people,
                startDate: confirm.startDate,
                hour: String(confirm.openHour).padStart(2, '0'),
                timeZone: confirm.timeZone,
              }}
              components={{ strong: <strong /> }}
            />
          </p>
          {confirm.invited === 0 ? <p className="field-error">{t('confirm.nobody')}</p> : null}
          {confirm.rated && confirm.rated.length < 2 ? (
            <p className="field-error">
              {confirm.rated.length === 0
                ? t('confirm.ratesNone')
                : t('confirm.ratesOne', { department: confirm.rated[0] })}{' '}
              {t('confirm.ratesHint')}
            </p>
          ) : null}
        </>
      ) : (
        <p>
          {confirm.closing > 0
            ? t('confirm.ending', { count: confirm.closing, formatted: number(confirm.closing) })
            : t('confirm.endingNone')}{' '}
          <strong>{t('confirm.cannotUndo')}</strong> {t('confirm.resultsStay')}
        </p>
      )}
      <Form method="post" action={action} className="lifecycle">
        <input type="hidden" name="confirmed" value="yes" />
        <button
          type="submit"
          name="intent"
          value={confirm.change}
          className="button"
          disabled={busy}
        >
          {confirm.change === 'activate'
            ? t('confirm.startButton', { invited: people })
            : t('confirm.endButton')}
        </button>
        <Link to={cancel} className="button button-quiet">
          {t('confirm.cancel')}
        </Link>
      </Form>
    </section>
  );
}
