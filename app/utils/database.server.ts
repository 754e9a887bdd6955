import type { ConnectOptions } from '../../models/connection.server';
import { type Env, getEnv } from './env.server';
import { createLogger, type Logger } from './log.server';

/**
 * Where the app and its scripts keep their data, from the environment (MONGODB_URI, DATA_DIR,
 * LOG_LEVEL). The embedded engine, when used, runs in a thread of its own: a core for requests,
 * one for data.
 */
export function databaseOptions(
  env: Env = getEnv(),
  logger: Logger = createLogger(env.LOG_LEVEL),
): ConnectOptions {
  return { uri: env.MONGODB_URI, dataDir: env.DATA_DIR, logger, engineThread: true };
}
