import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';

import { startEngine, startEngineThread } from '../src/index.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'engine-thread-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the engine in a worker thread', () => {
  it('serves the driver, and what it acknowledged is there after it stops', async () => {
    const quiet = { info: () => undefined, error: () => undefined };
    const threaded = await startEngineThread({ dataDir, logger: quiet });
    const client = await MongoClient.connect(threaded.uri);
    await client
      .db('t')
      .collection('c')
      .insertMany([{ _id: 1 }, { _id: 2 }] as never);
    await client.close();
    await threaded.stop();

    // The lock was released, so the same data opens in this thread.
    const inline = await startEngine({ dataDir, logger: quiet });
    const again = await MongoClient.connect(inline.uri);
    expect(await again.db('t').collection('c').countDocuments()).toBe(2);
    await again.close();
    await inline.stop();
  });

  it('reports a start that fails, such as a folder locked by another engine', async () => {
    const quiet = { info: () => undefined, error: () => undefined };
    const holder = await startEngine({ dataDir, logger: quiet });
    await expect(startEngineThread({ dataDir, logger: quiet })).rejects.toThrow();
    await holder.stop();
  });
});
