import type { Document, Filter } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

const SIZE = 5000;

interface Row {
  _id: number;
  code: string;
  n: number;
  free: number;
}

interface ExecutionStats {
  nReturned: number;
  totalDocsExamined: number;
}

const coll = () => ctx().db.collection<Row>('explained');

async function stats(filter: Filter<Row>): Promise<ExecutionStats> {
  const plan: Document = await coll().find(filter).explain('executionStats');
  const executionStats = (plan as { executionStats?: ExecutionStats }).executionStats;
  expect(executionStats, 'explain must carry executionStats').toBeDefined();
  return executionStats as ExecutionStats;
}

beforeAll(async () => {
  const rows = Array.from({ length: SIZE }, (_, i) => ({
    _id: i,
    code: `c${i}`,
    n: i % 500,
    free: i % 500,
  }));
  await coll().insertMany(rows);
  await coll().createIndex({ code: 1 }, { unique: true });
  await coll().createIndex({ n: 1 });
});

describe('indexed lookups examine few documents (explain executionStats)', () => {
  it('_id equality', async () => {
    const s = await stats({ _id: 1234 });
    expect(s.nReturned).toBe(1);
    expect(s.totalDocsExamined).toBeLessThanOrEqual(1);
  });

  it('_id range', async () => {
    const s = await stats({ _id: { $gte: 100, $lt: 150 } });
    expect(s.nReturned).toBe(50);
    expect(s.totalDocsExamined).toBeLessThanOrEqual(50);
  });

  it('unique secondary index equality and $in', async () => {
    const one = await stats({ code: 'c4321' });
    expect(one.nReturned).toBe(1);
    expect(one.totalDocsExamined).toBeLessThanOrEqual(1);
    const three = await stats({ code: { $in: ['c1', 'c2', 'c3'] } });
    expect(three.nReturned).toBe(3);
    expect(three.totalDocsExamined).toBeLessThanOrEqual(3);
  });

  it('secondary index equality and range', async () => {
    const eq = await stats({ n: 7 });
    expect(eq.nReturned).toBe(10);
    expect(eq.totalDocsExamined).toBeLessThanOrEqual(10);
    const range = await stats({ n: { $gte: 10, $lt: 12 } });
    expect(range.nReturned).toBe(20);
    expect(range.totalDocsExamined).toBeLessThanOrEqual(20);
  });

  it('an unindexed field scans the whole collection', async () => {
    const s = await stats({ free: 7 });
    expect(s.nReturned).toBe(10);
    expect(s.totalDocsExamined).toBe(SIZE);
  });

  it('the indexed answers equal the scanned answers', async () => {
    const viaIndex = await coll()
      .find({ n: { $gte: 10, $lt: 12 } })
      .sort({ _id: 1 })
      .toArray();
    const viaScan = await coll()
      .find({ free: { $gte: 10, $lt: 12 } })
      .sort({ _id: 1 })
      .toArray();
    expect(viaIndex).toEqual(viaScan);
    expect(viaIndex).toHaveLength(20);
  });
});
