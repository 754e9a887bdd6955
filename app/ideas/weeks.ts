// Ideas are released in weekly batches. A week is an ISO week (Monday to Sunday) in UTC, named
// "2026-W49": coarse enough that the name says nothing about the day or hour an idea came, and
// the same for every reader whatever their time zone.

const dayMs = 24 * 60 * 60 * 1000;

/** The ISO week an instant falls in, "YYYY-Www". */
export function weekOf(instant: Date): string {
  const day = new Date(
    Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()),
  );
  // The Thursday of the same week decides the year (ISO 8601).
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday + 3);
  const year = day.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * dayMs));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday a week starts on, as an instant at 00:00 UTC. */
export function weekStart(week: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`Not a week: ${week}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const january4 = new Date(Date.UTC(year, 0, 4));
  const monday = january4.getTime() - ((january4.getUTCDay() + 6) % 7) * dayMs;
  return new Date(monday + (number - 1) * 7 * dayMs);
}

/** The Sunday a week ends on, YYYY-MM-DD: the day a batch of that week is dated by. */
export function weekEndDay(week: string): string {
  return new Date(weekStart(week).getTime() + 6 * dayMs).toISOString().slice(0, 10);
}
