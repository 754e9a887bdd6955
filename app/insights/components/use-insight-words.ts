import { useTranslation } from 'react-i18next';

import { useMessage } from '~/components/ui/use-message';
import { type Measure, roundFor, type TableWords } from '~/insights/tables';
import { driverName } from '~/utils/driver-name';

/** Numbers and days of the insight pages, written as the page's language writes them. */
export interface InsightFormat {
  /** A figure rounded as the pages show it (scores to 2 decimals, eNPS to 1): "3,61" in Polish. */
  value: (measure: Measure, value: number) => string;
  /** A plain number of a table cell (cycle, n, percent). */
  number: (value: number) => string;
  /** A count in running text, grouped: "1,234 comments". */
  count: (value: number) => string;
  /** A cycle's opening day (YYYY-MM-DD). */
  day: (isoDay: string) => string;
}

const formats = new Map<string, InsightFormat>();

export function insightFormat(language: string): InsightFormat {
  const known = formats.get(language);
  if (known) return known;
  const plain = new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false });
  const grouped = new Intl.NumberFormat(language);
  // English pages keep the ISO day they have always shown (and that the CSV carries); the other
  // languages write the day as their readers do.
  const days =
    language === 'en'
      ? null
      : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const format: InsightFormat = {
    value: (measure, value) => plain.format(roundFor(measure, value)),
    number: (value) => plain.format(value),
    count: (value) => grouped.format(value),
    day: (isoDay) => {
      const date = new Date(`${isoDay}T00:00:00Z`);
      return days && !Number.isNaN(date.getTime()) ? days.format(date) : isoDay;
    },
  };
  formats.set(language, format);
  return format;
}

export function useInsightFormat(): InsightFormat {
  const { i18n } = useTranslation();
  return insightFormat(i18n.language);
}

/** The words of the table views (tables.ts) in the page's language; CSVs keep English. */
export function useTableWords(): TableWords {
  const { t } = useTranslation('insights');
  const say = useMessage();
  const format = useInsightFormat();
  return {
    say: (text) => say(text) ?? text,
    day: format.day,
    driver: (name) => driverName(t, name),
  };
}
