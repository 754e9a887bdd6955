import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Count, Participation } from '~/insights/types';

import { ParticipationChart } from './participation-chart';
import { cycles, everythingReadable, rowsOf, THRESHOLD } from './test-factories';

afterEach(cleanup);

/** What the loader returns for a department: its head counts only at or above the threshold. */
function cell(invited: number, answered: number) {
  const count = (value: number): Count =>
    answered > 0 && answered < THRESHOLD ? { state: 'withheld' } : { state: 'shown', value };
  return {
    invited,
    answered: count(answered),
    rate: count(Math.round((answered / invited) * 1000) / 10),
  };
}

const twoCycles = cycles(2);
const participation: Participation = {
  cycles: twoCycles,
  rows: [
    { department: { id: 'service', name: 'Service floor' }, cells: [cell(60, 48), cell(62, 41)] },
    // The three-person office: in cycle 2 only two of them answered.
    { department: { id: 'office', name: 'Office' }, cells: [cell(9, 7), cell(9, 2)] },
  ],
  total: [cell(69, 55), cell(71, 43)],
};

describe('ParticipationChart', () => {
  it('draws the response rate per cycle and tables every department with invited and answered', () => {
    const { container } = render(<ParticipationChart participation={participation} />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    expect(
      [...container.querySelectorAll('.recharts-label-list text')].map(
        (label) => label.textContent,
      ),
    ).toEqual(['79.7%', '60.6%']);
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Department', 'Cycle', 'Opened', 'Invited', 'Answered', 'Response rate %'],
      ['Service floor', '1', '2025-01-06', '60', '48', '80'],
      ['Service floor', '2', '2025-02-06', '62', '41', '66.1'],
      ['Office', '1', '2025-01-06', '9', '7', '77.8'],
      ['Office', '2', '2025-02-06', '9', 'withheld', 'withheld'],
      ['All departments', '1', '2025-01-06', '69', '55', '79.7'],
      ['All departments', '2', '2025-02-06', '71', '43', '60.6'],
    ]);
  });

  it('withholds the office in cycle 2 with the anonymity note and no number of it', () => {
    const { container } = render(<ParticipationChart participation={participation} />);
    expect(screen.getByText(/Not enough responses to protect anonymity \(Office\)\./)).toBeTruthy();
    const readable = everythingReadable(container);
    expect(readable).not.toContain('22.2');
    expect(readable).not.toMatch(/\b2 of 9\b/);
  });

  it('draws nothing for a cycle whose total is withheld', () => {
    const { container } = render(
      <ParticipationChart
        participation={{
          cycles: twoCycles,
          rows: [],
          total: [cell(20, 12), cell(20, 3)],
        }}
      />,
    );
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(1);
    expect(rowsOf(screen.getByRole('table')).slice(1)).toEqual([
      ['All departments', '1', '2025-01-06', '20', '12', '60'],
      ['All departments', '2', '2025-02-06', '20', 'withheld', 'withheld'],
    ]);
    expect(everythingReadable(container)).not.toContain('15');
  });

  it('says "No answers yet" before the first cycle', () => {
    render(<ParticipationChart participation={{ cycles: [], rows: [], total: [] }} />);
    expect(screen.getByText('No answers yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
