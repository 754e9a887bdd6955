import type { Server } from 'node:http';

import type { Logger } from '../app/utils/log.server';

export interface ShutdownOptions {
  server: Server;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Runs once the server has stopped taking requests: close the database, stop the engine. */
  cleanup: () => Promise<void>;
  /** How long open requests may take to finish before their connections are cut. */
  drainTimeoutMs?: number;
  exit?: (code: number) => void;
}

/**
 * Returns the handler for SIGTERM and SIGINT: stop accepting connections, let open requests
 * finish (cutting them after drainTimeoutMs), run cleanup, then exit 0 (1 if cleanup failed).
 */
export function gracefulShutdown({
  server,
  logger,
  cleanup,
  drainTimeoutMs = 10_000,
  exit = (code) => process.exit(code),
}: ShutdownOptions): (signal: string) => Promise<void> {
  let shuttingDown = false;

  return async (signal) => {
    if (shuttingDown) {
      logger.warn(`${signal} received again; still shutting down`);
      return;
    }
    shuttingDown = true;
    logger.info(`${signal} received: finishing open requests, then stopping`);

    // Requests arriving on kept-alive connections are still answered, but close their connection.
    server.on('request', (_request, response: { setHeader(name: string, value: string): void }) => {
      response.setHeader('Connection', 'close');
    });
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      logger.warn(`Requests still open after ${drainTimeoutMs}ms; closing their connections`);
      server.closeAllConnections();
    }, drainTimeoutMs);

    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearInterval(idleSweep);
    clearTimeout(deadline);

    try {
      await cleanup();
    } catch (error) {
      logger.error(
        `Shutdown cleanup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      exit(1);
      return;
    }
    logger.info('Stopped');
    exit(0);
  };
}
