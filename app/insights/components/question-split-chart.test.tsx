import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { QuestionSplit } from '~/insights/types';

import { QuestionSplitChart } from './question-split-chart';
import { everythingReadable, rowsOf, split } from './test-factories';

afterEach(cleanup);

const questions: QuestionSplit[] = [
  {
    questionId: 'tools',
    text: 'I have the tools I need to do my job well.',
    driver: 'Tools',
    split: split(62.22, 20, 45),
  },
  {
    questionId: 'recognition',
    text: 'I am recognised for good work.',
    driver: 'Recognition',
    split: split(41.3, 32.61, 46),
  },
  {
    // A rotating question only three people were asked this cycle.
    questionId: 'growth',
    text: 'I see a way to grow here.',
    driver: 'Growth',
    split: split(33.33, 33.33, 3),
  },
];

describe('QuestionSplitChart', () => {
  it('stacks favourable, neutral and unfavourable per shown question and tables them with n', () => {
    const { container } = render(<QuestionSplitChart questions={questions} />);
    // Three segments for each of the two shown questions.
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(6);
    expect(
      [...container.querySelectorAll('.recharts-yAxis .recharts-cartesian-axis-tick-value')].map(
        (tick) => tick.textContent,
      ),
    ).toEqual(['I have the tools I need to do my…', 'I am recognised for good work.']);
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['Question', 'Driver', 'Favourable %', 'Neutral %', 'Unfavourable %', 'n'],
      ['I have the tools I need to do my job well.', 'Tools', '62.2', '20', '17.8', '45'],
      ['I am recognised for good work.', 'Recognition', '41.3', '32.6', '26.1', '46'],
      ['I see a way to grow here.', 'Growth', 'withheld', 'withheld', 'withheld', ''],
    ]);
    expect(
      [...container.querySelectorAll('.recharts-label-list text')].map(
        (label) => label.textContent,
      ),
    ).toEqual(['62.2%', '41.3%', '20%', '32.6%', '17.8%', '26.1%']);
  });

  it('gives the withheld question no bar and no number, and says why', () => {
    const { container } = render(<QuestionSplitChart questions={questions} />);
    expect(screen.getByText(/Not enough responses to protect anonymity\./)).toBeTruthy();
    const readable = everythingReadable(container);
    expect(readable).not.toContain('33.3');
    expect(readable).not.toMatch(/n = 3\b/);
  });

  it('says "No answers yet" when no question has answers', () => {
    render(<QuestionSplitChart questions={[{ ...questions[0], split: split(0, 0, 0) }]} />);
    expect(screen.getByText('No answers yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('names a question nobody has answered yet beside the others', () => {
    render(
      <QuestionSplitChart questions={[questions[0], { ...questions[1], split: split(0, 0, 0) }]} />,
    );
    expect(screen.getByText('No answers yet: I am recognised for good work.')).toBeTruthy();
  });
});
