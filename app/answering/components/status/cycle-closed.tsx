import { useTranslation } from 'react-i18next';

export interface CycleClosedProps {
  /** When the survey's next cycle opens, if one is scheduled (a Date, or its JSON string). */
  nextOpensAt?: Date | string | null;
  /** The survey's time zone, so the day is the organisation's day. */
  timeZone?: string;
}

/** A link to a cycle that has closed, with when the next one opens. */
export function CycleClosed({ nextOpensAt, timeZone = 'UTC' }: CycleClosedProps) {
  const { t, i18n } = useTranslation('status');
  const next = nextOpensAt ? new Date(nextOpensAt) : null;
  const date =
    next && !Number.isNaN(next.getTime())
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone }).format(next)
      : null;
  return (
    <section className="status-page" aria-labelledby="status-title">
      <h1 id="status-title">{t('cycleClosed.title')}</h1>
      <p>{t('cycleClosed.body')}</p>
      <p>{date ? t('cycleClosed.nextOpens', { date }) : t('cycleClosed.noNext')}</p>
    </section>
  );
}
