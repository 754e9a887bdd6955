import type { Count } from '../insights/types';

// How the HR pages print participation (participation.server.ts counts it). Read by the browser
// too, so nothing here imports a *.server.ts module.

/** An answered count, or "withheld" where the cycle's decision withholds it. */
export const countText = (count: Count) =>
  count.state === 'shown' ? String(count.value) : 'withheld';

/** A response rate: withheld with its answered count, a dash when nobody was invited. */
export function rateOf(answered: Count, invited: number): string {
  if (answered.state !== 'shown') return 'withheld';
  return invited === 0 ? '—' : `${Math.round((100 * answered.value) / invited)}%`;
}
