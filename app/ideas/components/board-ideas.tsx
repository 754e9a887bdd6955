import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { formatDay } from '~/board/components/board-format';
import type { BoardIdeas } from '~/ideas/outcomes.server';

/**
 * The board's "What came of ideas" section: a link to send one, then the decisions leaders made
 * on released ideas. Only released ideas ever reach it (outcomes.server.ts).
 */
export function BoardIdeasSection({ ideas }: { ideas: BoardIdeas }) {
  const { t, i18n } = useTranslation('ideas');
  return (
    <section className="board-section board-ideas" aria-labelledby="board-ideas-title">
      <h2 id="board-ideas-title">{t('board.title')}</h2>
      <p>{t('board.intro')}</p>
      <p>
        <Link className="button" to={ideas.sendPath}>
          {t('board.send')}
        </Link>
      </p>
      {ideas.outcomes.length === 0 ? (
        <p className="board-empty">{t('board.empty')}</p>
      ) : (
        <ol className="board-actions">
          {ideas.outcomes.map((outcome) => (
            <li key={outcome.id}>
              <article
                className={`board-action status-${outcome.status === 'planned' ? 'in-progress' : outcome.status}`}
                aria-labelledby={`idea-${outcome.id}`}
              >
                <header className="board-action-header">
                  <h3 id={`idea-${outcome.id}`}>{t(`kind.${outcome.kind}`)}</h3>
                  <p className="board-status">
                    <span className="visually-hidden">{t('board.statusLabel')}: </span>
                    <span className="board-status-badge">{t(`status.${outcome.status}`)}</span>
                  </p>
                </header>
                <blockquote className="board-description">{outcome.text}</blockquote>
                {outcome.reason ? (
                  <p>
                    <strong>{t('board.reason')}</strong> {outcome.reason}
                  </p>
                ) : null}
                {outcome.action ? (
                  <p>
                    <strong>{t('board.action')}</strong> {outcome.action.title}
                  </p>
                ) : null}
                {outcome.on ? (
                  <p className="board-dates">
                    {t('board.decidedOn', { date: formatDay(outcome.on, i18n.language) })}
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
