import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createLogger } from '../app/utils/log.server';
import { serverUrl } from '../tests/support/server-url';
import { createApp } from './app';
import { nonceFor } from './nonce';
import { loadContextFor } from './remix-handler';

// The Express app with a stand-in for Remix, so headers, caching, logging and the health
// check are tested over real HTTP without a build or a database.
let server: Server;
let base: string;
let publicDir: string;
let databaseUp = true;
const logLines: string[] = [];

beforeAll(async () => {
  publicDir = mkdtempSync(path.join(tmpdir(), 'innerloop-public-'));
  mkdirSync(path.join(publicDir, 'build'));
  writeFileSync(path.join(publicDir, 'build', 'entry.client-ABC123.js'), 'console.log(1)');
  writeFileSync(path.join(publicDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  const app = createApp({
    logger: createLogger('info', (_level, line) => logLines.push(line)),
    remix: (request, response) => {
      if (request.path === '/boom') throw new Error('kaboom');
      response
        .status(200)
        .type('html')
        .send(
          `<html><body>${'page '.repeat(500)}<script nonce="${nonceFor(response)}"></script></body></html>`,
        );
    },
    health: {
      ping: () => Promise.resolve(databaseUp),
      info: () => ({ engine: 'embedded', where: '/secret/data/dir', dbName: 'innerloop' }),
    },
    publicDir,
    development: false,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = serverUrl(server);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(publicDir, { recursive: true, force: true });
});

beforeEach(() => {
  databaseUp = true;
  logLines.length = 0;
});

async function logged(): Promise<string[]> {
  // The log line is written when the response finishes, just after the client has it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return logLines;
}

describe('security headers', () => {
  it('sends a content security policy whose script nonce matches the page, never unsafe-inline', async () => {
    const response = await fetch(`${base}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = csp
      .split(';')
      .find((directive) => directive.trim().startsWith('script-src '));
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('uses a fresh nonce for every request', async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => /nonce="([^"]+)"/.exec(await (await fetch(`${base}/`)).text())?.[1]),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe('compression and caching', () => {
  it('compresses pages', async () => {
    const response = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
  });

  it('caches built assets for a year as immutable', async () => {
    const response = await fetch(`${base}/build/entry.client-ABC123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing built asset with a plain 404 instead of a page', async () => {
    const response = await fetch(`${base}/build/missing-XYZ.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });

  it('caches other public files briefly', async () => {
    const response = await fetch(`${base}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('/healthz', () => {
  it('answers 200 with the engine kind when the database is up, revealing no paths', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body: unknown = await response.json();
    expect(body).toMatchObject({ ok: true, engine: 'embedded', database: 'up' });
    expect(JSON.stringify(body)).not.toContain('/secret');
  });

  it('answers 503 when the ping fails', async () => {
    databaseUp = false;
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ok: false,
      engine: 'embedded',
      database: 'down',
    });
  });
});

describe('request log', () => {
  it('writes one line per request with method, redacted path, status and duration', async () => {
    await fetch(`${base}/i/6f1e2d3c4b5a9a60?lang=fr`);
    const lines = await logged();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ INFO {2}GET \/i\/:redacted 200 \d+ms$/);
    expect(lines[0]).not.toContain('6f1e2d3c4b5a9a60');
    expect(lines[0]).not.toContain('lang=fr');
  });

  it('never writes request bodies', async () => {
    await fetch(`${base}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'ana@example.com', password: 'hunter2' }),
    });
    const lines = await logged();
    expect(lines.join('\n')).not.toMatch(/hunter2|ana@example/);
    expect(lines[0]).toMatch(/POST \/login 200 \d+ms$/);
  });
});

describe('errors', () => {
  it('answers an unexpected error with a plain 500 and logs it', async () => {
    const response = await fetch(`${base}/boom`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Something went wrong. Please try again.');
    const lines = await logged();
    expect(lines.some((line) => line.includes('ERROR Error: kaboom'))).toBe(true);
    expect(lines.some((line) => /GET \/boom 500 \d+ms$/.test(line))).toBe(true);
  });
});

describe('client address', () => {
  /** An app whose stand-in for Remix answers with the address loaders would count by. */
  async function addressApp(trustProxy?: false | number | string[]) {
    const app = createApp({
      logger: createLogger('silent'),
      remix: (request, response) => {
        response.type('text/plain').send(loadContextFor(request, response).clientAddress);
      },
      health: { ping: () => Promise.resolve(true), info: () => undefined },
      publicDir,
      development: false,
      trustProxy,
    });
    const listening = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    return {
      address: async (forwardedFor?: string) => {
        const headers: Record<string, string> = forwardedFor
          ? { 'x-forwarded-for': forwardedFor }
          : {};
        return (await fetch(`${serverUrl(listening)}/login`, { headers })).text();
      },
      close: () => new Promise((resolve) => listening.close(resolve)),
    };
  }

  it('ignores a forged X-Forwarded-For when no proxy is trusted', async () => {
    const app = await addressApp();
    try {
      expect(await app.address()).toBe('127.0.0.1');
      expect(await app.address('203.0.113.9')).toBe('127.0.0.1');
    } finally {
      await app.close();
    }
  });

  it.each([[1], [['loopback']], [['127.0.0.0/8', '10.0.0.0/8']]])(
    'takes the client address a trusted proxy (%j) reports, never an entry the client wrote',
    async (trustProxy) => {
      const app = await addressApp(trustProxy);
      try {
        expect(await app.address('203.0.113.9')).toBe('203.0.113.9');
        // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
        expect(await app.address('6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
        expect(await app.address()).toBe('127.0.0.1');
      } finally {
        await app.close();
      }
    },
  );

  it('does not believe a proxy it was not told to trust', async () => {
    const app = await addressApp(['10.0.0.0/8']);
    try {
      expect(await app.address('203.0.113.9')).toBe('127.0.0.1');
    } finally {
      await app.close();
    }
  });
});
