import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { appUrl, environmentVariables, loadSessionSecrets, parseEnv } from './env.server';

const secret = 'x'.repeat(32);

function parsed(source: Record<string, string | undefined>) {
  const result = parseEnv(source);
  if (!result.ok) throw new Error(result.message);
  return result.env;
}

describe('parseEnv', () => {
  it('fills documented defaults when nothing is set', () => {
    const env = parsed({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      MONGODB_URI: undefined,
      SESSION_SECRET: undefined,
    });
    expect(env.DATA_DIR).toBe(path.resolve('.data'));
  });

  it('treats an empty value as unset', () => {
    expect(parsed({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('reads valid values', () => {
    const env = parsed({
      PORT: '8080',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb+srv://user:pw@cluster0.example.net/innerloop',
      DATA_DIR: '/var/lib/innerloop',
      SESSION_SECRET: `${secret}, ${'y'.repeat(40)}`,
      LOG_LEVEL: 'warn',
      SMTP_URL: 'smtp://smtp.internal:25',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      DATA_DIR: '/var/lib/innerloop',
      SESSION_SECRET: [secret, 'y'.repeat(40)],
      LOG_LEVEL: 'warn',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid environment: PORT must be an integer between 1 and 65535'],
    [{ PORT: '0' }, 'Invalid environment: PORT must be an integer between 1 and 65535'],
    [{ PORT: '65536' }, 'Invalid environment: PORT must be an integer between 1 and 65535'],
    [{ PORT: '80.5' }, 'Invalid environment: PORT must be an integer between 1 and 65535'],
    [
      { NODE_ENV: 'staging' },
      'Invalid environment: NODE_ENV must be one of development, production, test',
    ],
    [
      { LOG_LEVEL: 'verbose' },
      'Invalid environment: LOG_LEVEL must be one of debug, info, warn, error, silent',
    ],
    [
      { MONGODB_URI: 'postgres://db' },
      'Invalid environment: MONGODB_URI must start with mongodb:// or mongodb+srv://',
    ],
    [{ HOST: 'my host' }, 'Invalid environment: HOST must be a host name or an IP address'],
    [{ DEMO: 'yes' }, 'Invalid environment: DEMO must be on or off'],
    [
      { APP_URL: 'innerloop.example.com' },
      'Invalid environment: APP_URL must be an http:// or https:// address without a path',
    ],
    [
      { APP_URL: 'https://example.com/innerloop' },
      'Invalid environment: APP_URL must be an http:// or https:// address without a path',
    ],
    [
      { SMTP_URL: 'mail.example.com' },
      'Invalid environment: SMTP_URL must start with smtp:// or smtps://',
    ],
    [
      { MAIL_FROM: 'Innerloop' },
      'Invalid environment: MAIL_FROM must be an e-mail address, or a name followed by an address in angle brackets',
    ],
    [
      { SESSION_SECRET: 'short' },
      'Invalid environment: SESSION_SECRET must be at least 32 characters (each, when several are separated by commas)',
    ],
    [
      { NODE_ENV: 'production', MONGODB_URI: 'mongodb://db.internal:27017', MAIL_OUTBOX: 'on' },
      'Invalid environment: SESSION_SECRET is required when NODE_ENV=production and MONGODB_URI is set',
    ],
    [
      { NODE_ENV: 'production' },
      'Invalid environment: SMTP_URL must be set when NODE_ENV=production (or set MAIL_OUTBOX=on to keep e-mails in the outbox)',
    ],
    [
      { NODE_ENV: 'production', MAIL_OUTBOX: 'off' },
      'Invalid environment: SMTP_URL must be set when NODE_ENV=production (or set MAIL_OUTBOX=on to keep e-mails in the outbox)',
    ],
    [{ MAIL_OUTBOX: 'off' }, 'Invalid environment: SMTP_URL must be set when MAIL_OUTBOX=off'],
    [{ MAIL_OUTBOX: 'yes' }, 'Invalid environment: MAIL_OUTBOX must be on or off'],
    ...['true', 'everyone', '10.0.0.0/33', '10.0.0.1/8/8', 'loopback, 10.0.0', '1.5', '-1'].map(
      (value): [Record<string, string>, string] => [
        { TRUST_PROXY: value },
        'Invalid environment: TRUST_PROXY must be a number of proxies (e.g. 1), or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and subnets (e.g. loopback, 10.0.0.0/8)',
      ],
    ),
  ])('rejects %o with one clear line', (source, message) => {
    expect(parseEnv(source)).toEqual({ ok: false, message });
  });

  it('names every wrong variable on the same line', () => {
    const result = parseEnv({ PORT: 'x', LOG_LEVEL: 'loud' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toContain('\n');
    expect(result.message).toMatch(/^Invalid environment: PORT .*; LOG_LEVEL /);
  });

  it('never repeats a MONGODB_URI, which may hold a password', () => {
    const result = parseEnv({ MONGODB_URI: 'http://admin:hunter2@db' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('hunter2');
  });

  it('reads the mail settings and the public address', () => {
    const env = parsed({
      APP_URL: 'https://innerloop.example.com/',
      SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
      MAIL_FROM: 'People team <people@example.com>',
    });
    expect(env).toMatchObject({
      APP_URL: 'https://innerloop.example.com',
      SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
      MAIL_FROM: 'People team <people@example.com>',
    });
    expect(parsed({}).MAIL_FROM).toBe('Innerloop <innerloop@localhost>');
  });

  it('never repeats an SMTP_URL, which may hold a password', () => {
    const result = parseEnv({ SMTP_URL: 'mail://mailer:hunter2@smtp' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('hunter2');
  });

  it('allows a production run on local data without a secret (one is generated)', () => {
    expect(parseEnv({ NODE_ENV: 'production', SMTP_URL: 'smtp://smtp.internal' }).ok).toBe(true);
  });

  it('keeps mail in the outbox outside production, and in production only when told to', () => {
    expect(parsed({}).MAIL_OUTBOX).toBeUndefined();
    expect(parsed({ NODE_ENV: 'test' }).SMTP_URL).toBeUndefined();
    expect(parsed({ NODE_ENV: 'production', MAIL_OUTBOX: 'on' })).toMatchObject({
      NODE_ENV: 'production',
      MAIL_OUTBOX: 'on',
      SMTP_URL: undefined,
    });
    // SMTP_URL always sends, whatever MAIL_OUTBOX says.
    expect(parsed({ MAIL_OUTBOX: 'off', SMTP_URL: 'smtp://smtp.internal' }).SMTP_URL).toBe(
      'smtp://smtp.internal',
    );
  });

  it('trusts no proxy unless TRUST_PROXY says which', () => {
    expect(parsed({}).TRUST_PROXY).toBe(false);
    expect(parsed({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(parsed({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parsed({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual(['loopback']);
    expect(
      parsed({ TRUST_PROXY: ' loopback, 10.0.0.0/8 ,192.0.2.7, fd00::/8, ::1' }).TRUST_PROXY,
    ).toEqual(['loopback', '10.0.0.0/8', '192.0.2.7', 'fd00::/8', '::1']);
  });
});

describe('getEnv', () => {
  const run = promisify(execFile);

  it('stops the process with exit code 1 and a single line on stderr', async () => {
    const code = "const { getEnv } = await import('./app/utils/env.server.ts'); getEnv();";
    const failure: unknown = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', code],
      { env: { ...process.env, PORT: 'seventy' } },
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr: 'Invalid environment: PORT must be an integer between 1 and 65535\n',
    });
  });

  it('refuses a production start without a mail server, naming the way out', async () => {
    const code = "const { getEnv } = await import('./app/utils/env.server.ts'); getEnv();";
    const failure: unknown = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', code],
      { env: { ...process.env, NODE_ENV: 'production', SMTP_URL: '', MAIL_OUTBOX: '' } },
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr:
        'Invalid environment: SMTP_URL must be set when NODE_ENV=production (or set MAIL_OUTBOX=on to keep e-mails in the outbox)\n',
    });
  });
});

describe('appUrl', () => {
  it('is APP_URL when set, else where the server listens', () => {
    expect(appUrl(parsed({ APP_URL: 'https://innerloop.example.com' }))).toBe(
      'https://innerloop.example.com',
    );
    expect(appUrl(parsed({ PORT: '8080' }))).toBe('http://127.0.0.1:8080');
    expect(appUrl(parsed({ HOST: '0.0.0.0' }))).toBe('http://localhost:3000');
    expect(appUrl(parsed({ HOST: '::1' }))).toBe('http://[::1]:3000');
  });
});

describe('loadSessionSecrets', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses SESSION_SECRET when set', () => {
    expect(loadSessionSecrets({ SESSION_SECRET: [secret], DATA_DIR: '/nonexistent' })).toEqual([
      secret,
    ]);
  });

  it('generates a secret once, keeps it private under DATA_DIR and reuses it', () => {
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'innerloop-env-')), 'nested');
    const first = loadSessionSecrets({ SESSION_SECRET: undefined, DATA_DIR: dataDir });
    const second = loadSessionSecrets({ SESSION_SECRET: undefined, DATA_DIR: dataDir });
    expect(first).toEqual(second);
    expect(first[0]?.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'session-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a kept secret', 's'.repeat(40)],
    ['a secret too short to keep', 'short'],
  ])('makes %s left readable by others private again', (_case, content) => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'innerloop-env-'));
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'session-secret');
    writeFileSync(file, `${content}\n`, { mode: 0o644 });
    expect(statSync(file).mode & 0o077).not.toBe(0);
    loadSessionSecrets({ SESSION_SECRET: undefined, DATA_DIR: dataDir });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('environmentVariables', () => {
  it('lists exactly the variables the schema reads', () => {
    const names = environmentVariables.map((variable) => variable.name);
    expect(names).toEqual([
      'PORT',
      'HOST',
      'NODE_ENV',
      'MONGODB_URI',
      'DATA_DIR',
      'SESSION_SECRET',
      'LOG_LEVEL',
      'APP_URL',
      'TRUST_PROXY',
      'SMTP_URL',
      'MAIL_OUTBOX',
      'MAIL_FROM',
      'DEMO',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are all documented in the README section', () => {
    // The section is drafted in docs/ and merged into README.md; check wherever it lives now.
    const draft = path.resolve('docs/README-app-section.md');
    const readme = readFileSync(existsSync(draft) ? draft : path.resolve('README.md'), 'utf8');
    for (const { name } of environmentVariables) expect(readme).toContain(`\`${name}\``);
  });
});
