import { describe, expect, it } from 'vitest';

import { languageCookie, languageFromHeader, resolveEmployeeLanguage } from './i18n.server';

async function requestWith({
  cookie,
  acceptLanguage,
}: { cookie?: string; acceptLanguage?: string } = {}) {
  const headers = new Headers();
  if (cookie) headers.set('Cookie', await languageCookie.serialize(cookie));
  if (acceptLanguage) headers.set('Accept-Language', acceptLanguage);
  return new Request('http://localhost/a/token', { headers });
}

describe('resolveEmployeeLanguage', () => {
  it('takes the switcher’s choice first, even over the person’s preference', async () => {
    const request = await requestWith({ cookie: 'lv', acceptLanguage: 'pl' });
    expect(await resolveEmployeeLanguage(request, { preferred: 'uk' })).toBe('lv');
  });

  it('takes the person’s preference when nothing was switched', async () => {
    const request = await requestWith({ acceptLanguage: 'pl-PL,pl;q=0.9' });
    expect(await resolveEmployeeLanguage(request, { preferred: 'uk' })).toBe('uk');
  });

  it('then the browser’s languages, by their weights', async () => {
    expect(
      await resolveEmployeeLanguage(await requestWith({ acceptLanguage: 'de;q=1, pt-BR;q=0.8' })),
    ).toBe('pt');
    expect(
      await resolveEmployeeLanguage(await requestWith({ acceptLanguage: 'nb-NO,en;q=0.5' })),
    ).toBe('nb');
  });

  it('falls back to English', async () => {
    expect(await resolveEmployeeLanguage(await requestWith())).toBe('en');
    expect(await resolveEmployeeLanguage(await requestWith({ acceptLanguage: 'fr, de' }))).toBe(
      'en',
    );
  });

  it('ignores a cookie that names no language we speak', async () => {
    const request = await requestWith({ cookie: 'xx', acceptLanguage: 'uk' });
    expect(await resolveEmployeeLanguage(request)).toBe('uk');
  });
});

describe('languageFromHeader', () => {
  it('reads weights, regions and Norwegian variants', () => {
    expect(languageFromHeader('fr;q=0.9, lv;q=0.95')).toBe('lv');
    expect(languageFromHeader('nn-NO')).toBe('nb');
    expect(languageFromHeader('en-GB;q=0, uk-UA;q=0.2')).toBe('uk');
    expect(languageFromHeader('*')).toBeNull();
    expect(languageFromHeader('')).toBeNull();
  });
});
