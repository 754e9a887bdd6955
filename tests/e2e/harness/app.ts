import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
export const builtServer = path.join(root, 'build', 'server.js');

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the app wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then wait for the exit code (SIGKILL after the timeout). */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface StartAppOptions {
  /** Extra environment; MONGODB_URI is cleared unless given here. */
  env?: Record<string, string>;
  /** Defaults to a fresh temporary folder, removed by stop(). */
  dataDir?: string;
  readyTimeoutMs?: number;
}

/** A free TCP port on loopback (free when asked; the app takes it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('Could not find a free port');
  return address.port;
}

/**
 * Starts the built app (build/server.js, as `npm start` runs it) on a free port with its own
 * data folder, and resolves once /healthz answers 200.
 */
export async function startApp({
  env = {},
  dataDir,
  readyTimeoutMs = 60_000,
}: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(builtServer)) {
    throw new Error(
      `${builtServer} is missing: run \`npm run build\` first (npm run test:e2e does).`,
    );
  }
  const ownDataDir = dataDir === undefined;
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'innerloop-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';

  const child = spawn(process.execPath, [builtServer], {
    cwd: root,
    env: {
      ...process.env,
      MONGODB_URI: '',
      NODE_ENV: 'production',
      // Production needs SMTP_URL or MAIL_OUTBOX=on; the global setup gives its app an SMTP_URL.
      MAIL_OUTBOX: 'on',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dir,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const stop = async (timeoutMs = 20_000) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    if (ownDataDir) rmSync(dir, { recursive: true, force: true });
    return code;
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The app exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    const status = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { url, dataDir: dir, process: child, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The app was not ready within ${readyTimeoutMs}ms:\n${output}`);
}
