import type { ReactNode } from 'react';

export const ANONYMITY_NOTE = 'Not enough responses to protect anonymity';

/**
 * Explains why some groups have no bar, point or number. It may name the groups (their names are
 * not secret), never anything measured about them.
 */
export function WithheldNote({ groups, children }: { groups?: string[]; children?: ReactNode }) {
  return (
    <p className="withheld-note">
      <span className="withheld-swatch" aria-hidden="true" />
      <span>
        {ANONYMITY_NOTE}
        {groups && groups.length > 0 ? ` (${groups.join(', ')})` : ''}.
        {children ? <> {children}</> : null}
      </span>
    </p>
  );
}

export function NoAnswers() {
  return <p className="chart-empty">No answers yet</p>;
}

/** Groups that were asked but have not answered: no number to hide, nothing to draw. */
export function EmptyGroupsNote({ groups }: { groups: string[] }) {
  const list = groups.join(', ');
  // A question already ends its sentence.
  return (
    <p className="chart-note">
      No answers yet: {list}
      {/[.?!…]$/.test(list) ? '' : '.'}
    </p>
  );
}

/** Stands in for a chart when every group is withheld or unanswered; the table says which. */
export function NothingToDraw() {
  return <p className="chart-empty">Nothing to draw: no group can be shown.</p>;
}

/**
 * Says which cycle is still open: its figures appear only once it has closed and settled, since
 * results that moved with every response would show a watcher what the latest one said.
 */
export function PendingCycleNote({ pending }: { pending: { number: number } | null }) {
  if (!pending) return null;
  return (
    <p className="chart-note pending-cycle" role="status">
      Cycle {pending.number} is still open (or has only just closed): its results appear here once
      it has closed.
    </p>
  );
}
