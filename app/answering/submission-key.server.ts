import { createHmac } from 'node:crypto';

import { getEnv, loadSessionSecrets } from '../utils/env.server';

// The key that lets a second submission for the same invite collide with the first while it is
// being stored. An HMAC, not the invite id: someone with a copy of the database cannot tell which
// invite a half-stored response belongs to without the server's secret. Derived from the session
// secrets with a label of its own, so it is never the cookie-signing key itself.

const label = 'innerloop/response-submission-key/v1';

let keys: Buffer[] | undefined;

function derivedKeys(): Buffer[] {
  return (keys ??= loadSessionSecrets(getEnv()).map((secret) =>
    createHmac('sha256', secret).update(label).digest(),
  ));
}

/** The submission key of an invite, under the current secret (the first one). */
export function submissionKeyFor(inviteId: string): string {
  const [current] = derivedKeys();
  if (!current) throw new Error('No session secret to derive the submission key from');
  return createHmac('sha256', current).update(inviteId).digest('base64url');
}

/** Every key an invite may carry: one per secret, so a rotated secret still recovers. */
export function submissionKeysFor(inviteId: string): string[] {
  return derivedKeys().map((key) => createHmac('sha256', key).update(inviteId).digest('base64url'));
}
