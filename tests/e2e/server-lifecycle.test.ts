import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { builtServer, startApp } from './harness/app';

// The built server as an operator meets it: start, serve, log, stop on a signal, start again.
describe('built server lifecycle', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'innerloop-lifecycle-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs its engine and requests without secrets, and stops cleanly on SIGTERM', async () => {
    const app = await startApp({ dataDir });
    try {
      const health: unknown = await (await fetch(`${app.url}/healthz`)).json();
      expect(health).toMatchObject({ ok: true, database: 'up' });
      expect(app.output()).toMatch(/Database: (embedded engine|local mongod)[^\n]*data in /);
      expect(app.output().match(/Database: /g)).toHaveLength(1);
      expect(app.output()).toMatch(
        /Innerloop listening on http:\/\/127\.0\.0\.1:\d+ \(production\)/,
      );

      await fetch(`${app.url}/i/Qm9vbXNoYWthbGFrYQ?lang=de`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(app.output()).toMatch(/GET \/i\/:redacted 404 \d+ms/);
      expect(app.output()).not.toContain('Qm9vbXNoYWthbGFrYQ');
      expect(app.output()).not.toContain('lang=de');
    } finally {
      expect(await app.stop()).toBe(0);
    }
    expect(app.output()).toMatch(/SIGTERM received/);
    expect(app.output()).toMatch(/Stopped\n$/);
    expect(existsSync(path.join(dataDir, 'session-secret'))).toBe(true);
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['session-secret']));
  });

  it('starts again on the same data folder after stopping', async () => {
    const app = await startApp({ dataDir });
    expect(await app.stop()).toBe(0);
  });

  it('refuses to start with a wrong variable, in one line, with exit code 1', async () => {
    const failure: unknown = await promisify(execFile)(process.execPath, [builtServer], {
      env: { ...process.env, PORT: '99999', DATA_DIR: dataDir },
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr: 'Invalid environment: PORT must be an integer between 1 and 65535\n',
    });
  });
});
