import { Link } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';

/** Shown on the public pages while the installation has no HR admin, so nobody is stuck there. */
export function SetupInvitation() {
  const { t } = useTranslation('people');
  return (
    <aside className="setup-invitation" aria-labelledby="setup-invitation-title">
      <h2 id="setup-invitation-title">{t('setupInvitation.title')}</h2>
      <p>
        <Trans t={t} i18nKey="setupInvitation.body" components={{ code: <code /> }} />
      </p>
      <p>
        <Link to="/setup" className="button">
          {t('setupInvitation.button')}
        </Link>
      </p>
    </aside>
  );
}
