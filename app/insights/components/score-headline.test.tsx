import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Figure } from '~/insights/types';

import { ScoreHeadline } from './score-headline';
import { everythingReadable } from './test-factories';

afterEach(cleanup);

const score: Figure = {
  state: 'shown',
  value: 3.8743,
  n: 143,
  change: { delta: 0.2049, low: 0.051, high: 0.3587, significant: true },
};
const enps: Figure = {
  state: 'shown',
  value: 21.26,
  n: 140,
  change: { delta: -4.04, low: -12.96, high: 4.88, significant: false },
};
const latest = { id: 'cycle-7', number: 7, opensOn: '2025-07-07' };

const figureOf = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling;

describe('ScoreHeadline', () => {
  it('shows the score and eNPS with their n and the change since the previous cycle', () => {
    render(<ScoreHeadline score={score} enps={enps} latest={latest} />);
    expect(screen.getByText('Cycle 7, opened 2025-07-07')).toBeTruthy();
    expect(figureOf('Score')?.textContent).toBe(
      '3.87 out of 5n = 143↑Up 0.2 since the previous cycle (95% interval 0.05 to 0.36)significant',
    );
    expect(figureOf('eNPS')?.textContent).toBe(
      '21.3n = 140↓Down 4 since the previous cycle (95% interval -13 to 4.9)',
    );
  });

  it('calls a change significant only when its interval excludes zero', () => {
    render(<ScoreHeadline score={score} enps={enps} />);
    expect(screen.getAllByText('significant')).toHaveLength(1);
    expect(figureOf('Score')?.querySelector('.badge-significant')).not.toBeNull();
    expect(figureOf('eNPS')?.querySelector('.badge-significant')).toBeNull();
    expect(figureOf('eNPS')?.querySelector('[title]')?.getAttribute('title')).toBe(
      '95% interval -13 to 4.9',
    );
  });

  it('says so when nothing changed and leaves out eNPS when the survey asks none', () => {
    render(
      <ScoreHeadline
        score={{
          state: 'shown',
          value: 4,
          n: 60,
          change: { delta: 0.001, low: -0.2, high: 0.2, significant: false },
        }}
        enps={null}
      />,
    );
    expect(figureOf('Score')?.textContent).toBe(
      '4 out of 5n = 60No change since the previous cycle (95% interval -0.2 to 0.2)',
    );
    expect(screen.queryByText('eNPS')).toBeNull();
  });

  it('shows a withheld score as withheld, with the anonymity note and no number', () => {
    const { container } = render(
      <ScoreHeadline score={{ state: 'withheld' }} enps={{ state: 'withheld' }} latest={latest} />,
    );
    expect(figureOf('Score')?.textContent).toBe('withheld');
    expect(figureOf('eNPS')?.textContent).toBe('withheld');
    expect(screen.getByText('Not enough responses to protect anonymity.')).toBeTruthy();
    expect(everythingReadable(container).replace('Cycle 7, opened 2025-07-07', '')).not.toMatch(
      /\d/,
    );
  });

  it('says "No answers yet" before anyone has answered', () => {
    render(<ScoreHeadline score={{ state: 'empty' }} enps={{ state: 'empty' }} />);
    expect(screen.getAllByText('No answers yet')).toHaveLength(2);
    expect(screen.queryByText(/anonymity/)).toBeNull();
  });
});
