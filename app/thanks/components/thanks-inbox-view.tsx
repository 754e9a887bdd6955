import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '~/components/ui/select-field';
import { driverName } from '~/utils/driver-name';

import type { InboxThanks, ThanksInbox } from '../inbox.server';
import { formatMonth } from '../thanks-month';

/** The staff page: thanks by receiving department and month, each publishable to its board. */
export function ThanksInboxView({ inbox }: { inbox: ThanksInbox }) {
  const { t, i18n } = useTranslation('thanks');
  return (
    <>
      <h1 id="page-title">{t('staff.title')}</h1>
      <p>{t('staff.intro')}</p>
      <p className="muted">{t('staff.batchNote', { threshold: inbox.threshold })}</p>
      {inbox.departments.length > 1 ? (
        <Form method="get" className="thanks-filters">
          <SelectField
            label={t('staff.department')}
            name="department"
            defaultValue={inbox.department ?? ''}
            options={[
              { value: '', label: t('staff.allDepartments') },
              ...inbox.departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <button type="submit" className="button">
            {t('staff.show')}
          </button>
        </Form>
      ) : null}
      {inbox.received.length === 0 ? <p className="muted">{t('staff.empty')}</p> : null}
      {inbox.received.map((department) => (
        <section key={department.id} aria-labelledby={`thanks-${department.id}`}>
          <h2 id={`thanks-${department.id}`}>{department.name}</h2>
          {department.periods.map((period) => (
            <div key={period.month} className="thanks-period">
              <h3>{formatMonth(period.month, i18n.language)}</h3>
              <ul className="thanks-list">
                {period.thanks.map((thanks) => (
                  <li key={thanks.id} className="thanks-card">
                    <InboxCard thanks={thanks} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function InboxCard({ thanks }: { thanks: InboxThanks }) {
  const { t } = useTranslation('thanks');
  const busy = useNavigation().state === 'submitting';
  const sender = thanks.sender;
  return (
    <>
      <blockquote>{thanks.message}</blockquote>
      {thanks.driver ? (
        <p className="muted">{t('staff.driver', { driver: driverName(t, thanks.driver) })}</p>
      ) : null}
      <p className="thanks-sender">
        {sender === null
          ? t('staff.anonymous')
          : sender.department
            ? t('staff.from', { name: sender.name, department: sender.department })
            : t('staff.fromName', { name: sender.name })}
      </p>
      <div className="thanks-card-footer">
        {thanks.published ? <span className="thanks-badge">{t('staff.onBoard')}</span> : <span />}
        <Form method="post" preventScrollReset>
          <input type="hidden" name="thanksId" value={thanks.id} />
          <button
            type="submit"
            name="intent"
            value={thanks.published ? 'unpublish' : 'publish'}
            className="button button-quiet"
            disabled={busy}
          >
            {thanks.published ? t('staff.unpublish') : t('staff.publish')}
          </button>
        </Form>
      </div>
    </>
  );
}
