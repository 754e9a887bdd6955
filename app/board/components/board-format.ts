import type { MetricKind } from '../../../models/vocabulary';

// Numbers and days written the way the reader's language writes them. The server sends days
// (YYYY-MM-DD) already in the survey's calendar, so they are formatted as calendar dates, in UTC,
// and never shift a day in the reader's own zone.

export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const at = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1));
  // A day that is not one (never stored, but never a crash either) is shown as it came.
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/** eNPS is a whole number with its sign; means keep one decimal. */
export function formatScore(value: number, metric: MetricKind, language: string): string {
  if (metric === 'enps') {
    return new Intl.NumberFormat(language, {
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    }).format(value);
  }
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}
