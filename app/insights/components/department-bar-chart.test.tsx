import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';

import type { DepartmentBar } from '~/insights/types';

import { ChartCard } from './chart-card';
import { DepartmentBarChart } from './department-bar-chart';
import { everythingReadable, figure, rowsOf } from './test-factories';

afterEach(cleanup);

const bars: DepartmentBar[] = [
  { department: { id: 'it', name: 'IT' }, figure: figure(4.126, 23) },
  { department: { id: 'service', name: 'Service floor' }, figure: figure(3.417, 48) },
  // Three people answered in the kitchen: below the threshold of five.
  { department: { id: 'kitchen', name: 'Kitchen' }, figure: figure(2.71, 3) },
  { department: { id: 'finance', name: 'Finance' }, figure: figure(0, 0) },
];

describe('DepartmentBarChart', () => {
  it('draws a bar per shown department and tables every score with its n', () => {
    const { container } = render(<DepartmentBarChart bars={bars} />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    expect(
      [...container.querySelectorAll('.recharts-label-list text')].map(
        (label) => label.textContent,
      ),
    ).toEqual(['4.13 · n = 23', '3.42 · n = 48']);
    expect(
      [...container.querySelectorAll('.recharts-yAxis .recharts-cartesian-axis-tick-value')].map(
        (tick) => tick.textContent,
      ),
    ).toEqual(['IT', 'Service floor']);
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Department', 'Score', 'n'],
      ['IT', '4.13', '23'],
      ['Service floor', '3.42', '48'],
      ['Kitchen', 'withheld', ''],
      ['Finance', 'no answers', ''],
    ]);
  });

  it('withholds the kitchen everywhere: no bar, the anonymity note, no number of it', () => {
    const { container } = render(<DepartmentBarChart bars={bars} />);
    expect(
      screen.getByText(/Not enough responses to protect anonymity \(Kitchen\)\./),
    ).toBeTruthy();
    expect(screen.getByText('No answers yet: Finance.')).toBeTruthy();
    const readable = everythingReadable(container);
    expect(readable).not.toContain('2.71');
    expect(readable).not.toMatch(/n = 3\b/);
    const kitchenRow = screen.getByRole('rowheader', { name: 'Kitchen' }).closest('tr');
    expect(kitchenRow?.textContent).toBe('Kitchenwithheld');
  });

  it('reads eNPS from its customers with the change and whether it is significant', () => {
    const { container } = render(
      <DepartmentBarChart
        measure="enps"
        groupHeading="Internal customer"
        bars={[
          {
            department: { id: 'kitchen', name: 'Kitchen' },
            figure: {
              state: 'shown',
              value: -12.5,
              n: 16,
              change: { delta: -20.04, low: -38.1, high: -1.96, significant: true },
            },
          },
          {
            department: { id: 'bar', name: 'Bar' },
            figure: {
              state: 'shown',
              value: 30,
              n: 10,
              change: { delta: 5, low: -9.5, high: 19.5, significant: false },
            },
          },
        ]}
      />,
    );
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Internal customer', 'eNPS', 'n', 'Change', '95% low', '95% high', 'Significant'],
      ['Kitchen', '-12.5', '16', '-20', '-38.1', '-2', 'yes'],
      ['Bar', '30', '10', '5', '-9.5', '19.5', 'no'],
    ]);
  });

  it('says "No answers yet" when no department has answered', () => {
    render(
      <DepartmentBarChart
        bars={[{ department: { id: 'it', name: 'IT' }, figure: figure(0, 0) }]}
      />,
    );
    expect(screen.getByText('No answers yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('draws nothing but keeps the table when every department is withheld', () => {
    const { container } = render(
      <DepartmentBarChart
        bars={[
          { department: { id: 'it', name: 'IT' }, figure: figure(3.91, 4) },
          { department: { id: 'hr', name: 'HR' }, figure: figure(1.87, 2) },
        ]}
      />,
    );
    expect(container.querySelector('.recharts-surface')).toBeNull();
    expect(screen.getByText('Nothing to draw: no group can be shown.')).toBeTruthy();
    expect(rowsOf(screen.getByRole('table')).slice(1)).toEqual([
      ['IT', 'withheld', ''],
      ['HR', 'withheld', ''],
    ]);
    const readable = everythingReadable(container);
    expect(readable).not.toContain('3.91');
    expect(readable).not.toContain('1.87');
  });

  it('switches between the chart and its table inside a card', () => {
    const { container } = render(
      <ChartCard title="Satisfaction by department" csvHref="/insights/departments.csv">
        <DepartmentBarChart bars={bars} />
      </ChartCard>,
    );
    const table = screen.getByRole('table', { name: 'Satisfaction by department' });
    const drawing = container.querySelector('.chart-drawing');
    expect(drawing?.hasAttribute('hidden')).toBe(false);
    expect(table.parentElement?.className).toBe('visually-hidden');

    fireEvent.click(screen.getByRole('button', { name: 'Table' }));
    expect(screen.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Chart' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(drawing?.hasAttribute('hidden')).toBe(true);
    expect(table.parentElement?.className).toBe('table-scroll');
  });

  it('sends the table from the server and leaves the drawing to the browser', () => {
    const html = renderToString(
      <ChartCard title="Satisfaction by department">
        <DepartmentBarChart bars={bars} />
      </ChartCard>,
    );
    expect(html).not.toContain('<svg');
    const page = document.createElement('div');
    page.innerHTML = html;
    expect(rowsOf(page.querySelector('table')!)[1]).toEqual(['IT', '4.13', '23']);
    expect(everythingReadable(page)).not.toContain('2.71');
  });
});
