import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Trend } from '~/insights/types';

import { cycles, everythingReadable, figure, rowsOf } from './test-factories';
import { TrendChart } from './trend-chart';

afterEach(cleanup);

const threeCycles = cycles(3);
const trend: Trend = {
  cycles: threeCycles,
  series: [
    {
      key: 'overall',
      label: 'Overall',
      points: [figure(3.612, 52), figure(3.705, 55), figure(3.918, 57)],
    },
    {
      key: 'kitchen',
      label: 'Kitchen',
      // Only four cooks answered in cycle 2.
      points: [figure(3.14, 8), figure(2.27, 4), figure(3.65, 9)],
    },
  ],
  markers: [{ cycleId: 'cycle-2', label: 'New dishwasher' }],
};

describe('TrendChart', () => {
  it('draws a line per series with a point per shown cycle and tables each value with its n', () => {
    const { container } = render(<TrendChart trend={trend} />);
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(container.querySelectorAll('.recharts-line-dot')).toHaveLength(5);
    expect(
      [...container.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick-value')].map(
        (tick) => tick.textContent,
      ),
    ).toEqual(['#1', '#2', '#3']);
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Cycle', 'Opened', 'Overall', 'Overall n', 'Kitchen', 'Kitchen n', 'Actions completed'],
      ['1', '2025-01-06', '3.61', '52', '3.14', '8', ''],
      ['2', '2025-02-06', '3.71', '55', 'withheld', '', 'New dishwasher'],
      ['3', '2025-03-06', '3.92', '57', '3.65', '9', ''],
    ]);
  });

  it('marks the cycle where an action was completed', () => {
    const { container } = render(<TrendChart trend={trend} />);
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(1);
    expect(container.querySelector('.recharts-reference-line')?.textContent).toBe('New dishwasher');
    expect(
      screen.getByText('A dashed line marks the cycle where an action was completed.'),
    ).toBeTruthy();
  });

  it('draws one line for several actions completed in the same cycle, naming them all in the table', () => {
    const { container } = render(
      <TrendChart
        trend={{
          ...trend,
          markers: [
            { cycleId: 'cycle-2', label: 'Action done: New dishwasher' },
            { cycleId: 'cycle-2', label: 'Action done: Rota' },
            { cycleId: 'cycle-3', label: 'Action done: Breaks' },
          ],
        }}
      />,
    );
    const lines = container.querySelectorAll('.recharts-reference-line');
    expect(lines).toHaveLength(2);
    // The drawn label is shortened; the table carries every title in full.
    expect(lines[0]?.textContent).toBe('Action done: New dishwasher…');
    expect(rowsOf(screen.getByRole('table')).map((row) => row.at(-1))).toEqual([
      'Actions completed',
      '',
      'Action done: New dishwasher; Action done: Rota',
      'Action done: Breaks',
    ]);
  });

  it('leaves a gap for the withheld cycle and shows no number of it, tooltip included', () => {
    const { container } = render(<TrendChart trend={trend} />);
    const kitchenPath = container.querySelectorAll('.recharts-line-curve')[1];
    // Two points with a gap between them: two separate "move to" commands, no line across.
    expect(kitchenPath?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(
      screen.getByText(/Not enough responses to protect anonymity \(Kitchen\)\./),
    ).toBeTruthy();

    fireEvent.mouseMove(container.querySelector('.recharts-wrapper')!, {
      clientX: 330,
      clientY: 150,
    });
    const tooltip = container.querySelector('.chart-tooltip');
    expect(tooltip?.textContent).toBe(
      'Cycle 2 · opened 2025-02-06Overall: 3.71 (n = 55)Kitchen: withheld',
    );
    const readable = everythingReadable(container);
    expect(readable).not.toContain('2.27');
    expect(readable).not.toMatch(/n = 4\b/);
  });

  it('says "No answers yet" when no cycle has answers', () => {
    render(
      <TrendChart
        trend={{
          cycles: threeCycles,
          series: [
            { key: 'overall', label: 'Overall', points: threeCycles.map(() => figure(0, 0)) },
          ],
          markers: [],
        }}
      />,
    );
    expect(screen.getByText('No answers yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says "No answers yet" before the first cycle', () => {
    render(<TrendChart trend={{ cycles: [], series: [], markers: [] }} />);
    expect(screen.getByText('No answers yet')).toBeTruthy();
  });

  it('reads eNPS on its own scale, rounded to one decimal', () => {
    render(
      <TrendChart
        measure="enps"
        trend={{
          cycles: threeCycles.slice(0, 2),
          series: [{ key: 'enps', label: 'eNPS', points: [figure(12.345, 40), figure(-8.06, 41)] }],
          markers: [],
        }}
      />,
    );
    expect(rowsOf(screen.getByRole('table')).slice(1)).toEqual([
      ['1', '2025-01-06', '12.3', '40'],
      ['2', '2025-02-06', '-8.1', '41'],
    ]);
  });

  it('leaves a department withheld in every cycle out of the legend, and names it below', () => {
    const withheld: Trend = {
      ...trend,
      series: [
        ...trend.series,
        { key: 'bakery', label: 'Bakery', points: [figure(4, 2), figure(4, 3), figure(4, 1)] },
      ],
    };
    const { container } = render(<TrendChart trend={withheld} />);
    const legend = [...container.querySelectorAll('.recharts-legend-item-text')].map(
      (item) => item.textContent,
    );
    expect(legend).toEqual(['Overall', 'Kitchen']);
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(container.querySelector('.withheld-note')?.textContent).toContain('Bakery');
  });

  it('sets the labels of actions completed in neighbouring cycles on different rows', () => {
    const { container } = render(
      <TrendChart
        trend={{
          ...trend,
          markers: [
            { cycleId: 'cycle-1', label: 'New dishwasher' },
            { cycleId: 'cycle-2', label: 'Rota published' },
            { cycleId: 'cycle-3', label: 'Break room' },
          ],
        }}
      />,
    );
    const rows = [...container.querySelectorAll('.recharts-reference-line text')].map((label) =>
      label.getAttribute('y'),
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows).size).toBe(3);
  });

  it('makes the series under the pointer stand out, from its line or its legend entry', () => {
    const { container } = render(<TrendChart trend={trend} />);
    const lineOf = (index: number) =>
      container.querySelectorAll('.recharts-line path.recharts-curve')[index];
    const entry = [...container.querySelectorAll('.recharts-legend-item')].find(
      (item) => item.textContent === 'Kitchen',
    );
    if (!entry) throw new Error('no legend entry for Kitchen');
    fireEvent.mouseEnter(entry);
    expect(lineOf(1)?.getAttribute('stroke-width')).toBe('4');
    expect(lineOf(0)?.getAttribute('stroke-opacity')).toBe('0.25');
    fireEvent.mouseLeave(entry);
    expect(lineOf(1)?.getAttribute('stroke-width')).toBe('2');
    expect(lineOf(0)?.getAttribute('stroke-opacity')).toBe('1');
  });
});
