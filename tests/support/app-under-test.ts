import { mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';

import { build } from '@remix-run/dev/dist/compiler/build.js';
import { createFileWatchCache } from '@remix-run/dev/dist/compiler/fileWatchCache.js';
import { readConfig } from '@remix-run/dev/dist/config.js';
import type { ServerBuild } from '@remix-run/node';

import { createLogger } from '../../app/utils/log.server';
import { databaseInfo, pingDatabase } from '../../models/connection.server';
import { createApp } from '../../server/app';
import { loadRemixBuild, requestHandlerFor } from '../../server/remix-handler';
import { serverUrl } from './server-url';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface AppUnderTest {
  url: string;
  /** The compiled Remix build: its `routes` are the app's real route manifest. */
  build: ServerBuild;
  close(): Promise<void>;
}

/**
 * The whole app in this process, as production runs it: the Remix app compiled from the current
 * sources (into a private folder, so it never races `npm run build`) behind the real Express
 * server, on a free port. The database is whatever this process is connected to.
 */
export async function startAppUnderTest(label: string): Promise<AppUnderTest> {
  const outDir = path.join(root, '.cache', 'test-builds', `${label}-${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const config = await readConfig(root);
  const serverBuildPath = path.join(outDir, 'remix', 'index.js');
  const assetsBuildDirectory = path.join(outDir, 'public', 'build');
  const silent = () => undefined;
  await build({
    config: {
      ...config,
      serverBuildPath,
      assetsBuildDirectory,
      relativeAssetsBuildDirectory: path.relative(root, assetsBuildDirectory),
      cacheDirectory: path.join(outDir, 'cache'),
    },
    options: { mode: 'production', sourcemap: false },
    fileWatchCache: createFileWatchCache(),
    logger: { debug: silent, info: silent, warn: silent, error: silent },
  });
  const remixBuild = await loadRemixBuild(serverBuildPath);

  const app = createApp({
    logger: createLogger('silent'),
    remix: requestHandlerFor(remixBuild),
    health: { ping: () => pingDatabase(), info: databaseInfo },
    publicDir: path.join(outDir, 'public'),
    development: false,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: serverUrl(server),
    build: remixBuild,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
