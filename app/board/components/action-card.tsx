import { useTranslation } from 'react-i18next';

import type { BoardAction } from '~/board/board.server';

import { formatDay, formatScore } from './board-format';
import { heardWords } from './heard-words';

/** One published action: what was heard, what is being done, where it stands. */
export function ActionCard({ action }: { action: BoardAction }) {
  const { t, i18n } = useTranslation('board');
  const language = i18n.language;
  const heard = heardWords(action.heard, t);
  // Titles, descriptions and notes are shown as staff wrote them, marked with the language of
  // whoever raised the action for screen readers and translation tools (unknown for older ones).
  const staffLanguage = action.writtenIn ?? undefined;
  const titleId = `action-${action.id}`;
  return (
    <article className={`board-action status-${action.status}`} aria-labelledby={titleId}>
      <header className="board-action-header">
        <h3 id={titleId} lang={staffLanguage}>
          {action.title}
        </h3>
        <p className="board-status">
          <span className="visually-hidden">{t('statusLabel')}: </span>
          <span className="board-status-badge">{t(`status.${action.status}`)}</span>
        </p>
      </header>
      <dl className="board-action-facts">
        <div>
          <dt>{t('heard')}</dt>
          <dd>
            <span lang={heard.lang}>{heard.text}</span>
            {/* An idea has no figure to show, withheld or not. */}
            {action.metric === 'idea' ? null : (
              <>
                <br />
                <span className="board-baseline">
                  {action.baseline
                    ? t('baseline', {
                        value: formatScore(action.baseline.value, action.metric, language),
                        n: new Intl.NumberFormat(language).format(action.baseline.n),
                      })
                    : t('withheld')}
                </span>
              </>
            )}
          </dd>
        </div>
        {action.description ? (
          <div>
            <dt>{t('doing')}</dt>
            <dd lang={staffLanguage} className="board-description">
              {action.description}
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="board-dates">
        {action.completedOn
          ? t('completed', { date: formatDay(action.completedOn, language) })
          : t('due', { date: formatDay(action.dueOn, language) })}
      </p>
      {action.latestUpdate ? (
        <figure className="board-update">
          <figcaption>
            {t('latestUpdate', { date: formatDay(action.latestUpdate.on, language) })}
          </figcaption>
          <blockquote lang={staffLanguage}>{action.latestUpdate.note}</blockquote>
          <p className="board-update-author">— {action.latestUpdate.byName}</p>
        </figure>
      ) : null}
    </article>
  );
}
