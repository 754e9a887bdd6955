import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { renderInLanguage } from '../../../tests/support/render-in-language';
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

  it('writes the moment as the page’s language does', () => {
    renderInLanguage(
      <OrganisationTimeZoneProvider timeZone="Europe/Oslo">
        <OrganisationTime iso={iso} />
      </OrganisationTimeZoneProvider>,
      'pl',
    );
    const polish = new Intl.DateTimeFormat('pl', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Oslo',
    }).format(new Date(iso));
    expect(polish).not.toContain('Mar');
    expect(screen.getByText(polish).tagName).toBe('TIME');
  });
});
