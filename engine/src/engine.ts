import { rm } from 'node:fs/promises';
import path from 'node:path';

import {
  checkCredential,
  connectionUri,
  type Credential,
  generateCredential,
} from './auth/credential.js';
import { scramUser } from './auth/scram.js';
import { guardRegexBacktracking } from './limits.js';
import { type EngineLogger, streamLogger } from './logger.js';
import { WireServer } from './server.js';
import { prepareDataDir, writePrivateFile } from './storage/files.js';
import { acquireLock } from './storage/lock.js';
import { Store } from './storage/store.js';
import { startExpiry } from './storage/ttl.js';

export type { Credential, EngineLogger };

/** Beside the data: the full connection string, credential included, for tools (mongosh, Compass). */
export const URI_FILE = 'mongodb-uri.txt';

export interface EngineOptions {
  /** Folder holding the journal, snapshots and lock file. Created if missing; made 0700. */
  dataDir: string;
  /**
   * The user every connection must authenticate as (SCRAM-SHA-256, in the admin database). Left
   * out, a random one is made for this start; `false` turns authentication off, so that any local
   * process can read and change everything: only for throwaway data.
   */
  auth?: Credential | false;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Compact the journal into a snapshot once it grows past this many bytes (64 MiB by default). */
  compactAfterBytes?: number;
  logger?: EngineLogger;
}

export interface RunningEngine {
  /** mongodb:// connection string for the driver or mongoose, with the credential: keep it secret. */
  uri: string;
  host: string;
  port: number;
  dataDir: string;
  /** The file in the data folder (owner-only) holding `uri`, for tools; removed on stop. */
  uriFile: string;
  /** Whether connections must authenticate. */
  auth: boolean;
  /** Stops accepting connections, closes the open ones, flushes and closes the journal, releases the lock. */
  stop(): Promise<void>;
}

const DEFAULT_COMPACT_AFTER = 64 * 1024 * 1024;

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const dataDir = path.resolve(options.dataDir);
  guardRegexBacktracking();
  const logger = options.logger ?? streamLogger;
  const host = options.host ?? '127.0.0.1';
  const credential = options.auth === undefined ? generateCredential() : options.auth;
  if (credential) checkCredential(credential);
  const user = credential ? await scramUser(credential) : undefined;
  await prepareDataDir(dataDir);
  const release = await acquireLock(dataDir, {
    onTakeover: (owner) =>
      logger.info(
        `engine: took over the lock of ${owner ? `process ${owner.pid}` : 'an unreadable lock file'}, which no longer runs`,
      ),
  });
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
  const server = new WireServer(store, logger, user);
  const uriFile = path.join(dataDir, URI_FILE);
  let port: number;
  let uri: string;
  try {
    ({ port } = await server.listen(options.port ?? 0, host));
    uri = connectionUri(host, port, credential);
    await writePrivateFile(uriFile, `${uri}\n`);
  } catch (error) {
    await server.close();
    await store.close();
    release();
    throw error;
  }
  const stopExpiry = startExpiry(store, logger);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    host,
    port,
    dataDir,
    uriFile,
    auth: credential !== false,
    stop() {
      stopping ??= (async () => {
        stopExpiry();
        await server.close();
        await store.close();
        // The credential dies with this start; the next start writes its own.
        await rm(uriFile, { force: true });
        release();
      })();
      return stopping;
    },
  };
}
