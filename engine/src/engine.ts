import path from 'node:path';

import { type EngineLogger, streamLogger } from './logger.js';
import { WireServer } from './server.js';
import { acquireLock } from './storage/lock.js';
import { Store } from './storage/store.js';
import { startExpiry } from './storage/ttl.js';

export type { EngineLogger };

export interface EngineOptions {
  /** Folder holding the journal, snapshots and lock file. Created if missing. */
  dataDir: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Compact the journal into a snapshot once it grows past this many bytes (64 MiB by default). */
  compactAfterBytes?: number;
  logger?: EngineLogger;
}

export interface RunningEngine {
  /** mongodb:// connection string for the driver or mongoose. */
  uri: string;
  host: string;
  port: number;
  dataDir: string;
  /** Stops accepting connections, closes the open ones, flushes and closes the journal, releases the lock. */
  stop(): Promise<void>;
}

const DEFAULT_COMPACT_AFTER = 64 * 1024 * 1024;

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const dataDir = path.resolve(options.dataDir);
  const logger = options.logger ?? streamLogger;
  const host = options.host ?? '127.0.0.1';
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dataDir, { recursive: true });
  const release = acquireLock(dataDir);
  let store: Store;
  try {
    store = await Store.open({
      dataDir,
      compactAfterBytes: options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER,
      logger,
    });
  } catch (error) {
    release();
    throw error;
  }
  const server = new WireServer(store, logger);
  let port: number;
  try {
    ({ port } = await server.listen(options.port ?? 0, host));
  } catch (error) {
    await store.close();
    release();
    throw error;
  }
  const stopExpiry = startExpiry(store, logger);
  const uriHost = host.includes(':') ? `[${host}]` : host;
  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://${uriHost}:${port}/?directConnection=true`,
    host,
    port,
    dataDir,
    stop() {
      stopping ??= (async () => {
        stopExpiry();
        await server.close();
        await store.close();
        release();
      })();
      return stopping;
    },
  };
}
