import { describe, expect, it } from 'vitest';

import { redactPath } from './request-log';

describe('redactPath', () => {
  it.each([
    ['/', '/'],
    ['/insights', '/insights'],
    ['/surveys/new', '/surveys/new'],
    ['/surveys/weekly-pulse/edit', '/surveys/weekly-pulse/edit'],
    ['/build/entry.client-X66RK6VG.js', '/build/entry.client-X66RK6VG.js'],
    ['/favicon.svg', '/favicon.svg'],
    ['/healthz', '/healthz'],
  ])('keeps the page name %s', (url, expected) => {
    expect(redactPath(url)).toBe(expected);
  });

  it.each([
    // Query strings and fragments never reach the log.
    ['/login?redirectTo=/people&email=ana@example.com', '/login'],
    ['/insights#top', '/insights'],
    ['/?token=abc', '/'],
    // Invite links and receipt codes are capabilities, however short.
    ['/i/Zx8fQ2', '/i/:redacted'],
    ['/i/Zx8fQ2/thanks', '/i/:redacted/thanks'],
    ['/r/K7P-29Q', '/r/:redacted'],
    ['/reset/abc', '/reset/:redacted'],
    // Answering links and open (kiosk) links, whatever the token looks like.
    ['/a/mO4iZ7nq2w3kW9bTfXy1LrUe5ScVhJpA0gDdKoQ8xNs', '/a/:redacted'],
    ['/a/short', '/a/:redacted'],
    ['/a/mO4iZ7nq2w3kW9bTfXy1LrUe5ScVhJpA0gDdKoQ8xNs?lang=nb', '/a/:redacted'],
    ['/k/pulse', '/k/:redacted'],
    // Ids and anything long and random.
    ['/surveys/665f1c2b9d3e4a0012345678', '/surveys/:redacted'],
    ['/people/123', '/people/:redacted'],
    ['/actions/4b7c2a34-9a60-4b8e-8f0a-6f1e2d3c4b5a/edit', '/actions/:redacted/edit'],
    ['/answer/dGhpcy1pcy1hLXRva2Vu', '/answer/:redacted'],
    ['/p/a1b2c3', '/p/:redacted'],
    // Personal data typed into a path.
    ['/people/ana%40example.com', '/people/:redacted'],
    ['/people/ana@example.com', '/people/:redacted'],
    ['/x/%E0%A4%A', '/x/:redacted'],
  ])('redacts %s', (url, expected) => {
    expect(redactPath(url)).toBe(expected);
  });
});
