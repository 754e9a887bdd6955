import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * The one page for every board key that leads nowhere, unknown or malformed alike, so trying
 * keys never tells which exist.
 */
export function BoardNotFound() {
  const { t } = useTranslation('board');
  return (
    <section className="status-page" aria-labelledby="status-title">
      <h1 id="status-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/board" className="button-link">
          {t('notFound.companyLink')}
        </Link>
      </p>
    </section>
  );
}
