import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { renderInLanguage } from '../../../../tests/support/render-in-language';
import { AlreadyAnswered } from './already-answered';
import { CycleClosed } from './cycle-closed';
import { EmployeeError } from './employee-error';
import { LinkNotFound } from './link-not-found';
import { ThankYou } from './thank-you';

afterEach(cleanup);

describe('AlreadyAnswered', () => {
  it('says so in the reader’s language and points to the board', () => {
    renderInLanguage(<AlreadyAnswered />, 'uk');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Ви вже відповіли на це опитування' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: /Ви сказали — ми зробили/ }).getAttribute('href')).toBe(
      '/board',
    );
  });
});

describe('CycleClosed', () => {
  it('names the day the next cycle opens, formatted for the language and time zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Oslo.
    renderInLanguage(
      <CycleClosed nextOpensAt="2026-03-01T23:30:00.000Z" timeZone="Europe/Oslo" />,
      'nb',
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Denne pulsen er avsluttet' }),
    ).toBeTruthy();
    expect(screen.getByText('Neste puls åpner 2. mars 2026.')).toBeTruthy();
  });

  it('uses each language’s own date words', () => {
    renderInLanguage(<CycleClosed nextOpensAt={new Date('2026-03-02T09:00:00Z')} />, 'pl');
    expect(screen.getByText('Następna ankieta rozpocznie się 2 marca 2026.')).toBeTruthy();
  });

  it('promises a new link when no next cycle is scheduled', () => {
    renderInLanguage(<CycleClosed nextOpensAt={null} />, 'en');
    expect(screen.getByText('You will get a new link when the next pulse opens.')).toBeTruthy();
  });
});

describe('LinkNotFound', () => {
  it('is one neutral page, without saying whether the link ever existed', () => {
    renderInLanguage(<LinkNotFound />, 'pt');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Não encontramos este link' }),
    ).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });
});

describe('ThankYou', () => {
  it('says what happens next and links to the board', () => {
    renderInLanguage(<ThankYou />, 'en');
    expect(screen.getByRole('heading', { level: 1, name: /Thank you/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'What happens next' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('link', { name: /You said, we did/ }).getAttribute('href')).toBe(
      '/board',
    );
    expect(screen.queryByRole('group', { name: 'Your receipt code' })).toBeNull();
  });

  it('links to the respondent department’s board when its key is known', () => {
    renderInLanguage(<ThankYou boardKey="Vb3kq0Zt7xYw2LmN4pQrSg" />, 'pt');
    expect(
      screen.getByRole('link', { name: /Vocês disseram, nós fizemos/ }).getAttribute('href'),
    ).toBe('/board/Vb3kq0Zt7xYw2LmN4pQrSg');
  });

  it('shows the receipt code with what it is for, when there is one', () => {
    renderInLanguage(<ThankYou receiptCode="K7QF-2MZD-9XWA" />, 'lv');
    const receipt = screen.getByRole('group', { name: 'Jūsu kvīts kods' });
    expect(receipt.querySelector('code')?.textContent).toBe('K7QF-2MZD-9XWA');
    expect(receipt.textContent).toMatch(/tikai vienreiz/);
    expect(
      screen.getByRole('link', { name: 'Lasīt atbildes ar savu kodu' }).getAttribute('href'),
    ).toBe('/receipt');
  });
});

describe('EmployeeError', () => {
  it('explains a missing page in the reader’s language', () => {
    renderInLanguage(<EmployeeError status={404} />, 'nb');
    expect(screen.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeTruthy();
    expect(screen.getByText('Feil 404')).toBeTruthy();
  });
});
