import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** On an action raised from an idea, in place of a follow-up chart: the idea it answers. */
export function IdeaSourceLink({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation('ideas');
  return (
    <section aria-labelledby="idea-source-title" className="action-panel">
      <h2 id="idea-source-title">{t('actionSource.title')}</h2>
      <p>{t('actionSource.intro')}</p>
      <p>
        <Link to={`/ideas/${ideaId}`}>{t('actionSource.link')}</Link>
      </p>
    </section>
  );
}
