import { randomBytes } from 'node:crypto';

/**
 * The public key of a department's "You said, we did" board (/board/<key>): 128 random bits,
 * URL-safe, like a cycle's open link, so one department's board cannot be found from another's.
 */
export function newBoardKey(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether a value could be a board key at all; anything else is unknown without a lookup. */
export function isBoardKeyShaped(value: string): boolean {
  return /^[\w-]{16,64}$/.test(value);
}
