import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

import { driverName } from '~/utils/driver-name';

import type { BoardThanks as BoardThanksData } from '../board-thanks.server';

/**
 * A department's board: the thanks it published, and the way to thank another department from
 * here. Names and messages are shown as their writers typed them.
 */
export function BoardThanks({ thanks }: { thanks: BoardThanksData }) {
  const { t } = useTranslation('thanks');
  return (
    <section className="board-section board-thanks" aria-labelledby="board-thanks">
      <h2 id="board-thanks">{t('board.title')}</h2>
      <p>{t('board.intro')}</p>
      {thanks.published.length === 0 ? (
        <p className="board-empty">{t('board.empty')}</p>
      ) : (
        <ul className="thanks-list">
          {thanks.published.map((item) => (
            <li key={item.id} className="thanks-card">
              <blockquote>{item.message}</blockquote>
              {item.driver ? (
                <p className="muted">{t('board.about', { driver: driverName(t, item.driver) })}</p>
              ) : null}
              <p className="thanks-sender">
                {item.sender === null
                  ? t('board.anonymous')
                  : item.sender.department
                    ? t('board.from', {
                        name: item.sender.name,
                        department: item.sender.department,
                      })
                    : t('board.fromName', { name: item.sender.name })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={thanks.sendPath} className="button">
          {t('board.send')}
        </Link>
      </p>
    </section>
  );
}
