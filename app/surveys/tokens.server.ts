import { createHash, randomBytes } from 'node:crypto';

/**
 * A new invite token (256 random bits, URL-safe) and the hash that is stored in its place.
 * The token goes into one e-mail or one printed link and is then forgotten.
 */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The public id of a cycle's open link: random, so nobody can guess another cycle's link. */
export function newKioskId(): string {
  return randomBytes(16).toString('base64url');
}
