import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import type { RunningEngine } from '../src/index.js';
import { startEngine } from '../src/index.js';
import { spawnEngineChild } from './engine-child.js';

export type TargetKind = 'embedded' | 'external';

export interface Target {
  uri: string;
  kind: TargetKind;
  /** The running embedded engine; undefined when MONGODB_URI points at a real server. */
  engine?: RunningEngine;
  /** Messages the embedded engine logged (kept out of the console so tests stay quiet). */
  logs: string[];
  cleanup(): Promise<void>;
}

/** True when the suite runs against a real MongoDB named by MONGODB_URI. */
const externalUri: string | undefined = process.env.MONGODB_URI || undefined;

/** For tests that need the embedded engine itself (crash, lock, journal, fuzz). */
export const embeddedOnly = externalUri !== undefined;

export function quietLogger(logs: string[]): { info(m: string): void; error(m: string): void } {
  return {
    info: (m: string) => void logs.push(`info: ${m}`),
    error: (m: string) => void logs.push(`error: ${m}`),
  };
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `innerloop-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

export interface TargetOptions {
  /**
   * Run the embedded engine in a child process, for suites sending requests that might crash
   * it: a crash then fails those tests instead of killing the test runner.
   */
  isolated?: boolean;
  /**
   * `false` runs the embedded engine without authentication, for suites that speak raw wire
   * frames on fresh sockets: they test framing and commands, not access (auth.test.ts does that).
   * Driver suites keep it on and authenticate through the credential in `uri`.
   */
  auth?: false;
}

/** The real MongoDB from MONGODB_URI, or a fresh embedded engine on a free port and temp folder. */
export async function connectTarget(options: TargetOptions = {}): Promise<Target> {
  const logs: string[] = [];
  if (externalUri !== undefined) {
    return { uri: externalUri, kind: 'external', logs, cleanup: async () => {} };
  }
  const dataDir = await makeTempDir('conf');
  if (options.isolated) {
    const child = await spawnEngineChild(dataDir, { auth: options.auth });
    return {
      uri: child.uri,
      kind: 'embedded',
      logs,
      cleanup: async () => {
        await child.stop(3000);
        await removeDir(dataDir);
      },
    };
  }
  const engine = await startEngine({
    dataDir,
    port: 0,
    logger: quietLogger(logs),
    ...(options.auth === false ? { auth: false as const } : {}),
  });
  return {
    uri: engine.uri,
    kind: 'embedded',
    engine,
    logs,
    cleanup: async () => {
      await engine.stop();
      await removeDir(dataDir);
    },
  };
}

/** A database name unique to one test file and run, e.g. conf_driver_find_1a2b3c4d. */
export function uniqueDbName(fileUrl: string): string {
  const file = basename(new URL(fileUrl).pathname)
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-zA-Z0-9]/g, '_')
    .slice(0, 30);
  return `conf_${file}_${randomBytes(4).toString('hex')}`;
}
