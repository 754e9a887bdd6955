import { describe, expect, it } from 'vitest';

import { languageCookie } from '~/i18n.server';

import { action } from './language';

function post(fields: Record<string, string>) {
  const request = new Request('http://localhost/language', {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
  return action({ request, params: {}, context: { cspNonce: '', clientAddress: '127.0.0.1' } });
}

describe('/language', () => {
  it('remembers the language in a cookie and returns to the page', async () => {
    const response = await post({ lng: 'pl', returnTo: '/a/abc?x=1' });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/a/abc?x=1');
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    expect(await languageCookie.parse(setCookie)).toBe('pl');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it('never sends the reader to another site', async () => {
    // Browsers drop tabs and line breaks from an address, so `/\t/evil.example` is `//evil.example`.
    const escapes = [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example/x',
      '/\u0000/evil.example',
    ];
    for (const returnTo of escapes) {
      const response = await post({ lng: 'nb', returnTo });
      expect(response.headers.get('Location')).toBe('/board');
    }
  });

  it('refuses a language it does not speak', async () => {
    await expect(post({ lng: 'de', returnTo: '/board' })).rejects.toMatchObject({ status: 400 });
  });
});
