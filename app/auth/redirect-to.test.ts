import { describe, expect, it } from 'vitest';

import { safeLocalPath, safeRedirect } from './redirect-to';

describe('safeRedirect', () => {
  it.each(['/insights', '/surveys/new?copy=1', '/settings/outbox#top'])('keeps %s', (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each([
    undefined,
    '',
    'insights',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\u0000//evil.example',
    '/login',
    '/login?redirectTo=/login',
    '/logout',
  ])('falls back to the staff home for %j', (path) => {
    expect(safeRedirect(path)).toBe('/insights');
  });
});

describe('safeLocalPath', () => {
  it('keeps any path on this site, sign-in pages included', () => {
    expect(safeLocalPath('/login?redirectTo=/x', '/board')).toBe('/login?redirectTo=/x');
    expect(safeLocalPath('/a/abc', '/board')).toBe('/a/abc');
  });

  it.each(['/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example', 5])(
    'falls back for %j',
    (path) => {
      expect(safeLocalPath(path, '/board')).toBe('/board');
    },
  );
});
