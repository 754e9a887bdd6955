import { describe, expect, it } from 'vitest';

import { applyUpdate } from './update-doc.js';

describe('applyUpdate', () => {
  it('lets an upsert choose its _id through $setOnInsert', () => {
    const { doc } = applyUpdate(
      undefined,
      { $setOnInsert: { _id: 'chosen', n: 1 } },
      { email: 'a' },
      undefined,
    );
    expect(doc).toEqual({ _id: 'chosen', email: 'a', n: 1 });
  });

  it('refuses to change the _id of an existing document', () => {
    expect(() =>
      applyUpdate({ _id: 1, a: 1 }, { $set: { _id: 2 } }, { _id: 1 }, undefined),
    ).toThrow(/immutable field '_id'/);
  });

  it('does not change the stored document it starts from', () => {
    const stored = { _id: 1, tags: ['a'], nested: { n: 1 } };
    applyUpdate(stored, { $push: { tags: 'b' }, $inc: { 'nested.n': 1 } }, { _id: 1 }, undefined);
    expect(stored).toEqual({ _id: 1, tags: ['a'], nested: { n: 1 } });
  });
});
