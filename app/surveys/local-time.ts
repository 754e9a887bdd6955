// Days and dates as the organisation's calendar has them. Pure, so pages and servers agree.

/**
 * The zone of last resort, for a record whose survey is gone. New surveys take the organisation's
 * zone from Settings (app/settings/organisation.ts), whose own default this is too.
 */
export const defaultTimeZone = 'Europe/Oslo';

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
// Building a formatter costs far more than using one, and every response needs the day.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // Time zones are few; an unknown one throws above and is never kept.
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** The local hour (0–23) of an instant in a time zone. */
export function localHour(instant: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant)
    .find((part) => part.type === 'hour');
  return Number(hour?.value ?? 0);
}

/** A date (YYYY-MM-DD) some days later (or earlier, with a negative count). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** A date (YYYY-MM-DD) some months earlier or later, on the same day or the month's last. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = month - 1 + months;
  const targetYear = year + Math.floor(index / 12);
  const targetMonth = ((index % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)))
    .toISOString()
    .slice(0, 10);
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A moment written for people in their language and the survey's time zone. */
export function formatMoment(instant: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}

/** A moment for staff pages: day, date and time in the survey's zone, e.g. "Mon 5 Jan 2026, 09:00". */
export function formatStaffMoment(instant: Date, timeZone: string, language = 'en'): string {
  // English as in Britain (day before month, 24-hour clock); the other languages as they write it.
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}
