// The server side of SCRAM-SHA-256 (RFC 5802 with RFC 7677's hash), as MongoDB speaks it: no
// channel binding, usernames taken as sent, the password hashed as given (see credential.ts).
import { createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

import type { Credential } from './credential.js';

export const SCRAM_SHA_256 = 'SCRAM-SHA-256';

/** MongoDB's default iteration count for SCRAM-SHA-256 (drivers refuse fewer than 4096). */
const ITERATIONS = 15_000;
const SALT_BYTES = 28;
const NONCE_BYTES = 24;
/**
 * The gs2 headers accepted: no channel binding ('n', or 'y' from a client that could bind but
 * thinks this server cannot, which is true) and no authorisation identity.
 */
const GS2_HEADERS = ['n,,', 'y,,'];

/** What the engine keeps of a password: enough to check a proof, not to recover the password. */
export interface ScramUser {
  username: string;
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

/** Thrown for anything that ends a conversation without authenticating; the client learns no more. */
export class ScramFailure extends Error {}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** Derives the keys once per start, so each connection's authentication costs two HMACs. */
export async function scramUser(
  credential: Credential,
  salt = randomBytes(SALT_BYTES),
  iterations = ITERATIONS,
): Promise<ScramUser> {
  const salted = await promisify(pbkdf2)(credential.password, salt, iterations, 32, 'sha256');
  return {
    username: credential.username,
    salt,
    iterations,
    storedKey: sha256(hmac(salted, 'Client Key')),
    serverKey: hmac(salted, 'Server Key'),
  };
}

/** `a=1,b=2` into its attributes; SCRAM attribute names are single letters. */
function attributes(message: string): { name: string; value: string }[] {
  return message.split(',').map((part) => {
    if (!/^[A-Za-z]=/.test(part)) throw new ScramFailure(`malformed SCRAM attribute '${part}'`);
    return { name: part[0] ?? '', value: part.slice(2) };
  });
}

/** A saslname with `=2C` and `=3D` turned back into `,` and `=`; any other `=` is malformed. */
function decodeSaslName(value: string): string {
  if (/=(?!2C|3D)/.test(value)) throw new ScramFailure('malformed username');
  return value.replace(/=2C/g, ',').replace(/=3D/g, '=');
}

/**
 * One authentication attempt on one connection: created from the client's first message (which
 * it answers with the salt and nonce), finished by the client's proof (answered with the server's
 * signature, which proves to the client that the engine knows the password too).
 */
export class ScramConversation {
  readonly serverFirst: string;
  private readonly user: ScramUser;
  private readonly gs2Header: string;
  private readonly clientFirstBare: string;
  private readonly nonce: string;

  private constructor(user: ScramUser, gs2Header: string, clientFirstBare: string, nonce: string) {
    this.user = user;
    this.gs2Header = gs2Header;
    this.clientFirstBare = clientFirstBare;
    this.nonce = nonce;
    this.serverFirst = `r=${nonce},s=${user.salt.toString('base64')},i=${user.iterations}`;
  }

  /** Reads `n,,n=user,r=clientnonce`; a wrong username fails here, as it does on MongoDB. */
  static start(
    user: ScramUser,
    clientFirst: string,
    serverNonce = randomBytes(NONCE_BYTES).toString('base64'),
  ): ScramConversation {
    const gs2Header = GS2_HEADERS.find((header) => clientFirst.startsWith(header));
    if (!gs2Header) {
      throw new ScramFailure('channel binding and authorisation identities are not supported');
    }
    const bare = clientFirst.slice(gs2Header.length);
    const [name, nonce, ...extensions] = attributes(bare);
    if (name?.name !== 'n' || nonce?.name !== 'r' || extensions.some((e) => e.name === 'm')) {
      throw new ScramFailure('malformed client-first message');
    }
    // Printable ASCII other than ',' (RFC 5802's nonce); the client's random part must be there.
    if (!/^[\x21-\x2b\x2d-\x7e]+$/.test(nonce.value)) throw new ScramFailure('malformed nonce');
    if (decodeSaslName(name.value) !== user.username) throw new ScramFailure('unknown user');
    return new ScramConversation(user, gs2Header, bare, nonce.value + serverNonce);
  }

  /** Checks `c=biws,r=nonce,p=proof`; returns `v=signature` or throws ScramFailure. */
  finish(clientFinal: string): string {
    const proofAt = clientFinal.lastIndexOf(',p=');
    if (proofAt < 0) throw new ScramFailure('the client-final message has no proof');
    const withoutProof = clientFinal.slice(0, proofAt);
    const [binding, nonce] = attributes(withoutProof);
    if (binding?.name !== 'c' || binding.value !== Buffer.from(this.gs2Header).toString('base64')) {
      throw new ScramFailure('channel binding does not match');
    }
    if (nonce?.name !== 'r' || nonce.value !== this.nonce) {
      throw new ScramFailure('nonce does not match');
    }
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), 'base64');
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.user.storedKey, authMessage);
    if (proof.length !== clientSignature.length) throw new ScramFailure('malformed proof');
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++)
      clientKey[i] = (proof[i] ?? 0) ^ (clientSignature[i] ?? 0);
    if (!timingSafeEqual(sha256(clientKey), this.user.storedKey)) {
      throw new ScramFailure('wrong proof');
    }
    return `v=${hmac(this.user.serverKey, authMessage).toString('base64')}`;
  }
}
