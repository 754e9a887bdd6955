import path from 'node:path';

import { announceSetup, prepareDatabase } from '../app/startup.server';
import { startScheduler } from '../app/surveys/scheduler.server';
import { databaseOptions } from '../app/utils/database.server';
import { appUrl, getEnv, loadSessionSecrets } from '../app/utils/env.server';
import { createLogger } from '../app/utils/log.server';
import {
  connectDatabase,
  databaseInfo,
  disconnectDatabase,
  pingDatabase,
} from '../models/connection.server';
import { createApp } from './app';
import { remixHandler } from './remix-handler';
import { gracefulShutdown } from './shutdown';

// The production entry (bundled to build/server.js) and the development one (run by tsx).
const env = getEnv();
const logger = createLogger(env.LOG_LEVEL);

async function start() {
  // Fails early, before anything listens, if DATA_DIR is not writable.
  loadSessionSecrets(env);
  await connectDatabase(databaseOptions(env, logger));
  await prepareDatabase({ env, logger });

  const app = createApp({
    logger,
    remix: await remixHandler({
      // `remix dev` sets REMIX_DEV_ORIGIN for the server it runs; then rebuilds are live-reloaded.
      liveReload: Boolean(process.env.REMIX_DEV_ORIGIN),
      logger,
    }),
    health: { ping: () => pingDatabase(), info: databaseInfo },
    publicDir: path.resolve('public'),
    development: env.NODE_ENV === 'development',
    appUrl: env.APP_URL,
    trustProxy: env.TRUST_PROXY,
  });

  const server = app.listen(env.PORT, env.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  logger.info(`Innerloop listening on http://${env.HOST}:${env.PORT} (${env.NODE_ENV})`);
  await announceSetup({ appUrl: appUrl(env), logger });

  const scheduler = startScheduler({ logger });
  const shutdown = gracefulShutdown({
    server,
    logger,
    cleanup: async () => {
      await scheduler.stop();
      await disconnectDatabase();
    },
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void shutdown(signal));
  }
}

try {
  await start();
} catch (error) {
  logger.error(
    `Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  await disconnectDatabase().catch(() => undefined);
  process.exit(1);
}
