import { createHash } from 'node:crypto';

/**
 * The browser keeps unsent answers under this key: a hash of the link with a label of its own, so
 * neither the token nor its stored hash ever sits in localStorage.
 */
export function draftKeyFor(link: string): string {
  return `innerloop-draft-${createHash('sha256').update(`answer-draft\n${link}`).digest('base64url').slice(0, 24)}`;
}
