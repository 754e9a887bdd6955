import type { RequestHandler } from 'express';

import type { DatabaseInfo } from '../models/connection.server';

export interface HealthChecks {
  ping: () => Promise<boolean>;
  info: () => DatabaseInfo | undefined;
}

/**
 * GET /healthz: 200 with `{ ok: true, engine, ... }` when the database answers a ping, 503
 * otherwise. Says which engine runs but never where its data lives or how to reach it.
 */
export function healthz({ ping, info }: HealthChecks): RequestHandler {
  return (_request, response, next) => {
    const started = process.hrtime.bigint();
    ping()
      .then((up) => {
        const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
        response
          .status(up ? 200 : 503)
          .set('Cache-Control', 'no-store')
          .json({
            ok: up,
            engine: info()?.engine ?? null,
            database: up ? 'up' : 'down',
            pingMs: ms,
          });
      })
      .catch(next);
  };
}
