import { randomUUID } from 'node:crypto';

import { describe, expect, it, vi } from 'vitest';

import { commentSortKey, decodeCommentRef, encodeCommentRef } from './comment-ref.server';

vi.stubEnv('SESSION_SECRET', 'comment-ref-test-secret-long-enough-to-use');

const address = {
  responseId: randomUUID(),
  questionId: 'q-text',
  providerDepartmentId: null,
};

describe('comment refs', () => {
  it('name the comment they were made for', () => {
    expect(decodeCommentRef(encodeCommentRef(address))).toEqual(address);
    const rated = { ...address, providerDepartmentId: '0123456789abcdef01234567' };
    expect(decodeCommentRef(encodeCommentRef(rated))).toEqual(rated);
  });

  it('differ every time, so a reader cannot tell two of the same comment or response apart', () => {
    const first = encodeCommentRef(address);
    const second = encodeCommentRef(address);
    const sibling = encodeCommentRef({ ...address, questionId: 'q-txt2' });
    expect(first).not.toBe(second);
    expect(first.slice(0, 16)).not.toBe(second.slice(0, 16));
    expect(sibling.slice(0, 16)).not.toBe(first.slice(0, 16));
    expect(first).not.toContain(address.responseId);
    expect(Buffer.from(first, 'base64url').toString('latin1')).not.toContain('q-text');
  });

  it('refuse anything tampered with, garbled or made up, without throwing', () => {
    const ref = encodeCommentRef(address);
    const bytes = Buffer.from(ref, 'base64url');
    for (const position of [0, 13, 30, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[position] = (tampered[position] ?? 0) ^ 1;
      expect(decodeCommentRef(tampered.toString('base64url')), `byte ${position}`).toBeNull();
    }
    for (const garbled of [
      '',
      'x',
      ref.slice(0, -2),
      `${ref}AA`,
      'not a ref at all!',
      '%00%ff',
      'A'.repeat(5000),
      Buffer.from(JSON.stringify([address.responseId, 'q-text', null])).toString('base64url'),
    ]) {
      expect(decodeCommentRef(garbled), garbled.slice(0, 20)).toBeNull();
    }
  });
});

describe('comment sort keys', () => {
  it('are the same for a comment every time and differ between comments of one response', () => {
    expect(commentSortKey(address)).toBe(commentSortKey({ ...address }));
    expect(commentSortKey(address)).not.toBe(commentSortKey({ ...address, questionId: 'q-txt2' }));
    expect(commentSortKey(address)).not.toContain(address.responseId);
  });
});
