import type { Schedule } from './survey-schema';

// When each cycle of a survey opens, reminds and closes. Schedules are written in the
// organisation's local time ("Mondays at 09:00 in Oslo"), so cycles are counted on the local
// calendar and only the final wall time is turned into an instant, with `Intl` alone: a weekly
// pulse keeps opening at 09:00 local when daylight saving time starts or ends.

export interface CycleWindow {
  /** 1-based. */
  number: number;
  opensAt: Date;
  closesAt: Date;
  /** Null when the schedule asks for no reminder, or it would fall at or before the opening. */
  remindAt: Date | null;
}

interface LocalDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute?: number;
}

const dayMs = 86_400_000;

/** Roughly one cycle, used only to guess a cycle number before checking it exactly. */
const approximateCycleMs = {
  weekly: 7 * dayMs,
  biweekly: 14 * dayMs,
  monthly: 30.436875 * dayMs,
  quarterly: 3 * 30.436875 * dayMs,
} as const;

export function cycleWindow(schedule: Schedule, n: number): CycleWindow {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`A cycle number is a positive integer, got ${n}`);
  }
  if (schedule.cadence === 'once' && n > 1) {
    throw new RangeError(`A survey that runs once has only cycle 1, got ${n}`);
  }
  const openDate = cycleDate(schedule, n);
  const closeDate = addDays(openDate, schedule.openDays);
  const at = (date: LocalDate) =>
    localTimeToInstant({ ...date, hour: schedule.openHour }, schedule.timeZone);
  const opensAt = at(openDate);
  const closesAt = at(closeDate);
  let remindAt: Date | null = null;
  if (schedule.reminderDaysBeforeClose > 0) {
    const candidate = at(addDays(closeDate, -schedule.reminderDaysBeforeClose));
    // A reminder at the very moment of opening would arrive together with the invitation.
    if (candidate > opensAt) remindAt = candidate;
  }
  return { number: n, opensAt, closesAt, remindAt };
}

/**
 * Every cycle that has opened by `now`, oldest first: after downtime the scheduler opens all the
 * ones it missed. A survey that runs once has at most cycle 1.
 */
export function dueCycles(schedule: Schedule, now: Date): number[] {
  const last = lastOpenedCycle(schedule, now);
  return Array.from({ length: last }, (_, index) => index + 1);
}

/** The first cycle opening strictly after `after`, or null when a one-off survey has opened. */
export function nextCycleOpening(schedule: Schedule, after: Date): CycleWindow | null {
  const last = lastOpenedCycle(schedule, after);
  if (schedule.cadence === 'once' && last >= 1) return null;
  return cycleWindow(schedule, last + 1);
}

function lastOpenedCycle(schedule: Schedule, now: Date): number {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('Expected a valid date, got an invalid one');
  const opensAtMs = (n: number) => cycleWindow(schedule, n).opensAt.getTime();
  const firstMs = opensAtMs(1);
  if (firstMs > nowMs) return 0;
  if (schedule.cadence === 'once') return 1;
  // Guess from elapsed time, then step to the exact answer: month lengths and daylight saving
  // move openings by hours or days, so the guess is off by a cycle at most, even years later.
  let n = Math.max(1, Math.floor((nowMs - firstMs) / approximateCycleMs[schedule.cadence]) + 1);
  while (n > 1 && opensAtMs(n) > nowMs) n--;
  while (opensAtMs(n + 1) <= nowMs) n++;
  return n;
}

/** The local date cycle n opens on: calendar arithmetic from the start date, never drifting. */
function cycleDate(schedule: Schedule, n: number): LocalDate {
  const start = parseLocalDate(schedule.startDate);
  switch (schedule.cadence) {
    case 'once':
      return start;
    case 'weekly':
      return addDays(start, 7 * (n - 1));
    case 'biweekly':
      return addDays(start, 14 * (n - 1));
    case 'monthly':
      return addMonthsClamped(start, n - 1);
    case 'quarterly':
      return addMonthsClamped(start, 3 * (n - 1));
  }
}

function parseLocalDate(text: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || !isCalendarDate(date)) {
    throw new RangeError(`"${text}" is not a calendar date like 2026-01-31`);
  }
  return date;
}

function isCalendarDate({ year, month, day }: LocalDate): boolean {
  // Date.UTC maps years 0–99 to 1900–1999, so those fail here too: no survey starts then.
  const roundTrip = new Date(Date.UTC(year, month - 1, day));
  return (
    roundTrip.getUTCFullYear() === year &&
    roundTrip.getUTCMonth() === month - 1 &&
    roundTrip.getUTCDate() === day
  );
}

function addDays({ year, month, day }: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** Months later on the same day, or the month's last day when it is shorter (Jan 31 → Feb 29). */
function addMonthsClamped(start: LocalDate, months: number): LocalDate {
  const monthIndex = start.month - 1 + months;
  const year = start.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(start.day, lastDay) };
}

/**
 * The instant a wall-clock time in `timeZone` happens. A time skipped when clocks go forward
 * becomes the first instant after the gap (02:30 on a spring-forward night → 03:00); a time
 * that happens twice when clocks go back takes the first of the two.
 */
export function localTimeToInstant(local: LocalDateTime, timeZone: string): Date {
  const wallMs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute ?? 0);
  const offsetAt = offsetsIn(timeZone);
  // Zone offsets stay within ±18 hours, so the offsets a day either side bracket this wall time:
  // equal, they are the only offset it can have; different, a transition lies between them.
  const offsetBefore = offsetAt(wallMs - dayMs);
  const offsetAfter = offsetAt(wallMs + dayMs);
  const valid = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instant) => offsetAt(instant) === wallMs - instant,
  );
  if (valid.length > 0) return new Date(Math.min(...valid));

  // In a gap: offsetAfter is the larger offset, so `before` is an instant before the transition
  // and `after` one at or past it. Halve the interval down to the second of the transition.
  let before = wallMs - offsetAfter;
  let after = wallMs - offsetBefore;
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (offsetAt(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return new Date(after);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as Europe/Oslo`, {
      cause: error,
    });
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** A function giving the zone's UTC offset in ms (local minus UTC) at an instant. */
function offsetsIn(timeZone: string): (instantMs: number) => number {
  const formatter = formatterFor(timeZone);
  return (instantMs) => {
    // The formatter shows whole seconds, so compare against the instant's whole second.
    const wholeSecond = Math.floor(instantMs / 1000) * 1000;
    const fields = new Map(
      formatter.formatToParts(wholeSecond).map((part) => [part.type, Number(part.value)]),
    );
    const field = (type: Intl.DateTimeFormatPartTypes) => fields.get(type) ?? Number.NaN;
    const wall = Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    return wall - wholeSecond;
  };
}
