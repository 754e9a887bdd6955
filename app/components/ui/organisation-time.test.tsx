import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { OrganisationTime, OrganisationTimeZoneProvider } from './organisation-time';

afterEach(cleanup);

const iso = '2026-03-01T23:30:00.000Z';

describe('OrganisationTime', () => {
  it('writes a moment in the organisation’s time zone, keeping the instant in dateTime', () => {
    render(
      <OrganisationTimeZoneProvider timeZone="Europe/Oslo">
        <OrganisationTime iso={iso} />
      </OrganisationTimeZoneProvider>,
    );
    const time = screen.getByText('Mon, 2 Mar 2026, 00:30');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('dateTime')).toBe(iso);
    expect(time.getAttribute('title')).toBe('Europe/Oslo');
  });

  it('uses another zone when the settings name one, and UTC outside the staff pages', () => {
    render(
      <>
        <OrganisationTimeZoneProvider timeZone="America/Sao_Paulo">
          <OrganisationTime iso={iso} />
        </OrganisationTimeZoneProvider>
        <OrganisationTime iso={iso} />
      </>,
    );
    expect(screen.getByText('Sun, 1 Mar 2026, 20:30')).toBeTruthy();
    expect(screen.getByText('Sun, 1 Mar 2026, 23:30')).toBeTruthy();
  });
});
