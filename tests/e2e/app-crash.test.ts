import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import {
  emptyAcks,
  killUnderWriters,
  prepareWorkload,
  verifyWorkload,
} from '../../engine/test/crash-workload';
import { builtServer, freePort } from './harness/app';

const root = path.resolve(import.meta.dirname, '..', '..');
const DB = 'crash';

interface KilledApp {
  /** The app's own process (the engine runs in one of its worker threads). */
  pid: number;
  /** The engine's connection string, from the URI file the app's engine writes. */
  engineUri: string;
}

const parents: ChildProcess[] = [];
const pids: number[] = [];

/**
 * Starts the built app (build/server.js, as `npm start` runs it) on `dataDir` under a parent that
 * never reaps it, as a container init may not: once killed it stays a zombie. Resolves once
 * /healthz answers 200, i.e. its engine thread has opened the data folder.
 */
async function startUnreaped(dataDir: string): Promise<KilledApp> {
  const port = await freePort();
  let output = '';
  const parent = spawn(
    'sh',
    ['-c', '"$0" "$@" & echo "pid $!"; exec sleep 86400', process.execPath, builtServer],
    {
      cwd: root,
      env: {
        ...process.env,
        MONGODB_URI: '',
        NODE_ENV: 'production',
        MAIL_OUTBOX: 'on',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  parents.push(parent);
  parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  parent.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) {
      const pid = Number(/^pid (\d+)$/m.exec(output)?.[1]);
      pids.push(pid);
      const engineUri = readFileSync(path.join(dataDir, 'engine', 'mongodb-uri.txt'), 'utf8');
      return { pid, engineUri: engineUri.trim() };
    }
    if (/Could not start/.test(output)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The app did not start:\n${output}`);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}

// Issue 20: the engine in the app's worker thread, killed with the app as a supervisor would
// (SIGKILL) and started again at once, 20 times; the lock names the app's pid.
describe('the app killed under writers and started again at once', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'innerloop-app-crash-'));
  afterAll(() => {
    for (const pid of pids) signal(pid, 'SIGKILL');
    for (const parent of parents) parent.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'restarts every time and keeps every acknowledged write exactly once',
    { timeout: 900_000 },
    async () => {
      const acks = emptyAcks();
      let app = await startUnreaped(dataDir);
      await prepareWorkload(app.engineUri, DB);
      for (let round = 0; round < 20; round++) {
        const old = app;
        const { restarted, ops } = await killUnderWriters(
          old.engineUri,
          DB,
          `app${round}`,
          8,
          acks,
          200,
          () => signal(old.pid, 'SIGKILL'),
          () => startUnreaped(dataDir),
        );
        app = restarted;
        expect(ops, `round ${round}: writes before the kill`).toBeGreaterThan(0);
        await verifyWorkload(app.engineUri, DB, acks);
      }
      expect(acks.keys.size).toBeGreaterThan(0);
    },
  );
});
