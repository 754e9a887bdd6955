import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import type { RequestHandler } from 'express';

const nonces = new WeakMap<ServerResponse, string>();

/** Gives each response a fresh nonce for the inline scripts Remix renders. */
export const assignNonce: RequestHandler = (_request, response, next) => {
  nonces.set(response, randomBytes(16).toString('base64'));
  next();
};

export function nonceFor(response: ServerResponse): string {
  const nonce = nonces.get(response);
  if (!nonce) throw new Error('assignNonce must run before anything that reads the nonce');
  return nonce;
}
