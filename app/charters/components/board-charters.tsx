import { useTranslation } from 'react-i18next';

import type { BoardCharter } from '~/charters/board-charters.server';
import { formatValue } from '~/insights/tables';
import { driverName } from '~/utils/driver-name';

/**
 * The service charters on a board: what each department that serves this one promises, in the
 * reader's language where it was written (marked with its own language where it was not).
 */
export function BoardCharters({
  charters,
  company,
}: {
  charters: BoardCharter[];
  company: boolean;
}) {
  const { t } = useTranslation('charters');
  if (charters.length === 0) return null;
  return (
    <section className="board-section board-charters" aria-labelledby="board-charters">
      <h2 id="board-charters">{company ? t('board.companyTitle') : t('board.title')}</h2>
      {charters.map((charter) => (
        <article key={charter.id} className="board-charter">
          <h3>{charter.department}</h3>
          <ul>
            {charter.standards.map((standard) => (
              <li key={standard.key}>
                <span lang={standard.text.language}>{standard.text.text}</span>
                <br />
                <span className="muted">
                  {t('board.target', { target: formatValue(standard.scale, standard.target) })}
                  {' · '}
                  {standard.question ? (
                    <span lang={standard.question.language}>
                      {t('board.measure', { measure: standard.question.text })}
                    </span>
                  ) : (
                    t('board.measure', { measure: driverName(t, standard.driver ?? '') })
                  )}
                </span>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
