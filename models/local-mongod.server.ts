import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface MongodSearch {
  env?: Record<string, string | undefined>;
  home?: string;
  cwd?: string;
}

/**
 * A `mongod` binary that mongodb-memory-server can use without downloading anything, or
 * undefined. Looks where mongodb-memory-server itself would: MONGOMS_SYSTEM_BINARY, the PATH,
 * MONGOMS_DOWNLOAD_DIR, ~/.cache/mongodb-binaries and node_modules/.cache/mongodb-memory-server.
 * Only the file system is read; nothing here reaches the network.
 */
export function findLocalMongod({
  env = process.env,
  home = homedir(),
  cwd = process.cwd(),
}: MongodSearch = {}): string | undefined {
  const systemBinary = env.MONGOMS_SYSTEM_BINARY;
  if (systemBinary && isExecutableFile(systemBinary)) return path.resolve(systemBinary);

  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'mongod');
    if (isExecutableFile(candidate)) return candidate;
  }

  const cacheDirs = [
    env.MONGOMS_DOWNLOAD_DIR,
    path.join(home, '.cache', 'mongodb-binaries'),
    path.join(cwd, 'node_modules', '.cache', 'mongodb-memory-server'),
  ];
  for (const dir of cacheDirs) {
    if (!dir) continue;
    const found = newestMongodIn(dir);
    if (found) return found;
  }
  return undefined;
}

function newestMongodIn(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  // mongodb-memory-server names its binaries mongod-<arch>-<dist>-<version>; the newest wins.
  return names
    .filter((name) => /^mongod(-[\w.-]+)?$/.test(name) && !name.endsWith('.md5'))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    .map((name) => path.join(dir, name))
    .find(isExecutableFile);
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface RunningMongod {
  uri: string;
  stop(): Promise<void>;
}

/** Starts the given mongod on a free loopback port, keeping its data in dbPath across runs. */
export async function startLocalMongod(binary: string, dbPath: string): Promise<RunningMongod> {
  // Loaded on demand: most runs use MONGODB_URI or the embedded engine and never need it.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create({
    binary: { systemBinary: binary },
    instance: { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
  });
  return {
    uri: server.getUri(),
    // doCleanup false: dbPath holds the user's data, not a scratch directory.
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}
