import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import mongoose from 'mongoose';

import { generateCredential, startEngine, startEngineThread } from '../engine/src/index.js';
import { findLocalMongod, startLocalMongod } from './local-mongod.server';

export type EngineKind = 'embedded' | 'mongod' | 'external';

export interface DatabaseInfo {
  engine: EngineKind;
  /** Where the data lives: a data folder, or the MongoDB hosts (never credentials). */
  where: string;
  dbName: string;
}

/** Where the connection reports which engine it uses (the app's logger fits). */
export interface DatabaseLogger {
  debug(message: string): void;
  info(message: string): void;
  error(message: string): void;
}

// The caller says where to connect: the app and its scripts read it from the environment
// (databaseOptions in app/utils/database.server.ts), tests and benchmarks give their own.
export interface ConnectOptions {
  /** MONGODB_URI; when set, nothing local is started. */
  uri?: string;
  /** DATA_DIR: the local mongod or the embedded engine keep their data under it. */
  dataDir: string;
  /** Database name; defaults to the one in the URI, else `innerloop`. */
  dbName?: string;
  /** Path of a mongod to run; null skips the search and goes straight to the embedded engine. */
  localMongod?: string | null;
  logger: DatabaseLogger;
  /** Run the embedded engine in a worker thread, on a core of its own (the app server does). */
  engineThread?: boolean;
}

interface DatabaseState {
  connecting?: Promise<DatabaseInfo>;
  info?: DatabaseInfo;
  stopLocal?: () => Promise<void>;
}

// Kept on globalThis: the server and the Remix build each carry a copy of this module (and dev
// reloads make more), but there is one process-wide connection and one engine.
declare global {
  var innerloopDatabase: DatabaseState | undefined;
}
const state: DatabaseState = (globalThis.innerloopDatabase ??= {});

/**
 * Connects mongoose once per process: to MONGODB_URI when set, otherwise to a local mongod
 * when one is installed, otherwise to the embedded engine. Logs one line saying which.
 */
export function connectDatabase(options: ConnectOptions): Promise<DatabaseInfo> {
  state.connecting ??= connect(options).catch(async (error: unknown) => {
    state.connecting = undefined;
    await stopLocal();
    throw error;
  });
  return state.connecting;
}

async function connect(options: ConnectOptions): Promise<DatabaseInfo> {
  const { logger } = options;
  let uri: string;
  let info: DatabaseInfo;

  if (options.uri) {
    uri = options.uri;
    const dbName = options.dbName ?? databaseNameIn(uri) ?? 'innerloop';
    info = { engine: 'external', where: hostsOf(uri), dbName };
    logger.info(`Database: MongoDB at ${info.where} (MONGODB_URI), database ${dbName}`);
  } else {
    const dbName = options.dbName ?? 'innerloop';
    const binary = options.localMongod === undefined ? findLocalMongod() : options.localMongod;
    // The database lives under DATA_DIR: only the user the app runs as may read it.
    ownerOnlyDir(options.dataDir);
    if (binary) {
      const dbPath = path.join(options.dataDir, 'mongod');
      ownerOnlyDir(dbPath);
      const mongod = await startLocalMongod(binary, dbPath);
      state.stopLocal = () => mongod.stop();
      uri = mongod.uri;
      info = { engine: 'mongod', where: dbPath, dbName };
      logger.info(`Database: local mongod (${binary}), data in ${dbPath}, database ${dbName}`);
    } else {
      const dataDir = path.join(options.dataDir, 'engine');
      const engineOptions = {
        dataDir,
        port: 0,
        host: '127.0.0.1',
        // New at each start and never logged: without it, any local process could read every
        // answer or make itself an HR admin through the engine's port.
        auth: generateCredential(),
        // The engine says little at info, each line starting "engine: ": how long recovering the
        // data took and what it replayed, and a lock it took over from a crashed engine.
        logger: {
          info: (message: string) => logger.info(message),
          error: (message: string) => logger.error(message),
        },
      };
      const engine = options.engineThread
        ? await startEngineThread({
            ...engineOptions,
            // Every acknowledged write is already in the journal; without the engine the app can
            // only fail requests, so it stops and lets its supervisor start it again.
            onUnexpectedExit: (reason) => {
              logger.error(
                `The embedded engine stopped unexpectedly (${reason}); stopping the app`,
              );
              process.exitCode = 1;
              process.kill(process.pid, 'SIGTERM');
            },
          })
        : await startEngine(engineOptions);
      state.stopLocal = () => engine.stop();
      uri = engine.uri;
      info = { engine: 'embedded', where: engine.dataDir, dbName };
      // How a tool connects, without the password: the URI file is readable by this user only.
      logger.info(
        `Database: embedded engine on ${engine.host}:${engine.port}, data in ${engine.dataDir}, database ${dbName}; tools (mongosh, Compass) connect with the URI in ${engine.uriFile}`,
      );
    }
  }

  await mongoose.connect(uri, { dbName: info.dbName, serverSelectionTimeoutMS: 10_000 });
  state.info = info;
  return info;
}

/** Creates a folder (with its parents) that only its owner can open, tightening one that exists. */
function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch (error) {
    throw new Error(
      `Could not make ${dir} readable by its owner only (${String(error)}); set DATA_DIR to a folder the app's user owns`,
    );
  }
}

/** Closes mongoose and stops the local mongod or embedded engine this process started. */
export async function disconnectDatabase(): Promise<void> {
  const connecting = state.connecting;
  state.connecting = undefined;
  state.info = undefined;
  // Let a connection in progress settle first, so nothing is left running behind our back.
  await connecting?.catch(() => undefined);
  await mongoose.disconnect();
  await stopLocal();
}

async function stopLocal() {
  const stop = state.stopLocal;
  state.stopLocal = undefined;
  await stop?.();
}

/** Which engine this process uses and where its data lives; undefined before connecting. */
export function databaseInfo(): DatabaseInfo | undefined {
  return state.info;
}

/** True when the database answers a ping within the timeout. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (
    !state.info ||
    mongoose.connection.readyState !== mongoose.ConnectionStates.connected ||
    !db
  ) {
    return false;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db
        .admin()
        .ping()
        .then(() => true),
      timeout,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `mongodb+srv://cluster0.example.net` from a URI, without user, password, path or options. */
export function hostsOf(uri: string): string {
  const match = /^(mongodb(?:\+srv)?):\/\/(?:[^@/]*@)?([^/?]*)/.exec(uri);
  return match ? `${match[1]}://${match[2]}` : 'mongodb://(unparsable URI)';
}

/** The database named in a URI's path, if any. */
export function databaseNameIn(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?[^/?]*\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
