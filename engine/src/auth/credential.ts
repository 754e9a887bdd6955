import { randomBytes } from 'node:crypto';

/** The one user an engine accepts, defined for this start only (nothing about it is stored). */
export interface Credential {
  username: string;
  password: string;
}

/** Where the user is defined: clients connect with `authSource=admin`, as for a mongod root user. */
export const AUTH_DATABASE = 'admin';

const DEFAULT_USERNAME = 'innerloop';

/** A fresh credential: 256 random bits, URL-safe so it needs no escaping in a connection string. */
export function generateCredential(): Credential {
  return { username: DEFAULT_USERNAME, password: randomBytes(32).toString('base64url') };
}

/**
 * Refuses names and passwords that SCRAM would carry differently on each side. The driver escapes
 * only the first `=` or `,` of a username, and SASLprep (which the driver applies to the password)
 * leaves printable ASCII unchanged, so within these limits client and engine hash the same bytes
 * without the engine needing a SASLprep implementation of its own.
 */
export function checkCredential(credential: Credential): void {
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(credential.username)) {
    throw new Error(
      'engine: the username must be 1 to 64 letters, digits or . _ @ - (no spaces, = or ,)',
    );
  }
  if (!/^[\x20-\x7e]{12,256}$/.test(credential.password)) {
    throw new Error('engine: the password must be 12 to 256 printable ASCII characters');
  }
}

/** The connection string a driver, mongosh or Compass uses; with the credential when there is one. */
export function connectionUri(host: string, port: number, credential: Credential | false): string {
  const uriHost = host.includes(':') ? `[${host}]` : host;
  if (!credential) return `mongodb://${uriHost}:${port}/?directConnection=true`;
  const user = encodeURIComponent(credential.username);
  const password = encodeURIComponent(credential.password);
  return `mongodb://${user}:${password}@${uriHost}:${port}/?authSource=${AUTH_DATABASE}&directConnection=true`;
}
