import { useTranslation } from 'react-i18next';

import type { Board, BoardAction } from '~/board/board.server';
import { BoardCharters } from '~/charters/components/board-charters';
import { BoardIdeasSection } from '~/ideas/components/board-ideas';
import { BoardThanks } from '~/thanks/components/board-thanks';

import { ActionCard } from './action-card';

/**
 * The "You said, we did" board: a department's actions first when it is a department's board,
 * then the company's. Department names are shown as written (they are names, not sentences).
 */
export function BoardView({ board }: { board: Board }) {
  const { t } = useTranslation('board');
  const nothing = board.departmentActions.length === 0 && board.companyActions.length === 0;
  return (
    <section className="board" aria-labelledby="board-title">
      <h1 id="board-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {nothing ? (
        <p className="board-empty">{t('empty')}</p>
      ) : (
        <>
          {board.department ? (
            <BoardSection
              id="board-department"
              title={t('departmentTitle', { department: board.department.name })}
              actions={board.departmentActions}
            />
          ) : null}
          <BoardSection
            id="board-company"
            title={t('companyTitle')}
            actions={board.companyActions}
          />
        </>
      )}
      <BoardCharters charters={board.charters ?? []} company={!board.department} />
      {board.thanks ? <BoardThanks thanks={board.thanks} /> : null}
      {board.ideas ? <BoardIdeasSection ideas={board.ideas} /> : null}
    </section>
  );
}

function BoardSection({
  id,
  title,
  actions,
}: {
  id: string;
  title: string;
  actions: BoardAction[];
}) {
  const { t } = useTranslation('board');
  return (
    <section className="board-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {actions.length === 0 ? (
        <p className="board-empty">{t('sectionEmpty')}</p>
      ) : (
        <ol className="board-actions">
          {actions.map((action) => (
            <li key={action.id}>
              <ActionCard action={action} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
