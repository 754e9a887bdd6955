/** A month key (YYYY-MM) as the reader's language writes a month, e.g. "March 2027". */
export function formatMonth(month: string, language: string): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
