import type {
  CommandStartedEvent,
  Db,
  Document,
  MongoClientOptions,
  OptionalUnlessRequiredId,
} from 'mongodb';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';

import type { Target, TargetOptions } from './harness.js';
import { connectTarget, uniqueDbName } from './harness.js';

export interface DriverContext {
  target: Target;
  client: MongoClient;
  db: Db;
  dbName: string;
  /** Every command the client sent, in order (command monitoring). */
  commands: CommandStartedEvent[];
}

/**
 * One target, one driver client and one database per test file; the database is dropped after.
 * Call at the top level of a test file and read the context inside tests.
 */
export function setupDriverDb(
  fileUrl: string,
  options: MongoClientOptions = {},
  targetOptions: TargetOptions = {},
): () => DriverContext {
  let ctx: DriverContext | undefined;
  beforeAll(async () => {
    const target = await connectTarget(targetOptions);
    const client = new MongoClient(target.uri, {
      monitorCommands: true,
      serverSelectionTimeoutMS: 10_000,
      ...options,
    });
    const commands: CommandStartedEvent[] = [];
    client.on('commandStarted', (event) => commands.push(event));
    await client.connect();
    const dbName = uniqueDbName(fileUrl);
    ctx = { target, client, db: client.db(dbName), dbName, commands };
  });
  afterAll(async () => {
    if (!ctx) return;
    try {
      await ctx.db.dropDatabase();
    } finally {
      await ctx.client.close();
      await ctx.target.cleanup();
    }
  });
  return () => {
    if (!ctx) throw new Error('driver context used outside a test');
    return ctx;
  };
}

/** Names of the commands sent since `from` (an index into ctx.commands). */
export function commandNamesSince(ctx: DriverContext, from: number): string[] {
  return ctx.commands.slice(from).map((event) => event.commandName);
}

/** A collection of the file's database holding `docs`, for a test to work on. */
export async function seededCollection<T extends Document>(
  ctx: () => DriverContext,
  name: string,
  docs: OptionalUnlessRequiredId<T>[],
) {
  const coll = ctx().db.collection<T>(name);
  await coll.insertMany(docs);
  return coll;
}
