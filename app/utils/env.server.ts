import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

import { z } from 'zod';

/**
 * Every environment variable the app reads. The README section is written from this list;
 * a test keeps the two in step, so add a variable here first.
 */
export const environmentVariables = [
  {
    name: 'PORT',
    default: '3000',
    description: 'TCP port the HTTP server listens on (1–65535).',
  },
  {
    name: 'HOST',
    default: '127.0.0.1',
    description:
      'Interface the HTTP server listens on. Loopback by default so a fresh install is not exposed; set 0.0.0.0 in a container or behind a reverse proxy on another host.',
  },
  {
    name: 'NODE_ENV',
    default: 'development (npm start: a local trial)',
    description:
      'development, production or test. production needs SMTP_URL (or MAIL_OUTBOX=on) and seeds no demo unless DEMO=on. Left unset, npm start runs a local trial: production React, with MAIL_OUTBOX=on and, when MONGODB_URI is unset, DEMO=on.',
  },
  {
    name: 'MONGODB_URI',
    default: '(unset)',
    description:
      'mongodb:// or mongodb+srv:// connection string of a MongoDB to use (standalone, replica set or Atlas). Unset: a local mongod found without downloading, else the embedded engine, with data under DATA_DIR.',
  },
  {
    name: 'DATA_DIR',
    default: './.data',
    description:
      'Folder for local state: the embedded engine or local mongod data and the generated session secret.',
  },
  {
    name: 'SESSION_SECRET',
    default: '(generated)',
    description:
      'Secret that signs session cookies, at least 32 characters; a comma-separated list rotates secrets (the first signs). Unset: generated once and kept in DATA_DIR/session-secret. Required when NODE_ENV=production and MONGODB_URI is set, because several app instances then share one database and must share the secret.',
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    description: 'debug, info, warn, error or silent.',
  },
  {
    name: 'APP_URL',
    default: 'http://HOST:PORT',
    description:
      'Public address of the app, e.g. https://innerloop.example.com: the start of every link in e-mails, and an origin that form posts may come from. Set it behind a reverse proxy. Session cookies are marked Secure when it starts with https://, or when it is unset and NODE_ENV=production.',
  },
  {
    name: 'TRUST_PROXY',
    default: '(unset: trust no proxy)',
    description:
      "Which reverse proxies in front of the app to believe about the client address in X-Forwarded-For, as Express's trust proxy setting: a number of proxies (1 for one proxy), or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and subnets (e.g. loopback, 10.0.0.0/8). The sign-in and open-link limits count per client address; behind a proxy without this setting, every client shares the proxy's address. Unset: X-Forwarded-For is ignored.",
  },
  {
    name: 'SMTP_URL',
    default: '(unset)',
    description:
      'smtp:// or smtps:// address of the mail server that sends sign-in and survey e-mails, e.g. smtps://user:password@smtp.example.com:465. Unset: e-mails are not sent but kept in the outbox (see MAIL_OUTBOX). Required when NODE_ENV=production unless MAIL_OUTBOX=on.',
  },
  {
    name: 'MAIL_OUTBOX',
    default: 'on unless NODE_ENV=production',
    description:
      'on: while SMTP_URL is unset, e-mails are kept in an outbox that HR admins read at /settings/outbox instead of being sent. The outbox shows that a mail went out, never a personal link in it (survey links, password resets), so mail kept there reaches nobody. off: SMTP_URL is required. SMTP_URL, when set, always sends.',
  },
  {
    name: 'MAIL_FROM',
    default: 'Innerloop <innerloop@localhost>',
    description:
      'Sender of outgoing e-mails: an address, or a name and an address in angle brackets.',
  },
  {
    name: 'DEMO',
    default: 'on for the embedded engine outside production',
    description:
      'Seeds the demo organisation (about 200 people in 10 departments, with demo sign-ins printed once in the start-up log) into an empty database at start-up. Unset: only on the embedded engine, and never when NODE_ENV=production (npm start without NODE_ENV sets DEMO=on). on: on any database, a local mongod or MONGODB_URI too. off: never. A database that already has departments is never seeded.',
  },
] as const;

export type EnvironmentVariableName = (typeof environmentVariables)[number]['name'];

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const nodeEnvs = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof nodeEnvs)[number];

const onOff = z.enum(['on', 'off'], { errorMap: () => ({ message: 'must be on or off' }) });

const trustProxyMessage =
  'must be a number of proxies (e.g. 1), or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and subnets (e.g. loopback, 10.0.0.0/8)';
const proxyRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express's `trust proxy` takes it: false (trust nobody), a hop count, or the
 * addresses and subnets of trusted proxies. `true` (trust every hop) is refused: the client
 * writes the first X-Forwarded-For entry itself, so believing it lets anyone choose an address.
 */
function parseTrustProxy(value: string): false | number | string[] | null {
  if (/^\d{1,2}$/.test(value)) return Number(value) === 0 ? false : Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (proxyRanges.has(entry)) return true;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || extra !== undefined) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid ? entries : null;
}

// Empty strings count as unset: `PORT= npm start` should mean "the default", not "invalid".
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const schema = z
  .object({
    PORT: optional(
      z
        .string()
        .regex(/^\d+$/, 'must be an integer between 1 and 65535')
        .transform(Number)
        .refine((port) => port >= 1 && port <= 65535, 'must be an integer between 1 and 65535'),
    ).transform((port) => port ?? 3000),
    HOST: optional(
      z.string().regex(/^[\w.:[\]-]+$/, 'must be a host name or an IP address'),
    ).transform((host) => host ?? '127.0.0.1'),
    NODE_ENV: optional(
      z.enum(nodeEnvs, { errorMap: () => ({ message: `must be one of ${nodeEnvs.join(', ')}` }) }),
    ).transform((nodeEnv) => nodeEnv ?? 'development'),
    // The value is never echoed back: it may carry a password.
    MONGODB_URI: optional(
      z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must start with mongodb:// or mongodb+srv://'),
    ),
    DATA_DIR: optional(z.string()).transform((dir) => path.resolve(dir ?? '.data')),
    SESSION_SECRET: optional(
      z
        .string()
        .transform((value) => value.split(',').map((secret) => secret.trim()))
        .refine(
          (secrets) => secrets.every((secret) => secret.length >= 32),
          'must be at least 32 characters (each, when several are separated by commas)',
        ),
    ),
    LOG_LEVEL: optional(
      z.enum(logLevels, {
        errorMap: () => ({ message: `must be one of ${logLevels.join(', ')}` }),
      }),
    ).transform((level) => level ?? 'info'),
    APP_URL: optional(
      z
        .string()
        .regex(/^https?:\/\/[^/?#\s]+\/?$/, 'must be an http:// or https:// address without a path')
        .transform((url) => url.replace(/\/$/, '')),
    ),
    TRUST_PROXY: optional(
      z.string().transform((value, context) => {
        const parsed = parseTrustProxy(value.trim());
        if (parsed === null) {
          context.addIssue({ code: z.ZodIssueCode.custom, message: trustProxyMessage });
          return z.NEVER;
        }
        return parsed;
      }),
    ).transform((trust) => trust ?? false),
    // Like MONGODB_URI, never echoed back: it may carry a password.
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\/\S+$/, 'must start with smtp:// or smtps://')),
    MAIL_FROM: optional(
      z
        .string()
        .regex(
          /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
          'must be an e-mail address, or a name followed by an address in angle brackets',
        ),
    ).transform((from) => from ?? 'Innerloop <innerloop@localhost>'),
    // Unset means "on unless NODE_ENV=production"; checked against SMTP_URL below.
    MAIL_OUTBOX: optional(onOff),
    // Unset means "on for the embedded engine outside production"; the engine is only known
    // once connected (see app/demo/seed.server.ts).
    DEMO: optional(onOff),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && env.MONGODB_URI && !env.SESSION_SECRET) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SESSION_SECRET'],
        message: 'is required when NODE_ENV=production and MONGODB_URI is set',
      });
    }
    // Without a mail server, mail reaches nobody: in production that is a mistake to stop on,
    // unless the operator says the outbox is what they want.
    if (!env.SMTP_URL && env.NODE_ENV === 'production' && env.MAIL_OUTBOX !== 'on') {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SMTP_URL'],
        message:
          'must be set when NODE_ENV=production (or set MAIL_OUTBOX=on to keep e-mails in the outbox)',
      });
    } else if (!env.SMTP_URL && env.MAIL_OUTBOX === 'off') {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SMTP_URL'],
        message: 'must be set when MAIL_OUTBOX=off',
      });
    }
  });

export type Env = z.infer<typeof schema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; message: string };

/** Parses the variables; on failure the message is one line naming each wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const picked = Object.fromEntries(environmentVariables.map(({ name }) => [name, source[name]]));
  const result = schema.safeParse(picked);
  if (result.success) return { ok: true, env: result.data };
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
  );
  return { ok: false, message: `Invalid environment: ${problems.join('; ')}` };
}

let cached: Env | undefined;

/**
 * The validated environment. A wrong value is a deployment mistake nobody should have to dig
 * for, so it stops the process with one line on stderr and exit code 1.
 */
export function getEnv(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
  cached = result.env;
  return cached;
}

/**
 * The secrets that sign cookies: SESSION_SECRET when set, otherwise one generated on first run
 * and kept in DATA_DIR so sessions survive restarts. Whoever reads that file can sign a session
 * cookie for any staff member, so it is readable by its owner only (0600), and a file left
 * readable by an older version or a copy is tightened.
 */
export function loadSessionSecrets(env: Pick<Env, 'SESSION_SECRET' | 'DATA_DIR'>): string[] {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.join(env.DATA_DIR, 'session-secret');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) {
      keepPrivate(file);
      return [stored];
    }
  } catch (error) {
    if (!isMissingFile(error)) throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(env.DATA_DIR, { recursive: true, mode: 0o700 });
  // The mode applies only when the file is created; an existing (too short) one is tightened.
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  keepPrivate(file);
  return [secret];
}

function keepPrivate(file: string): void {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** The address links in e-mails start with: APP_URL, or where this server listens. */
export function appUrl(env: Pick<Env, 'APP_URL' | 'HOST' | 'PORT'>): string {
  if (env.APP_URL) return env.APP_URL;
  // 0.0.0.0 and :: listen everywhere but are no address a browser can open.
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${env.PORT}`;
}
