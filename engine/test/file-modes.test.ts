// Who can read the data on disk: the journal holds every write in order, so reading it is reading
// the database. The folder is 0700 and every file the engine writes 0600, whatever the umask.
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { startEngine, URI_FILE } from '../src/index.js';
import { embeddedOnly, makeTempDir, quietLogger, removeDir } from './harness.js';

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

/**
 * Every entry of the folder with its permission bits, e.g. { 'journal-00000001.log': 0o600 }.
 * A file that compaction removes between the listing and its stat is simply not there.
 */
async function modes(dir: string): Promise<Record<string, number>> {
  const names = await readdir(dir);
  const entries = await Promise.all(
    names.map(async (name): Promise<[string, number][]> => {
      try {
        return [[name, await modeOf(path.join(dir, name))]];
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
        throw error;
      }
    }),
  );
  return Object.fromEntries(entries.flat());
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(embeddedOnly)('data folder and file modes (embedded engine)', () => {
  it('creates a new data folder 0700 and every file in it 0600, snapshots included', async () => {
    const parent = await makeTempDir('modes');
    // Loose on purpose: the engine must not inherit the umask's view of what others may read.
    const previous = process.umask(0o022);
    const dataDir = path.join(parent, 'new', 'engine');
    try {
      const engine = await startEngine({
        dataDir,
        compactAfterBytes: 16 * 1024,
        logger: quietLogger([]),
      });
      try {
        expect(await modeOf(dataDir)).toBe(0o700);
        expect(await modeOf(path.join(parent, 'new'))).toBe(0o700);
        const client = await MongoClient.connect(engine.uri);
        const people = client.db('modes').collection('people');
        // Past compactAfterBytes: the journal rotates and a snapshot is written.
        for (let batch = 0; batch < 10; batch++) {
          await people.insertMany(
            Array.from({ length: 50 }, (_, i) => ({ batch, i, note: 'x'.repeat(100) })),
          );
        }
        await client.close();
        await waitFor(
          async () => (await readdir(dataDir)).some((name) => name.startsWith('snapshot-')),
          'a snapshot',
        );
        const files = await modes(dataDir);
        expect(Object.keys(files)).toEqual(
          expect.arrayContaining(['engine.lock', URI_FILE, expect.stringMatching(/^journal-/)]),
        );
        expect(Object.keys(files).some((name) => name.startsWith('snapshot-'))).toBe(true);
        for (const [name, mode] of Object.entries(files)) expect(mode, name).toBe(0o600);
        expect(await readFile(engine.uriFile, 'utf8')).toBe(`${engine.uri}\n`);
      } finally {
        await engine.stop();
      }
      // The credential dies with the start: its file goes too.
      expect(await readdir(dataDir)).not.toContain(URI_FILE);
    } finally {
      process.umask(previous);
      await removeDir(parent);
    }
  });

  it('tightens an existing 0755 folder and the 0644 files an older engine left in it', async () => {
    const parent = await makeTempDir('modes-existing');
    const dataDir = path.join(parent, 'engine');
    try {
      // A folder as an earlier engine left it: world-readable, with its journal and a stale URI.
      const first = await startEngine({ dataDir, auth: false, logger: quietLogger([]) });
      const client = await MongoClient.connect(first.uri);
      await client.db('modes').collection('people').insertOne({ name: 'Ann' });
      await client.close();
      await first.stop();
      await chmod(dataDir, 0o755);
      for (const name of await readdir(dataDir)) await chmod(path.join(dataDir, name), 0o644);
      await writeFile(path.join(dataDir, URI_FILE), 'stale', { mode: 0o644 });

      const engine = await startEngine({ dataDir, logger: quietLogger([]) });
      try {
        expect(await modeOf(dataDir)).toBe(0o700);
        for (const [name, mode] of Object.entries(await modes(dataDir))) {
          expect(mode, name).toBe(0o600);
        }
        const again = await MongoClient.connect(engine.uri);
        expect(await again.db('modes').collection('people').countDocuments()).toBe(1);
        await again.close();
      } finally {
        await engine.stop();
      }
    } finally {
      await removeDir(parent);
    }
  });
});
