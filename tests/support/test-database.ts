import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import mongoose from 'mongoose';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { createLogger } from '../../app/utils/log.server';
import { connectDatabase, disconnectDatabase } from '../../models/connection.server';

/**
 * Connects this test file to its own database through the real driver — the embedded engine in a
 * temporary folder, or MONGODB_URI when set — named after the test worker, and empties it after
 * every test. Call once at the top of a test file.
 */
export function setupTestDatabase(label: string): void {
  const worker = process.env.VITEST_POOL_ID ?? '0';
  const dataDir = mkdtempSync(path.join(tmpdir(), `innerloop-${label}-${worker}-`));

  beforeAll(async () => {
    await connectDatabase({
      uri: process.env.MONGODB_URI || undefined,
      dataDir,
      dbName: `innerloop-${label}-${worker}`,
      localMongod: null,
      logger: createLogger('silent'),
    });
    // Unique and TTL indexes are part of what is tested; build them before the first test.
    await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
  });

  afterEach(async () => {
    await emptyDatabase();
  });

  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await disconnectDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/** Removes every document and keeps the collections and their indexes. */
export async function emptyDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  await Promise.all(collections.map(({ name }) => db.collection(name).deleteMany({})));
}
