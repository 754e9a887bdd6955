import { useTranslation } from 'react-i18next';

/**
 * The one page for every link that does not lead to an invite: unknown, malformed or tampered
 * alike, so the page never tells a guesser which links exist.
 */
export function LinkNotFound() {
  const { t } = useTranslation('status');
  return (
    <section className="status-page" aria-labelledby="status-title">
      <h1 id="status-title">{t('linkNotFound.title')}</h1>
      <p>{t('linkNotFound.body')}</p>
    </section>
  );
}
