import { afterEach, describe, expect, it, vi } from 'vitest';

import { handleError } from './entry.server';

// What reaches the error log: unexpected failures, in words, never an answer Remix gives a
// visitor's request on its own.

// Remix's own 4xx answers (a post to a page without an action) come as route error responses.
function routeErrorResponse(status: number, statusText: string) {
  return { status, statusText, internal: true, data: statusText };
}

describe('handleError', () => {
  const written: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    written.length = 0;
  });

  function capture() {
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
  }

  // Only the request is read.
  const request = () =>
    ({ request: new Request('http://localhost/x') }) as unknown as Parameters<
      typeof handleError
    >[1];

  it('logs an unexpected error with its stack', () => {
    capture();
    handleError(new Error('disk on fire'), request());
    expect(written.join('')).toContain('disk on fire');
  });

  it('does not log a 405 for a post to a page without a form', () => {
    capture();
    handleError(routeErrorResponse(405, 'Method Not Allowed'), request());
    expect(written).toEqual([]);
  });

  it('names a 5xx route error response in words, not [object Object]', () => {
    capture();
    handleError(routeErrorResponse(503, 'Service Unavailable'), request());
    expect(written.join('')).toContain('503 Service Unavailable');
    expect(written.join('')).not.toContain('[object Object]');
  });
});
