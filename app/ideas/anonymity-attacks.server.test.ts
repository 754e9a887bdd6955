import { describe, expect, it, vi } from 'vitest';

import { IdeaModel } from '../../models/idea.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { staffUser } from '../../tests/factories/insights';
import { makeDepartment } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { departmentBoard } from '../board/board.server';
import { listIdeas, replyToIdea, setIdeaStatus } from './ideas.server';
import { lookUpIdeaReceipt } from './receipt.server';
import { sendIdea } from './send.server';

// The attacks on ideas, each performed as the attacker would: a leader reloading the list while
// ideas arrive, two leaders comparing what they see, HR reading the outbox, someone reading the
// database, and a sender using their own receipt as an oracle. The batching rule they test is
// in batches.server.ts.

vi.stubEnv('SESSION_SECRET', 'ideas-anonymity-test-secret-long-enough');
setupTestDatabase('ideas-anonymity');

const day = 24 * 60 * 60 * 1000;
const now = new Date();
const weeksAgo = (weeks: number) => new Date(now.getTime() - weeks * 7 * day);
const threshold = 5;

async function kitchen() {
  const department = await makeDepartment('Kitchen');
  const other = await makeDepartment('Bar');
  const leader = staffUser({ scope: [department._id] });
  const hr = staffUser({ hrAdmin: true, scope: [department._id, other._id] });
  return { department, other, leader, hr };
}

async function sendOne(departmentId: unknown, n: number, at: Date): Promise<string> {
  const sent = await sendIdea(
    String(departmentId),
    { kind: 'idea', text: `Idea number ${n} for the kitchen` },
    at,
  );
  if (!sent.ok) throw new Error('not sent');
  return sent.code;
}

describe('a leader reloading the list as ideas arrive', () => {
  it('sees exactly the same page after each arrival until a whole batch is released', async () => {
    const { department, leader } = await kitchen();
    const views: string[] = [];
    for (let n = 0; n < threshold + 2; n++) {
      views.push(JSON.stringify(await listIdeas(leader, {}, now)));
      await sendOne(department._id, n, now);
    }
    views.push(JSON.stringify(await listIdeas(leader, {}, now)));
    // Nothing on the page moved: no idea, no count of waiting ideas.
    expect(new Set(views).size).toBe(1);
    // At the week's end all of them arrive at once, with one date.
    const nextWeek = new Date(now.getTime() + 7 * day);
    const { rows } = await listIdeas(leader, {}, nextWeek);
    expect(rows).toHaveLength(threshold + 2);
    expect(new Set(rows.map((row) => row.batchDay)).size).toBe(1);
  });

  it('never sees a batch smaller than the threshold, even when ideas trickle in a week at a time', async () => {
    const { department, leader } = await kitchen();
    const seen = new Set<string>();
    for (let week = 12; week >= 1; week--) {
      await sendOne(department._id, week, weeksAgo(week));
      const { rows } = await listIdeas(leader, {}, weeksAgo(week - 1));
      const sizes = new Map<string, number>();
      for (const row of rows) sizes.set(row.batchDay, (sizes.get(row.batchDay) ?? 0) + 1);
      for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(threshold);
      for (const row of rows) seen.add(row.id);
    }
    expect(seen.size).toBe(10);
  });
});

describe('two leaders comparing what they see', () => {
  it('see the same batches, dates and order, and the order is not the order of arrival', async () => {
    const { department, leader, hr } = await kitchen();
    const texts: string[] = [];
    for (let n = 0; n < 12; n++) {
      await sendOne(department._id, n, weeksAgo(2));
      texts.push(`Idea number ${n} for the kitchen`);
    }
    const mine = await listIdeas(leader, {}, now);
    const theirs = await listIdeas(hr, { department: String(department._id) }, now);
    expect(mine.rows).toEqual(theirs.rows);
    const shown = mine.rows.map((row) => row.text);
    expect(shown).toHaveLength(12);
    expect(shown).not.toEqual(texts);
    expect(shown).not.toEqual([...texts].reverse());
  });
});

describe('HR with the outbox', () => {
  it('finds no mail about an idea arriving, a reply or a decision', async () => {
    const { department, leader } = await kitchen();
    for (let n = 0; n < threshold; n++) await sendOne(department._id, n, weeksAgo(2));
    const { rows } = await listIdeas(leader, {}, now);
    const id = rows[0]?.id ?? '';
    await replyToIdea(leader, id, { text: 'We read it.' }, now);
    await setIdeaStatus(leader, id, { status: 'planned' }, now);
    expect(await OutboxMailModel.countDocuments()).toBe(0);
  });
});

describe('someone reading the database', () => {
  it('finds no time finer than the week, and after release none finer than the batch', async () => {
    const { department, leader } = await kitchen();
    for (let n = 0; n < threshold; n++) await sendOne(department._id, n, weeksAgo(2));
    await sendOne(department._id, 99, now);
    const allowed = [
      '_id',
      'departmentId',
      'kind',
      'text',
      'receiptHash',
      'arrivedIn',
      'batch',
      'status',
      'reason',
      'statusOn',
      'replies',
      'actionId',
    ];
    const check = async () => {
      for (const stored of await IdeaModel.collection.find({}).toArray()) {
        expect(Object.keys(stored).filter((key) => !allowed.includes(key))).toEqual([]);
        // An ObjectId would carry the second it was made; the id is random text.
        expect(typeof stored._id).toBe('string');
        expect(stored._id).toMatch(/^[a-f\d]{32}$/);
        for (const value of Object.values(stored)) expect(value).not.toBeInstanceOf(Date);
      }
    };
    await check();
    await listIdeas(leader, {}, now);
    await check();
    const released = await IdeaModel.find({ batch: { $ne: null } }).lean();
    expect(released).toHaveLength(threshold);
    expect(released.every((idea) => idea.arrivedIn === null)).toBe(true);
    // The one still held keeps its week only.
    const held = await IdeaModel.find({ batch: null }).lean();
    expect(held.map((idea) => idea.arrivedIn)).toEqual([expect.stringMatching(/^\d{4}-W\d{2}$/)]);
  });
});

describe('the receipt page as an oracle', () => {
  it('tells a sender nothing about other people’s ideas arriving', async () => {
    const { department } = await kitchen();
    const code = await sendOne(department._id, 0, now);
    const before = JSON.stringify(await lookUpIdeaReceipt(code, now));
    for (let n = 1; n < threshold + 3; n++) {
      await sendOne(department._id, n, now);
      expect(JSON.stringify(await lookUpIdeaReceipt(code, now))).toBe(before);
    }
    expect(JSON.parse(before)).toMatchObject({ released: false, replies: [] });
  });

  it('shows the board and the receipt nothing of a held idea, even a decided one', async () => {
    const { department } = await kitchen();
    const code = await sendOne(department._id, 0, now);
    // Someone writes to the database directly: a decision on a held idea still stays hidden.
    await IdeaModel.updateMany(
      {},
      { $set: { status: 'planned', reason: 'x', statusOn: '2026-01-01' } },
    );
    const board = await departmentBoard(department.boardKey ?? '', 'en');
    expect(board?.ideas?.outcomes).toEqual([]);
    expect(await lookUpIdeaReceipt(code, now)).toMatchObject({
      released: false,
      status: 'new',
      reason: null,
    });
  });
});
