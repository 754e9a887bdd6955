import { localDate } from '../surveys/local-time';

// Thanks keep no time finer than the calendar month in the organisation's zone. Anonymous ones
// are read only by whole settled months (batches.server.ts), so this is the one clock they have.

/** A month key, YYYY-MM, of an instant in a time zone. */
export function monthOf(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/**
 * How long after a month ends it counts as settled. A thank-you whose month was worked out just
 * before midnight may be written just after; a month read before that write could settle would
 * change once more, and the thank-you that changed it would stand out.
 */
export const settleMs = 60 * 60 * 1000;

/** The newest settled month: every month up to and including it is over for good. */
export function lastSettledMonth(now: Date, timeZone: string): string {
  return previousMonth(monthOf(new Date(now.getTime() - settleMs), timeZone));
}

export function previousMonth(month: string): string {
  return addMonthsTo(month, -1);
}

export function addMonthsTo(month: string, months: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}`;
}
