import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Board, BoardAction } from '~/board/board.server';

import { renderInLanguage } from '../../../tests/support/render-in-language';
import { BoardNotFound } from './board-not-found';
import { BoardView } from './board-view';

afterEach(cleanup);

function action(fields: Partial<BoardAction>): BoardAction {
  return {
    id: 'a1',
    title: 'New laptops',
    description: 'Replacing the oldest first.',
    writtenIn: 'en',
    heard: {
      metric: 'driver',
      driver: 'Tools',
      question: null,
      department: 'Kitchen',
      provider: null,
      label: null,
    },
    metric: 'driver',
    baseline: { value: 2.94, n: 12 },
    status: 'open',
    dueOn: '2026-06-30',
    completedOn: null,
    latestUpdate: null,
    ...fields,
  };
}

const board = (fields: Partial<Board>): Board => ({
  department: null,
  departmentActions: [],
  companyActions: [],
  ...fields,
});

describe('BoardView', () => {
  it('shows a card with what was heard, what is done, status and dates in the reader’s language', () => {
    renderInLanguage(
      <BoardView
        board={board({
          department: { name: 'Kitchen' },
          departmentActions: [
            action({
              status: 'done',
              completedOn: '2026-03-02',
              latestUpdate: { note: 'All delivered.', on: '2026-02-27', byName: 'Ana Lima' },
            }),
          ],
          companyActions: [
            action({ id: 'a2', title: 'eNPS', metric: 'enps', baseline: { value: 12, n: 40 } }),
          ],
        })}
      />,
      'nb',
    );
    const kitchen = screen.getByRole('region', { name: 'Avdeling: Kitchen' });
    const card = within(kitchen).getByRole('article', { name: 'New laptops' });
    expect(within(card).getByRole('heading', { name: 'New laptops' }).getAttribute('lang')).toBe(
      'en',
    );
    expect(card.textContent).toContain('Fullført');
    expect(card.textContent).toContain('Resultat da: 2,9 (svar: 12)');
    expect(card.textContent).toContain('Fullført: 2. mars 2026');
    expect(card.textContent).toContain('Siste oppdatering (27. februar 2026)');
    expect(card.textContent).toContain('All delivered.');
    expect(card.textContent).toContain('Ana Lima');
    const company = screen.getByRole('region', { name: 'I hele selskapet' });
    const enps = within(company).getByRole('article', { name: 'eNPS' });
    expect(enps.textContent).toContain('Resultat da: +12 (svar: 40)');
    expect(enps.textContent).toContain('Frist: 30. juni 2026');
    expect(enps.textContent).toContain('Planlagt');
  });

  it('says so when the score was withheld, with no number', () => {
    renderInLanguage(
      <BoardView board={board({ companyActions: [action({ baseline: null })] })} />,
      'pt',
    );
    const card = screen.getByRole('article', { name: 'New laptops' });
    expect(card.textContent).toContain('Respostas insuficientes para mostrar o resultado');
    expect(card.textContent).not.toMatch(/respostas: \d/);
  });

  it('has an empty state, and an empty department section beside a full company one', () => {
    renderInLanguage(<BoardView board={board({})} />, 'en');
    expect(screen.getByText(/Nothing has been published yet/)).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    cleanup();

    renderInLanguage(
      <BoardView board={board({ department: { name: 'IT' }, companyActions: [action({})] })} />,
      'en',
    );
    const it = screen.getByRole('region', { name: 'Department: IT' });
    expect(it.textContent).toContain('Nothing has been published here yet.');
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });
});

describe('what was heard', () => {
  const heard = (fields: Partial<BoardAction['heard']>): BoardAction['heard'] => ({
    metric: 'driver',
    driver: null,
    question: null,
    department: null,
    provider: null,
    label: 'As staff saw it',
    ...fields,
  });
  const cardText = (name: string) => screen.getByRole('article', { name }).textContent ?? '';

  it('names drivers, scores, services and the whole company in the reader’s language', () => {
    renderInLanguage(
      <BoardView
        board={board({
          companyActions: [
            action({ id: 'a', title: 'A', heard: heard({ driver: 'Tools' }) }),
            action({
              id: 'b',
              title: 'B',
              heard: heard({ metric: 'score', department: 'Kuchnia' }),
            }),
            action({
              id: 'c',
              title: 'C',
              heard: heard({ metric: 'service', provider: 'IT', department: 'Kuchnia' }),
            }),
            action({ id: 'd', title: 'D', heard: heard({ driver: 'Canteen queues' }) }),
          ],
        })}
      />,
      'pl',
    );
    expect(cardText('A')).toContain('Narzędzia · Cała firma');
    expect(cardText('B')).toContain('Wynik ogólny · Kuchnia');
    expect(cardText('C')).toContain('IT w ocenie: Kuchnia');
    // A custom driver is a name HR typed.
    expect(cardText('D')).toContain('Canteen queues · Cała firma');
  });

  it('shows the question in its language, naming the rated department or saying "the department"', () => {
    renderInLanguage(
      <BoardView
        board={board({
          companyActions: [
            action({
              id: 'a',
              title: 'A',
              heard: heard({
                metric: 'question',
                question: { text: 'Jak szybko pomaga {department}?', language: 'pl' },
                provider: 'IT',
              }),
            }),
            action({
              id: 'b',
              title: 'B',
              heard: heard({
                metric: 'question',
                question: { text: '{department} helps quickly.', language: 'en' },
              }),
            }),
            action({ id: 'c', title: 'C', heard: heard({ metric: 'question' }) }),
          ],
        })}
      />,
      'pl',
    );
    expect(cardText('A')).toContain('Jak szybko pomaga IT? · Cała firma');
    const fallback = screen.getByText('The department helps quickly. · Cała firma');
    expect(fallback.getAttribute('lang')).toBe('en');
    // A question the survey no longer has: the words staff saw, marked as English.
    expect(screen.getByText('As staff saw it').getAttribute('lang')).toBe('en');
  });
});

describe('BoardNotFound', () => {
  it('says so in the reader’s language and leads to the company board', () => {
    renderInLanguage(<BoardNotFound />, 'uk');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Не вдалося знайти цю дошку' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Перейти до дошки компанії' }).getAttribute('href'),
    ).toBe('/board');
  });
});
