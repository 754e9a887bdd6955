import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { embeddedOnly, makeTempDir, removeDir } from './harness.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function runCli(
  dataDir: string,
  extra: string[] = [],
): {
  proc: ChildProcess;
  uri: Promise<string>;
  exited: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
} {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'engine/src/cli.ts', '--port', '0', '--data', dataDir, ...extra],
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
  return { proc, uri, exited, stdout: () => out, stderr: () => err };
}

/** Runs a command and returns its error code, or 'ok'. */
async function outcome(attempt: () => Promise<unknown>): Promise<unknown> {
  return attempt().then(
    () => 'ok',
    (error: unknown) => (error as { code?: unknown }).code,
  );
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

  it('prints a URI with a new credential each start, and refuses clients without it', async () => {
    const dataDir = await makeTempDir('cli-auth');
    const passwords: string[] = [];
    try {
      for (let start = 0; start < 2; start++) {
        const cli = runCli(dataDir);
        try {
          const uri = await cli.uri;
          const url = new URL(uri.replace(/^mongodb:/, 'http:'));
          expect(url.username).toBe('innerloop');
          expect(url.searchParams.get('authSource')).toBe('admin');
          passwords.push(url.password);
          // The same URI, owner-only, beside the data, for tools started later.
          const uriFile = path.join(dataDir, 'mongodb-uri.txt');
          expect(cli.stdout()).toContain(uriFile);
          expect(await readFile(uriFile, 'utf8')).toBe(`${uri}\n`);
          expect((await stat(uriFile)).mode & 0o777).toBe(0o600);

          const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
          await client.db('cli').collection('c').insertOne({ start });
          await client.close();
          const anonymous = new MongoClient(`mongodb://${url.host}/?directConnection=true`, {
            serverSelectionTimeoutMS: 5000,
          });
          expect(await outcome(() => anonymous.db('cli').collection('c').findOne())).toBe(13);
          await anonymous.close();
          cli.proc.kill('SIGTERM');
          expect(await cli.exited).toBe(0);
        } finally {
          cli.proc.kill('SIGKILL');
        }
      }
      expect(passwords[0]).toMatch(/^[\w-]{43}$/);
      expect(passwords[1]).not.toBe(passwords[0]);
    } finally {
      await removeDir(dataDir);
    }
  });

  it('with --no-auth serves anyone, says so, and prints no credential', async () => {
    const dataDir = await makeTempDir('cli-noauth');
    const cli = runCli(dataDir, ['--no-auth']);
    try {
      const uri = await cli.uri;
      expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\?directConnection=true$/);
      const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
      await client.db('cli').collection('c').insertOne({ open: true });
      expect(await client.db('cli').collection('c').countDocuments()).toBe(1);
      await client.close();
      expect(cli.stderr()).toMatch(/No authentication \(--no-auth\)/);
      cli.proc.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
    } finally {
      cli.proc.kill('SIGKILL');
      await removeDir(dataDir);
    }
  });
});
