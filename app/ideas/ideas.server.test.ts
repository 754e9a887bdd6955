import { describe, expect, it, vi } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { IdeaModel } from '../../models/idea.server';
import { SettingsModel } from '../../models/settings.server';
import { staffUser } from '../../tests/factories/insights';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { moveAction } from '../actions/action-changes.server';
import { listActions } from '../actions/action-list.server';
import { loadActionPage } from '../actions/action-page.server';
import { remindActionOwners } from '../actions/reminders.server';
import { departmentBoard } from '../board/board.server';
import { loadStaffUser } from '../utils/permissions.server';
import { batchesOf, releaseIdeas } from './batches.server';
import { raiseActionFromIdea } from './idea-action.server';
import { listIdeas, loadIdea, replyToIdea, requireIdea, setIdeaStatus } from './ideas.server';
import { lookUpIdeaReceipt } from './receipt.server';
import { sendIdea } from './send.server';
import { weekEndDay, weekOf } from './weeks';

vi.stubEnv('SESSION_SECRET', 'ideas-test-secret-long-enough-for-the-keys');
setupTestDatabase('ideas');

const day = 24 * 60 * 60 * 1000;
const now = new Date();
/** An instant `weeks` weeks before now. */
const weeksAgo = (weeks: number) => new Date(now.getTime() - weeks * 7 * day);
const text = (n: number) => `An idea worth sending, number ${n}`;

async function setting() {
  const kitchen = await makeDepartment('Kitchen');
  const it = await makeDepartment('IT');
  const leader = await makePerson({ departmentId: kitchen._id, leaderOf: [kitchen._id] });
  const user = await loadStaffUser(String(leader._id));
  if (!user) throw new Error('no leader');
  return {
    kitchen,
    it,
    leader: user,
    hr: staffUser({ hrAdmin: true, scope: [kitchen._id, it._id] }),
  };
}

async function send(departmentId: string, count: number, at: Date) {
  const codes: string[] = [];
  for (let n = 0; n < count; n++) {
    const sent = await sendIdea(departmentId, { kind: 'idea', text: text(n) }, at);
    if (!sent.ok) throw new Error('not sent');
    codes.push(sent.code);
  }
  return codes;
}

describe('weeks', () => {
  it('names ISO weeks and the Sunday that ends them', () => {
    expect(weekOf(new Date('2026-12-04T23:00:00Z'))).toBe('2026-W49');
    expect(weekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(weekOf(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(weekEndDay('2026-W49')).toBe('2026-12-06');
  });
});

describe('sending an idea', () => {
  it('stores the department, kind, text, receipt hash and week, and gives a receipt code', async () => {
    const { kitchen } = await setting();
    const sent = await sendIdea(String(kitchen._id), {
      kind: 'concern',
      text: '  The fridge door does not close  ',
    });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = await IdeaModel.collection.findOne({});
    expect(stored).toMatchObject({
      kind: 'concern',
      text: 'The fridge door does not close',
      arrivedIn: weekOf(new Date()),
      batch: null,
      status: 'new',
    });
    expect(stored?.receiptHash).toMatch(/^[a-f\d]{64}$/);
    expect(stored?.receiptHash).not.toContain(sent.code);
  });

  it('refuses a missing kind, a short or a long text, naming the field, and stores nothing', async () => {
    const { kitchen } = await setting();
    const id = String(kitchen._id);
    expect(await sendIdea(id, { kind: 'rant', text: text(1) })).toEqual({
      ok: false,
      errors: { kind: ['ideas:errors.chooseKind'] },
    });
    expect(await sendIdea(id, { kind: 'idea', text: 'short' })).toEqual({
      ok: false,
      errors: { text: ['ideas:errors.textTooShort'] },
    });
    expect(await sendIdea(id, { kind: 'idea', text: 'x'.repeat(2001) })).toEqual({
      ok: false,
      errors: { text: ['ideas:errors.textTooLong'] },
    });
    expect(await sendIdea(id, {})).toMatchObject({ ok: false });
    expect(await IdeaModel.countDocuments()).toBe(0);
  });
});

describe('the batching rule', () => {
  it('pools ended weeks in order until the threshold, and keeps the rest', () => {
    const ideas = [
      { _id: 'a', arrivedIn: '2026-W40' },
      { _id: 'b', arrivedIn: '2026-W40' },
      { _id: 'c', arrivedIn: '2026-W41' },
      { _id: 'd', arrivedIn: '2026-W43' },
      { _id: 'e', arrivedIn: '2026-W43' },
      { _id: 'f', arrivedIn: '2026-W44' },
    ];
    expect(batchesOf(ideas, 3)).toEqual([
      { week: '2026-W41', ids: ['a', 'b', 'c'] },
      { week: '2026-W44', ids: ['d', 'e', 'f'] },
    ]);
    expect(batchesOf(ideas.slice(0, 5), 3)).toEqual([{ week: '2026-W41', ids: ['a', 'b', 'c'] }]);
  });

  it('holds ideas through their week, then releases them together once enough have come', async () => {
    const { kitchen, leader } = await setting();
    const id = String(kitchen._id);
    await send(id, 3, weeksAgo(3));
    // Three of five: still held after their week ended.
    expect((await listIdeas(leader, {}, weeksAgo(2))).rows).toEqual([]);
    await send(id, 2, weeksAgo(2));
    expect((await listIdeas(leader, {}, weeksAgo(2))).rows).toEqual([]);
    const { rows } = await listIdeas(leader, {}, now);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.batchDay))).toEqual(
      new Set([weekEndDay(weekOf(weeksAgo(2)))]),
    );
    // Released ideas keep the batch only: the week each came in is forgotten.
    expect(await IdeaModel.countDocuments({ arrivedIn: { $ne: null } })).toBe(0);
  });

  it('follows the organisation’s anonymity threshold', async () => {
    await SettingsModel.create({ _id: 'organisation', anonymityThreshold: 3 });
    const { kitchen, leader } = await setting();
    await send(String(kitchen._id), 3, weeksAgo(1));
    expect((await listIdeas(leader, {}, now)).rows).toHaveLength(3);
  });
});

describe('leaders and HR admins', () => {
  it('see the ideas of their scope only, and nothing held', async () => {
    const { kitchen, it: itDepartment, leader, hr } = await setting();
    await send(String(kitchen._id), 5, weeksAgo(2));
    await send(String(itDepartment._id), 5, weeksAgo(2));
    await send(String(kitchen._id), 1, now);
    expect((await listIdeas(leader, {}, now)).rows.map((row) => row.departmentName)).toEqual(
      Array(5).fill('Kitchen'),
    );
    expect((await listIdeas(hr, {}, now)).rows).toHaveLength(10);
    await expect(
      listIdeas(leader, { department: String(itDepartment._id) }, now),
    ).rejects.toMatchObject({
      status: 403,
    });
    const itIdea = await IdeaModel.findOne({ departmentId: itDepartment._id }).lean();
    await expect(requireIdea(leader, itIdea?._id ?? '', now)).rejects.toMatchObject({
      status: 403,
    });
    const held = await IdeaModel.findOne({ batch: null }).lean();
    await expect(requireIdea(hr, held?._id ?? '', now)).rejects.toMatchObject({ status: 404 });
    await expect(requireIdea(hr, 'not-an-id', now)).rejects.toMatchObject({ status: 404 });
  });

  it('reply and mark what came of an idea; the sender reads both with the code', async () => {
    const { kitchen, leader } = await setting();
    const [code] = await send(String(kitchen._id), 5, weeksAgo(2));
    // The idea the first code was given for: the leader's page and the sender's receipt meet there.
    const receiptIdea = await lookUpIdeaReceipt(code ?? '');
    const id = (await IdeaModel.findOne({ text: receiptIdea?.text }).lean())?._id ?? '';

    expect(await replyToIdea(leader, id, { text: '' }, now)).toEqual({
      ok: false,
      errors: { text: ['ideas:errors.replyRequired'] },
    });
    expect(await replyToIdea(leader, id, { text: 'Thank you, we will look at it.' }, now)).toEqual({
      ok: true,
    });
    expect(await setIdeaStatus(leader, id, { status: 'not-doing' }, now)).toEqual({
      ok: false,
      errors: { reason: ['ideas:errors.reasonRequired'] },
    });
    expect(await setIdeaStatus(leader, id, { status: 'maybe' }, now)).toMatchObject({ ok: false });
    expect(
      await setIdeaStatus(leader, id, { status: 'not-doing', reason: 'The budget is spent.' }, now),
    ).toEqual({ ok: true });

    const page = await loadIdea(leader, id, now);
    expect(page).toMatchObject({ status: 'not-doing', reason: 'The budget is spent.' });
    expect(page.replies.map((reply) => [reply.text, reply.authorName])).toEqual([
      ['Thank you, we will look at it.', leader.name],
    ]);
    expect(page.replies[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await lookUpIdeaReceipt(code ?? '')).toMatchObject({
      released: true,
      status: 'not-doing',
      reason: 'The budget is spent.',
      replies: [{ text: 'Thank you, we will look at it.', authorName: leader.name }],
    });
    expect(await lookUpIdeaReceipt('0000-0000-0000-0000')).toBeNull();

    const board = await departmentBoard(kitchen.boardKey ?? '', 'en');
    expect(board?.ideas?.outcomes).toEqual([
      expect.objectContaining({
        status: 'not-doing',
        reason: 'The budget is spent.',
        action: null,
      }),
    ]);
    expect(board?.ideas?.sendPath).toBe(`/board/${kitchen.boardKey}/idea`);
  });
});

describe('turning an idea into an action', () => {
  it('raises an action whose source is the idea, which every action page and the board read', async () => {
    const { kitchen, leader } = await setting();
    await send(String(kitchen._id), 5, weeksAgo(2));
    const idea = await IdeaModel.findOne({}).lean();
    const id = idea?._id ?? '';
    expect(
      await raiseActionFromIdea(
        leader,
        id,
        { title: '', ownerId: leader.id, dueOn: '2099-01-01' },
        now,
      ),
    ).toEqual({ ok: false, errors: { title: ['ideas:errors.titleRequired'] } });
    expect(
      await raiseActionFromIdea(
        leader,
        id,
        { title: 'Fix it', ownerId: leader.id, dueOn: '2000-01-01' },
        now,
      ),
    ).toEqual({ ok: false, errors: { dueOn: ['actions:errors.dueFromToday'] } });
    expect(await ActionModel.countDocuments()).toBe(0);

    const raised = await raiseActionFromIdea(
      leader,
      id,
      {
        title: 'Fix the fridge door',
        description: 'New seal',
        ownerId: leader.id,
        dueOn: '2099-01-01',
        published: 'on',
      },
      now,
    );
    if (!raised.ok) throw new Error(JSON.stringify(raised.errors));
    const action = await ActionModel.findById(raised.id).lean();
    expect(action?.source).toMatchObject({
      metric: 'idea',
      ideaId: id,
      surveyId: null,
      cycleId: null,
      departmentId: kitchen._id,
      label: 'Idea · Kitchen',
    });
    expect(action?.baseline).toBeNull();
    expect(
      await raiseActionFromIdea(
        leader,
        id,
        { title: 'Again', ownerId: leader.id, dueOn: '2099-01-01' },
        now,
      ),
    ).toEqual({
      ok: false,
      errors: { title: ['ideas:errors.alreadyAction'] },
    });
    expect((await loadIdea(leader, id, now)).status).toBe('planned');

    const list = await listActions(leader, { due: 'all' }, now);
    expect(list.rows.map((row) => row.title)).toEqual(['Fix the fridge door']);
    const page = await loadActionPage(leader, raised.id);
    expect(page.ideaId).toBe(id);
    expect(page.followUp.trend.cycles).toEqual([]);

    const board = await departmentBoard(kitchen.boardKey ?? '', 'en');
    expect(board?.departmentActions).toEqual([
      expect.objectContaining({ title: 'Fix the fridge door', metric: 'idea', baseline: null }),
    ]);
    expect(board?.ideas?.outcomes[0]?.action).toEqual({
      title: 'Fix the fridge door',
      status: 'open',
    });

    expect(
      await moveAction(leader, raised.id, { from: 'open', to: 'in-progress' }, now),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await moveAction(leader, raised.id, { from: 'in-progress', to: 'done' }, now),
    ).toMatchObject({
      ok: true,
    });
    expect((await ActionModel.findById(raised.id).lean())?.completedCycleId).toBeNull();
    await expect(
      remindActionOwners(now, { send: () => Promise.resolve(), appUrl: 'http://localhost' }),
    ).resolves.toBe(0);
  });
});

it('releasing twice changes nothing', async () => {
  const { kitchen } = await setting();
  await send(String(kitchen._id), 6, weeksAgo(2));
  expect(await releaseIdeas(now)).toBe(6);
  expect(await releaseIdeas(now)).toBe(0);
});
