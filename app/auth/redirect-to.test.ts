import { describe, expect, it } from 'vitest';

import { safeRedirect } from './redirect-to';

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
