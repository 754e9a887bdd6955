import type { Count } from '../insights/types';

// How the HR pages print participation (participation.server.ts counts it). Read by the browser
// too, so nothing here imports a *.server.ts module.

/** An answered count, or the word for "withheld" (the page's) where the cycle withholds it. */
export const countText = (count: Count, withheld = 'withheld') =>
  count.state === 'shown' ? String(count.value) : withheld;

/** A response rate: withheld with its answered count, a dash when nobody was invited. */
export function rateOf(answered: Count, invited: number, withheld = 'withheld'): string {
  if (answered.state !== 'shown') return withheld;
  return invited === 0 ? '—' : `${Math.round((100 * answered.value) / invited)}%`;
}
