import { describe, expect, it, vi } from 'vitest';

import { addResponses, makeCommentSurvey, makeCycle } from '../../tests/factories/comments';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadStaffUser, type StaffUser } from '../utils/permissions.server';
import { commentFiltersSchema } from './comment-filters';
import { decodeCommentRef } from './comment-ref.server';
import { listComments } from './comments.server';
import { suppressBreakdown } from './suppression';

vi.stubEnv('SESSION_SECRET', 'comments-test-secret-long-enough-to-use-here');
setupTestDatabase('insight-comments');

async function userOf(person: { _id: unknown }): Promise<StaffUser> {
  const user = await loadStaffUser(String(person._id));
  if (!user) throw new Error('not staff');
  return user;
}

/** Departments A (6 respondents), B (7) and C (2), one closed cycle, every respondent commenting. */
async function organisation() {
  const home = await makeDepartment('People team', { kind: 'support' });
  const a = await makeDepartment('Kitchen');
  const b = await makeDepartment('Service floor');
  const c = await makeDepartment('Bakery');
  const hr = await userOf(await makePerson({ departmentId: home._id, hrAdmin: true }));
  const leaderA = await userOf(await makePerson({ departmentId: a._id, leaderOf: [a._id] }));
  const survey = await makeCommentSurvey([a._id, b._id, c._id]);
  const cycle = await makeCycle(survey._id, 1);
  const idsA = await addResponses(cycle, a._id, 6, { comment: (i) => `Kitchen says ${i}` });
  const idsB = await addResponses(cycle, b._id, 7, { comment: (i) => `Floor says ${i}` });
  const idsC = await addResponses(cycle, c._id, 2, { comment: (i) => `Bakery says ${i}` });
  return { a, b, c, hr, leaderA, survey, cycle, ids: { a: idsA, b: idsB, c: idsC } };
}

const filters = (input: Record<string, string> = {}) => commentFiltersSchema.parse(input);

async function list(user: StaffUser, input: Record<string, string> = {}) {
  const outcome = await listComments(user, filters(input));
  if (!outcome.ok) throw new Error(`refused: ${outcome.status} ${outcome.message}`);
  return outcome.view;
}

const texts = (view: { comments: { text: string }[] }) =>
  view.comments.map((comment) => comment.text).sort();

describe('listComments', () => {
  it('shows a leader only the departments in their scope', async () => {
    const home = await makeDepartment('People team', { kind: 'support' });
    const a = await makeDepartment('Kitchen');
    const b = await makeDepartment('Service floor');
    const leaderA = await userOf(await makePerson({ departmentId: a._id, leaderOf: [a._id] }));
    await makePerson({ departmentId: home._id, hrAdmin: true });
    const survey = await makeCommentSurvey([a._id, b._id]);
    const cycle = await makeCycle(survey._id, 1);
    await addResponses(cycle, a._id, 6, { comment: (i) => `Kitchen says ${i}` });
    await addResponses(cycle, b._id, 7, { comment: (i) => `Floor says ${i}` });
    const view = await list(leaderA, { survey: String(survey._id) });
    expect(texts(view)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Kitchen says ${i}`));
    expect(view.departments.map((department) => department.id)).toEqual([String(a._id)]);
    expect(view.withheldGroups).toBe(0);
    expect(await listComments(leaderA, filters({ department: String(b._id) }))).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('decides withholding over the whole organisation, so a leader sees no group HR sees withheld', async () => {
    // Alone, the kitchen's six reach the threshold; but the organisation withholds the bakery's
    // two and the kitchen as their complement. Shown to its leader, the kitchen's comments would
    // be the very group whose absence protects the bakery on every other view.
    const { leaderA, hr, survey } = await organisation();
    const view = await list(leaderA, { survey: String(survey._id) });
    expect(view.comments).toEqual([]);
    expect(view.withheldGroups).toBe(1);
    const everything = await list(hr, { survey: String(survey._id) });
    expect(everything.comments.some((comment) => comment.departmentName === 'Kitchen')).toBe(false);
  });

  it('withholds small groups and, complementarily, the next smallest, as the charts do', async () => {
    const { a, b, c, hr, survey } = await organisation();
    const { withheld } = suppressBreakdown(
      [
        { key: String(a._id), n: 6 },
        { key: String(b._id), n: 7 },
        { key: String(c._id), n: 2 },
      ],
      5,
    );
    // The bakery (2) is below the threshold, and the kitchen (6) goes with it so the total of
    // the floor and everyone else does not give the bakery's two away.
    expect(withheld).toEqual(new Set([String(a._id), String(c._id)]));

    const view = await list(hr, { survey: String(survey._id) });
    expect(texts(view)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Floor says ${i}`));
    expect(view.withheldGroups).toBe(2);
    expect(view.comments.every((comment) => comment.departmentName === 'Service floor')).toBe(true);

    const bakery = await list(hr, { survey: String(survey._id), department: String(c._id) });
    expect(bakery.comments).toEqual([]);
    expect(bakery.withheldGroups).toBe(1);
    const kitchen = await list(hr, { survey: String(survey._id), department: String(a._id) });
    expect(kitchen.comments).toEqual([]);
    expect(kitchen.withheldGroups).toBe(1);
  });

  it('filters by cycle, cycle range, question and department, never by language, and skips open cycles', async () => {
    const a = await makeDepartment('Kitchen');
    const hr = await userOf(await makePerson({ departmentId: a._id, hrAdmin: true }));
    const survey = await makeCommentSurvey([a._id], { threshold: 3 });
    const one = await makeCycle(survey._id, 1);
    const two = await makeCycle(survey._id, 2);
    const open = await makeCycle(survey._id, 3, 'open');
    await addResponses(one, a._id, 3, {
      comment: (i) => `one ${i}`,
      secondComment: (i) => (i === 0 ? 'one stop' : null),
    });
    await addResponses(two, a._id, 3, { comment: (i) => `two ${i}` });
    await addResponses(two, a._id, 1, { comment: () => 'to ei' });
    await addResponses(open, a._id, 5, { comment: (i) => `open ${i}` });
    const surveyId = String(survey._id);

    const all = await list(hr, { survey: surveyId });
    expect(texts(all)).toEqual(
      ['one 0', 'one 1', 'one 2', 'one stop', 'to ei', 'two 0', 'two 1', 'two 2'].sort(),
    );
    expect(all.cycles.map((cycle) => cycle.number)).toEqual([1, 2]);
    expect(texts(await list(hr, { survey: surveyId, cycle: '1' }))).toEqual([
      'one 0',
      'one 1',
      'one 2',
      'one stop',
    ]);
    expect(texts(await list(hr, { survey: surveyId, from: '2', to: '3' }))).toEqual(
      ['to ei', 'two 0', 'two 1', 'two 2'].sort(),
    );
    expect(texts(await list(hr, { survey: surveyId, question: 'q-text-2' }))).toEqual(['one stop']);
    // A language in the address is no filter: the language of a comment can name its writer.
    const norwegian = await list(hr, { survey: surveyId, language: 'nb', cycle: '2' });
    expect(texts(norwegian)).toEqual(['to ei', 'two 0', 'two 1', 'two 2'].sort());
    expect(norwegian.filters).not.toHaveProperty('language');
    expect(norwegian).not.toHaveProperty('languages');
    const lone = norwegian.comments.find((comment) => comment.text === 'to ei');
    expect(lone).toMatchObject({ cycleNumber: 2, departmentName: 'Kitchen' });
    expect(lone).not.toHaveProperty('language');
    expect(lone?.questionText).toBe('Anything else?');

    const openCycle = await list(hr, { survey: surveyId, cycle: '3' });
    expect(openCycle.comments).toEqual([]);
    expect(openCycle.notes).toEqual(['insights:comments.notes.cycleOpen {"number":3}']);
    const notAComment = await list(hr, { survey: surveyId, question: 'q-scale' });
    expect(notAComment.filters?.questionId).toBeNull();
    expect(notAComment.notes).toHaveLength(1);
  });

  it('refuses a survey or department that does not exist, without a 500', async () => {
    const { hr, leaderA } = await organisation();
    const nowhere = '0123456789abcdef01234567';
    expect(await listComments(hr, filters({ survey: nowhere }))).toMatchObject({ status: 404 });
    expect(await listComments(hr, filters({ department: nowhere }))).toMatchObject({
      status: 404,
    });
    expect(await listComments(leaderA, filters({ department: nowhere }))).toMatchObject({
      status: 403,
    });
    expect(commentFiltersSchema.safeParse({ survey: 'nope' }).success).toBe(false);
    expect(filters({ from: 'x', cycle: '-1', language: 'xx', page: 'many' })).toEqual({
      page: null,
    });
    expect(filters({})).toEqual({ page: 1 });
    const badPage = await list(hr, { page: '-4' });
    expect([badPage.page, badPage.notes]).toEqual([1, ['insights:comments.notes.badPage']]);
    const tooLong = commentFiltersSchema.safeParse({ q: 'x'.repeat(101) });
    expect(tooLong.error?.issues[0]?.message).toBe(
      'insights:comments.errors.searchTooLong {"max":100}',
    );
  });

  it('orders comments in a stable shuffle across reloads and pages, not as they were stored', async () => {
    const a = await makeDepartment('Kitchen');
    const leader = await userOf(await makePerson({ departmentId: a._id, leaderOf: [a._id] }));
    const survey = await makeCommentSurvey([a._id]);
    const cycle = await makeCycle(survey._id, 1);
    const stored = Array.from({ length: 60 }, (_, i) => `comment ${String(i).padStart(2, '0')}`);
    await addResponses(cycle, a._id, 60, { comment: (i) => stored[i] ?? null });
    const surveyId = String(survey._id);

    const first = await list(leader, { survey: surveyId });
    const second = await list(leader, { survey: surveyId, page: '2' });
    const third = await list(leader, { survey: surveyId, page: '3' });
    expect(first.comments).toHaveLength(20);
    expect(third.comments).toHaveLength(20);
    expect([first.page, first.pageCount, first.total, second.page]).toEqual([1, 3, 60, 2]);
    const order = [...first.comments, ...second.comments, ...third.comments].map(
      (comment) => comment.text,
    );
    expect([...order].sort()).toEqual(stored);
    expect(order).not.toEqual(stored);
    expect(order).not.toEqual([...stored].reverse());

    const again = [
      ...(await list(leader, { survey: surveyId })).comments,
      ...(await list(leader, { survey: surveyId, page: '2' })).comments,
      ...(await list(leader, { survey: surveyId, page: '3' })).comments,
    ].map((comment) => comment.text);
    expect(again).toEqual(order);
  });

  it('searches the comment texts case-insensitively, only among comments the viewer may read', async () => {
    const { hr, leaderA, survey } = await organisation();
    const surveyId = String(survey._id);
    const floor = await list(hr, { survey: surveyId, q: '  fLOOR says ' });
    expect(texts(floor)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Floor says ${i}`));
    expect([floor.total, floor.filters?.search]).toEqual([7, 'fLOOR says']);
    // The bakery (2 respondents) and, as its complement, the kitchen are withheld: a search finds
    // nothing of theirs and the withheld note is the same as without a search.
    const everything = await list(hr, { survey: surveyId });
    for (const q of ['bakery', 'Kitchen says']) {
      const withheld = await list(hr, { survey: surveyId, q });
      expect([withheld.total, withheld.comments]).toEqual([0, []]);
      expect(withheld.withheldGroups).toBe(everything.withheldGroups);
    }
    expect(texts(await list(hr, { survey: surveyId, q: 'says' }))).toEqual(texts(everything));
    // A leader searches their own departments only: the floor's comments, shown to HR, are not
    // theirs to find.
    const outOfScope = await list(leaderA, { survey: surveyId, q: 'floor' });
    expect([outOfScope.total, outOfScope.comments, outOfScope.withheldGroups]).toEqual([0, [], 1]);
  });

  it('gives nothing finer than the cycle: no response id, no day, a fresh ref each time', async () => {
    const { hr, survey, ids } = await organisation();
    const view = await list(hr, { survey: String(survey._id) });
    const serialised = JSON.stringify(view);
    for (const id of [...ids.a, ...ids.b, ...ids.c]) expect(serialised).not.toContain(id);
    expect(serialised).not.toContain('2026-03-02');
    for (const comment of view.comments) {
      expect(Object.keys(comment).sort()).toEqual(
        ['cycleNumber', 'departmentName', 'questionText', 'ref', 'replies', 'text'].sort(),
      );
      expect(ids.b).toContain(decodeCommentRef(comment.ref)?.responseId);
    }
    const reloaded = await list(hr, { survey: String(survey._id) });
    expect(reloaded.comments.map((comment) => comment.text)).toEqual(
      view.comments.map((comment) => comment.text),
    );
    expect(reloaded.comments[0]?.ref).not.toBe(view.comments[0]?.ref);
  });
});
