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
