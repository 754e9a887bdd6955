import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';

import { formatStaffMoment } from '~/surveys/local-time';

// Every moment on the staff pages is written in the organisation's time zone (Settings), by the
// one formatter the survey pages use too, so a page never mixes zones and server and browser
// render the same text. The staff layout provides the zone; outside it (tests), UTC.

const OrganisationTimeZone = createContext('UTC');

export function OrganisationTimeZoneProvider({
  timeZone,
  children,
}: {
  timeZone: string;
  children: ReactNode;
}) {
  return <OrganisationTimeZone.Provider value={timeZone}>{children}</OrganisationTimeZone.Provider>;
}

/** The organisation's time zone, for a page that formats moments itself. */
function useOrganisationTimeZone(): string {
  return useContext(OrganisationTimeZone);
}

/**
 * A moment as "Mon, 5 Jan 2026, 09:00" in the organisation's time zone, written as the page's
 * language writes it.
 */
export function OrganisationTime({ iso }: { iso: string }) {
  const timeZone = useOrganisationTimeZone();
  const { i18n } = useTranslation();
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return <time>{iso}</time>;
  return (
    <time dateTime={iso} title={timeZone}>
      {formatStaffMoment(instant, timeZone, i18n.language)}
    </time>
  );
}
