import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { InsightComment } from '~/insights/comment-view';

import { CommentList } from './comment-list';

afterEach(cleanup);

const comments: InsightComment[] = [
  {
    ref: 'ref-one',
    text: 'Mer kaffe, takk.',
    questionText: 'Anything else?',
    cycleNumber: 4,
    departmentName: 'Kitchen',
    replies: [{ text: 'Ordered a new machine.', authorName: 'Lea Der', day: '2026-03-09' }],
  },
  {
    ref: 'ref-two',
    text: 'More light in the hall.',
    questionText: 'What should we stop doing?',
    cycleNumber: 5,
    departmentName: 'Service floor',
    replies: [],
  },
];

const kitchenComment: InsightComment = {
  ref: 'ref-one',
  text: 'Mer kaffe, takk.',
  questionText: 'Anything else?',
  cycleNumber: 4,
  departmentName: 'Kitchen',
  replies: [],
  source: {
    cycleId: 'cycle-4',
    questionId: 'q-text',
    departmentId: 'kitchen',
    providerDepartmentId: null,
  },
};

function renderList(props: Partial<Parameters<typeof CommentList>[0]> = {}) {
  const Stub = createRemixStub([
    {
      path: '/insights/comments',
      Component: () => (
        <CommentList comments={comments} withheldGroups={0} submitting={false} {...props} />
      ),
    },
  ]);
  render(<Stub initialEntries={['/insights/comments']} />);
}

describe('CommentList', () => {
  it('shows each comment with its question, cycle, department and replies, and never its language', async () => {
    renderList();
    const first = await screen.findByRole('article', { name: 'Comment 1: Anything else?' });
    // The language of a comment names its writer where a department has one speaker of it.
    expect(within(first).getByText('Mer kaffe, takk.').hasAttribute('lang')).toBe(false);
    expect(within(first).getByText('Cycle 4 · Kitchen')).toBeTruthy();
    expect(within(first).queryByText(/Norwegian|Bokmål/)).toBeNull();
    const replies = within(first).getByRole('region', { name: 'Replies to comment 1' });
    expect(within(replies).getByText('Ordered a new machine.')).toBeTruthy();
    expect(within(replies).getByText('2026-03-09').getAttribute('datetime')).toBe('2026-03-09');

    const second = screen.getByRole('article', { name: 'Comment 2: What should we stop doing?' });
    expect(within(second).getByText('More light in the hall.').hasAttribute('lang')).toBe(false);
    expect(within(second).queryByRole('region')).toBeNull();
    expect(screen.queryByText(/withheld/)).toBeNull();
  });

  it('keeps every reply box folded under its own "Reply" until asked for', async () => {
    renderList();
    const summaries = await screen.findAllByText('Reply', { selector: 'summary' });
    expect(summaries.map((summary) => summary.textContent)).toEqual([
      'Reply to comment 1',
      'Reply to comment 2',
    ]);
    for (const summary of summaries) {
      const box = summary.closest('details');
      expect(box?.open).toBe(false);
      expect(box?.querySelector('textarea')).toBeTruthy();
    }
  });

  it('gives every comment a labelled reply box that posts the comment’s ref', async () => {
    renderList();
    const box = await screen.findByRole('textbox', { name: 'Reply to comment 2' });
    const form = box.closest('form');
    expect(form?.getAttribute('method')).toBe('post');
    const fields = new FormData(form ?? undefined);
    expect(fields.get('intent')).toBe('reply');
    expect(fields.get('ref')).toBe('ref-two');
    expect(screen.getAllByRole('button', { name: 'Post reply' })).toHaveLength(2);
  });

  it('shows a refused reply beside its own box, keeping what was typed', async () => {
    renderList({
      failure: {
        at: 1,
        errors: { text: ['Write a reply.'] },
        values: { text: ' ', ref: 'ref-two' },
      },
    });
    const box = await screen.findByRole('textbox', { name: 'Reply to comment 2' });
    // Opened by itself, so the refusal is not hidden in a folded box.
    expect(box.closest('details')?.open).toBe(true);
    expect(
      screen.getByRole('textbox', { name: 'Reply to comment 1' }).closest('details')?.open,
    ).toBe(false);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(
      screen.getByRole('alert').getAttribute('id') ?? 'missing',
    );
    expect(screen.getByRole('alert').textContent).toBe('Write a reply.');
    expect(
      screen.getByRole('textbox', { name: 'Reply to comment 1' }).getAttribute('aria-invalid'),
    ).toBeNull();
  });

  it('lets the user raise an action on a comment they may act on, with its own question, department and cycle', async () => {
    renderList({ surveyId: 'survey-1', comments: [kitchenComment, ...comments.slice(1)] });
    const link = await screen.findByRole('link', { name: 'Raise an action on comment 1' });
    expect(link.getAttribute('href')).toBe(
      '/actions/new?survey=survey-1&cycle=cycle-4&metric=question&question=q-text&department=kitchen',
    );
    expect(screen.getAllByRole('link', { name: /^Raise an action/ })).toHaveLength(1);
    // No source: the loader gives none where the user may not raise an action.
    const secondComment = screen.getByRole('article', {
      name: 'Comment 2: What should we stop doing?',
    });
    expect(within(secondComment).queryByRole('link')).toBeNull();
  });

  it('shows no control without the survey to raise it in', async () => {
    renderList({ comments: [kitchenComment] });
    await screen.findByRole('article', { name: 'Comment 1: Anything else?' });
    expect(screen.queryByRole('link', { name: /^Raise an action/ })).toBeNull();
  });

  it('says how many groups are withheld without a count per group', async () => {
    renderList({ comments: [], withheldGroups: 3 });
    expect(await screen.findByText('No comments to show for these filters.')).toBeTruthy();
    expect(
      screen.getByText('Comments from 3 groups are withheld to protect anonymity.'),
    ).toBeTruthy();
  });
});
