import type { RequestHandler } from 'express';
import helmet from 'helmet';

import { nonceFor } from './nonce';

/**
 * Helmet's headers with a strict content security policy: scripts only from this origin or
 * inline with the request's nonce, never 'unsafe-inline'. Must run after assignNonce.
 */
export function securityHeaders({ development }: { development: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: development
          ? // Remix's live reload talks to the dev server over a websocket on another port.
            ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*']
          : ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", (_request, response) => `'nonce-${nonceFor(response)}'`],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // Server-rendered style="" attributes (chart sizes and colours) need this; style
        // elements and stylesheets still come only from this origin.
        styleSrcAttr: ["'unsafe-inline'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        // No upgrade-insecure-requests: small installs often serve plain HTTP on a LAN or
        // behind a TLS-terminating proxy, where upgrading would break every asset.
      },
    },
  });
}
