import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { z } from 'zod';

import { getEnv, loadSessionSecrets } from '../utils/env.server';

// The handle a reply form posts back to name a comment. Encrypted (AES-256-GCM, a fresh random IV
// each time), so a reader of the page learns nothing from it: not the response, not whether two
// comments share a response, not their order. The tag makes a forged or garbled handle fail to
// open instead of naming some other comment. The key is derived from the session secrets with a
// label of its own; every secret is tried on the way back, so rotating the secret keeps the refs
// of pages already open working until the old secret is dropped.

const label = 'innerloop/comment-ref/v1';
const ivBytes = 12;
const tagBytes = 16;

/** One comment: the text answer of one response to one question (for one rated department). */
export interface CommentAddress {
  responseId: string;
  questionId: string;
  /** The rated department of an internal-service question; null for the others. */
  providerDepartmentId: string | null;
}

let keys: Buffer[] | undefined;

function derivedKeys(): Buffer[] {
  return (keys ??= loadSessionSecrets(getEnv()).map((secret) =>
    createHmac('sha256', secret).update(label).digest(),
  ));
}

export function encodeCommentRef(address: CommentAddress): string {
  const [key] = derivedKeys();
  if (!key) throw new Error('No session secret to derive the comment key from');
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const plain = JSON.stringify([
    address.responseId,
    address.questionId,
    address.providerDepartmentId,
  ]);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The comment a ref names, or null for anything this server did not make. */
export function decodeCommentRef(ref: string): CommentAddress | null {
  if (ref.length > 1000 || !/^[\w-]+$/.test(ref)) return null;
  const bytes = Buffer.from(ref, 'base64url');
  if (bytes.length <= ivBytes + tagBytes) return null;
  const iv = bytes.subarray(0, ivBytes);
  const tag = bytes.subarray(ivBytes, ivBytes + tagBytes);
  const sealed = bytes.subarray(ivBytes + tagBytes);
  for (const key of derivedKeys()) {
    const plain = open(key, iv, tag, sealed);
    if (plain !== null) return addressOf(plain);
  }
  return null;
}

function open(key: Buffer, iv: Buffer, tag: Buffer, sealed: Buffer): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const storedAddress = z.tuple([z.string(), z.string(), z.string().nullable()]);

function addressOf(plain: string): CommentAddress | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch {
    return null;
  }
  const result = storedAddress.safeParse(parsed);
  if (!result.success) return null;
  const [responseId, questionId, providerDepartmentId] = result.data;
  return { responseId, questionId, providerDepartmentId };
}

/**
 * Where a comment sorts in the list: a keyed hash of its address, so the order looks random,
 * says nothing about when it was written, and stays the same across reloads and pages.
 */
export function commentSortKey(address: CommentAddress): string {
  const [key] = derivedKeys();
  if (!key) throw new Error('No session secret to derive the comment key from');
  return createHmac('sha256', key)
    .update(`order\u0000${address.responseId}\u0000${address.questionId}`)
    .update(`\u0000${address.providerDepartmentId ?? ''}`)
    .digest('base64url');
}
