import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { embeddedOnly, makeTempDir, removeDir } from './harness.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function runCli(dataDir: string): {
  proc: ChildProcess;
  uri: Promise<string>;
  exited: Promise<number | null>;
} {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'engine/src/cli.ts', '--port', '0', '--data', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  let out = '';
  let err = '';
  proc.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const uri = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no connection string; stderr: ${err}`)),
      30_000,
    );
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /mongodb:\/\/\S+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    void exited.then((code) => reject(new Error(`cli exited (${code}): ${err}`)));
  });
  return { proc, uri, exited };
}

describe.skipIf(embeddedOnly)('engine CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its connection string, serves it, and stops cleanly on ${signal}`, async () => {
      const dataDir = await makeTempDir('cli');
      const cli = runCli(dataDir);
      try {
        const uri = await cli.uri;
        expect(uri).not.toMatch(/:0\//);
        const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
        await client.db('cli').collection('c').insertOne({ signal });
        await client.close();
        cli.proc.kill(signal);
        expect(await cli.exited).toBe(0);
        // The lock was released and the data kept: a second run sees the document.
        const again = runCli(dataDir);
        const client2 = new MongoClient(await again.uri, { serverSelectionTimeoutMS: 5000 });
        expect(await client2.db('cli').collection('c').countDocuments({ signal })).toBe(1);
        await client2.close();
        again.proc.kill('SIGTERM');
        expect(await again.exited).toBe(0);
      } finally {
        cli.proc.kill('SIGKILL');
        await removeDir(dataDir);
      }
    });
  }
});
