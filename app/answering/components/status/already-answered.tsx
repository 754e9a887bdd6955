import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** A used link opened again: the answers were counted; nothing more to do. */
export function AlreadyAnswered() {
  const { t } = useTranslation('status');
  return (
    <section className="status-page" aria-labelledby="status-title">
      <h1 id="status-title">{t('alreadyAnswered.title')}</h1>
      <p>{t('alreadyAnswered.body')}</p>
      <p>
        <Link to="/board" className="button-link">
          {t('alreadyAnswered.boardLink')}
        </Link>
      </p>
    </section>
  );
}
