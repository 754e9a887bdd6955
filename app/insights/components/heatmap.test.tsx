import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { ChartCard } from './chart-card';
import { Heatmap } from './heatmap';
import { everythingReadable, figure, kitchenMatrix, rowsOf } from './test-factories';

afterEach(cleanup);

const matrix = kitchenMatrix;

describe('Heatmap', () => {
  it('prints every value with its n, rows and columns named, totals last', () => {
    render(<Heatmap heatmap={matrix} rowHeading="Answering department" />);
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Answering department', 'IT', 'Facilities', 'Overall'],
      ['Kitchen', '4.62 n = 11', 'withheld', '4.04 n = 14'],
      ['Service floor', '3.18 n = 27', 'no answers', '3.18 n = 27'],
      ['Overall', '3.6 n = 38', 'withheld', ''],
    ]);
    expect(screen.getByRole('columnheader', { name: 'Facilities' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Service floor' })).toBeTruthy();
  });

  it('colours a cell on a scale diverging from the neutral 3, with the scale explained', () => {
    render(<Heatmap heatmap={matrix} />);
    const cellOf = (text: string) => screen.getAllByText(text)[0].closest('td');
    expect(cellOf('4.62')?.className).toBe('heat-cell heat-7');
    expect(cellOf('3.18')?.className).toBe('heat-cell heat-5');
    expect(cellOf('4.04')?.className).toBe('heat-cell heatmap-total heat-7');
    expect(
      within(screen.getByRole('list', { name: 'Colour scale' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1–2', '2–2.5', '2.5–2.85', '2.85–3.15 (neutral)', '3.15–3.5', '3.5–4', '4–5']);
  });

  it('sets a neutral 3.0 clearly apart from a good 4.1, and a poor 2.4 from both', () => {
    const one = (value: number) => ({
      rows: [{ id: 'kitchen', name: 'Kitchen' }],
      columns: [{ id: 'it', name: 'IT' }],
      cells: [[figure(value, 12)]],
      rowTotals: [null],
      columnTotals: [null],
    });
    const stepOf = (value: number) => {
      const { container, unmount } = render(<Heatmap heatmap={one(value)} />);
      const step = /heat-(\d)/.exec(container.querySelector('td.heat-cell')?.className ?? '')?.[1];
      unmount();
      return Number(step);
    };
    expect(stepOf(3.0)).toBe(4);
    expect(stepOf(4.1)).toBe(7);
    expect(stepOf(2.4)).toBe(2);
    expect(stepOf(1.2)).toBe(1);
  });

  it('offers no "Raise an action" on a withheld or empty cell', () => {
    const Stub = createRemixStub([
      {
        path: '/',
        Component: () => (
          <Heatmap
            heatmap={matrix}
            cellAction={(row, column) => ({
              href: `/actions/new?department=${row.id}&provider=${column.id}`,
              subject: `${row.name} rating ${column.name}`,
            })}
          />
        ),
      },
    ]);
    render(<Stub />);
    const subjects = screen
      .getAllByRole('link', { name: /^Raise an action/ })
      .map((link) => link.textContent);
    expect(subjects).toEqual([
      'Raise an action on Kitchen rating IT',
      'Raise an action on Service floor rating IT',
    ]);
  });

  it('labels withheld cells and shows no number of them anywhere', () => {
    const { container } = render(<Heatmap heatmap={matrix} />);
    const withheld = screen.getAllByText('withheld').map((cell) => cell.closest('td'));
    expect(withheld).toHaveLength(2);
    for (const cell of withheld) {
      expect(cell?.className).toContain('heat-withheld');
      expect(cell?.getAttribute('title')).toBe('Not enough responses to protect anonymity');
    }
    expect(screen.getByText('Not enough responses to protect anonymity.')).toBeTruthy();
    const readable = everythingReadable(container);
    expect(readable).not.toContain('1.43');
    expect(readable).not.toMatch(/n = 3\b/);
  });

  it('marks cells and totals outside the viewer’s scope without a number, and says why', () => {
    // A leader of IT: the service floor's rating of Facilities and the rows' totals (over every
    // service of the organisation) are not theirs to see.
    const { container } = render(
      <Heatmap
        heatmap={{
          ...matrix,
          cells: [matrix.cells[0] ?? [], [figure(3.18, 27), null]],
          rowTotals: [null, null],
        }}
        rowHeading="Answering department"
      />,
    );
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Answering department', 'IT', 'Facilities', 'Overall'],
      ['Kitchen', '4.62 n = 11', 'withheld', 'outside your scope'],
      ['Service floor', '3.18 n = 27', 'outside your scope', 'outside your scope'],
      ['Overall', '3.6 n = 38', 'withheld', ''],
    ]);
    expect(screen.getByText(/Totals are over the whole organisation/)).toBeTruthy();
    expect(everythingReadable(container)).not.toContain('4.04');
  });

  it('links each cell to its trend and marks the chosen one', async () => {
    const Stub = createRemixStub([
      {
        path: '/insights/matrix',
        Component: () => (
          <ChartCard title="Internal-customer matrix" tableOnly>
            <Heatmap
              heatmap={matrix}
              cellHref={(row, column) => `/insights/matrix?row=${row}&column=${column}`}
              selected={{ rowId: 'service', columnId: 'it' }}
            />
          </ChartCard>
        ),
      },
    ]);
    render(<Stub initialEntries={['/insights/matrix']} />);
    const table = await screen.findByRole('table', { name: 'Internal-customer matrix' });
    expect(screen.queryByRole('button', { name: 'Chart' })).toBeNull();
    const links = within(table).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['4.62 n = 11', '/insights/matrix?row=kitchen&column=it'],
      ['withheld', '/insights/matrix?row=kitchen&column=facilities'],
      ['3.18 n = 27', '/insights/matrix?row=service&column=it'],
      ['no answers', '/insights/matrix?row=service&column=facilities'],
    ]);
    expect(links.map((link) => link.getAttribute('aria-current'))).toEqual([
      null,
      null,
      'true',
      null,
    ]);
  });

  it('says "No answers yet" when no department has rated another', () => {
    render(
      <Heatmap
        heatmap={{
          rows: [{ id: 'kitchen', name: 'Kitchen' }],
          columns: [{ id: 'it', name: 'IT' }],
          cells: [[figure(0, 0)]],
          rowTotals: [figure(0, 0)],
          columnTotals: [figure(0, 0)],
        }}
      />,
    );
    expect(screen.getByText('No answers yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reads internal NPS on the eNPS scale', () => {
    render(
      <Heatmap
        measure="enps"
        heatmap={{
          rows: [{ id: 'kitchen', name: 'Kitchen' }],
          columns: [{ id: 'it', name: 'IT' }],
          cells: [[figure(-35.71, 14)]],
          rowTotals: [figure(-35.71, 14)],
          columnTotals: [figure(-35.71, 14)],
        }}
      />,
    );
    expect(screen.getAllByText('-35.7')[0].closest('td')?.className).toBe('heat-cell heat-2');
  });
});
