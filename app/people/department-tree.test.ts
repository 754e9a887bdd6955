import { describe, expect, it } from 'vitest';

import { inTreeOrder, subtreeOf } from './department-tree';

const item = (id: string, parentId: string | null, name = id) => ({ id, parentId, name });

describe('inTreeOrder', () => {
  it('puts each parent before its sub-departments, siblings by name', () => {
    const ordered = inTreeOrder([
      item('kitchen', 'ops', 'Kitchen'),
      item('it', null, 'IT'),
      item('ops', null, 'Operations'),
      item('floor', 'ops', 'Service floor'),
      item('board', null, 'Executive board'),
    ]);
    expect(ordered.map(({ id, depth }) => [id, depth])).toEqual([
      ['board', 0],
      ['it', 0],
      ['ops', 0],
      ['kitchen', 1],
      ['floor', 1],
    ]);
  });

  it('shows a department with a missing parent as a root and survives a cycle', () => {
    const ordered = inTreeOrder([item('a', 'b'), item('b', 'a'), item('c', 'gone')]);
    expect(ordered.map(({ id }) => id).sort()).toEqual(['a', 'b', 'c']);
    expect(ordered.find(({ id }) => id === 'c')?.depth).toBe(0);
  });
});

describe('subtreeOf', () => {
  it('holds the department and every descendant, nothing else', () => {
    const items = [
      item('ops', null),
      item('kitchen', 'ops'),
      item('pastry', 'kitchen'),
      item('it', null),
    ];
    expect([...subtreeOf(items, 'ops')].sort()).toEqual(['kitchen', 'ops', 'pastry']);
    expect([...subtreeOf(items, 'it')]).toEqual(['it']);
  });
});
