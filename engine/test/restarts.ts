import { MongoClient, type MongoClientOptions } from 'mongodb';

import type { RunningEngine } from '../src/index.js';
import { startEngine } from '../src/index.js';
import { quietLogger } from './harness.js';

// For suites that stop an embedded engine and start another on the same data folder.

/** An engine on `dataDir`, compacting past `compactAfterBytes` when given, logging nowhere. */
export function start(dataDir: string, compactAfterBytes?: number): Promise<RunningEngine> {
  return startEngine({ dataDir, port: 0, compactAfterBytes, logger: quietLogger([]) });
}

/** Runs `fn` with a client of `engine`, closed afterwards whatever happens. */
export async function session<T>(
  engine: RunningEngine,
  fn: (client: MongoClient) => Promise<T>,
  options: MongoClientOptions = {},
): Promise<T> {
  const client = new MongoClient(engine.uri, options);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
