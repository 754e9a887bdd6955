import { describe, expect, it } from 'vitest';

import { batched, ItemFailed } from './batched.server';

describe('batched calls', () => {
  it('writes what arrives during a write as the next batch, in arrival order', async () => {
    const batches: number[][] = [];
    const write = batched<number, string>(async (batch) => {
      batches.push([...batch]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return batch.map((item) => `wrote ${item}`);
    });
    const first = write(1);
    const rest = [2, 3, 4].map((item) => write(item));
    expect(await Promise.all([first, ...rest])).toEqual([
      'wrote 1',
      'wrote 2',
      'wrote 3',
      'wrote 4',
    ]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the items the write says failed, and every item of a write that threw', async () => {
    let calls = 0;
    const write = batched<number, number>(async (batch) => {
      calls += 1;
      await Promise.resolve();
      if (calls === 1) throw new Error('database gone');
      return batch.map((item) => (item === 2 ? new ItemFailed(new Error('bad 2')) : item * 10));
    });
    // The first item goes alone and its write throws; the three behind it go together.
    const results = await Promise.allSettled([write(0), write(1), write(2), write(3)]);
    expect(results).toEqual([
      { status: 'rejected', reason: new Error('database gone') },
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('bad 2') },
      { status: 'fulfilled', value: 30 },
    ]);
    expect(calls).toBe(2);
  });

  it('never writes more than the largest batch at once', async () => {
    const sizes: number[] = [];
    const write = batched<number, number>(async (batch) => {
      sizes.push(batch.length);
      await Promise.resolve();
      return [...batch];
    }, 4);
    await Promise.all(Array.from({ length: 10 }, (_, index) => write(index)));
    expect(sizes).toEqual([1, 4, 4, 1]);
  });
});
