import { describe, expect, it, vi } from 'vitest';

import { CommentReplyModel } from '../../models/comment-reply.server';
import { addResponses, makeCommentSurvey, makeCycle } from '../../tests/factories/comments';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadStaffUser, type StaffUser } from '../utils/permissions.server';
import { commentFiltersSchema, replyFormSchema } from './comment-filters';
import { encodeCommentRef } from './comment-ref.server';
import { postReply } from './comment-replies.server';
import { listComments } from './comments.server';

vi.stubEnv('SESSION_SECRET', 'comment-replies-test-secret-long-enough-here');
setupTestDatabase('comment-replies');

async function userOf(person: { _id: unknown }): Promise<StaffUser> {
  const user = await loadStaffUser(String(person._id));
  if (!user) throw new Error('not staff');
  return user;
}

/** Kitchen (6) and floor (7) shown, bakery (2) withheld, so the kitchen is withheld beside it. */
async function organisation() {
  const a = await makeDepartment('Kitchen');
  const b = await makeDepartment('Service floor');
  const c = await makeDepartment('Bakery');
  const hr = await userOf(
    await makePerson({ name: 'Ana Lima', departmentId: b._id, hrAdmin: true }),
  );
  const leaderA = await userOf(await makePerson({ departmentId: a._id, leaderOf: [a._id] }));
  const leaderB = await userOf(
    await makePerson({ name: 'Leo Bee', departmentId: b._id, leaderOf: [b._id] }),
  );
  const survey = await makeCommentSurvey([a._id, b._id, c._id]);
  const cycle = await makeCycle(survey._id, 1);
  const open = await makeCycle(survey._id, 2, 'open');
  const ids = {
    a: await addResponses(cycle, a._id, 6, { comment: (i) => `Kitchen says ${i}` }),
    b: await addResponses(cycle, b._id, 7, { comment: (i) => `Floor says ${i}` }),
    c: await addResponses(cycle, c._id, 2, { comment: (i) => `Bakery says ${i}` }),
    open: await addResponses(open, b._id, 7, { comment: (i) => `Open says ${i}` }),
  };
  return { hr, leaderA, leaderB, survey, ids };
}

const refTo = (responseId: string | undefined) =>
  encodeCommentRef({
    responseId: responseId ?? '',
    questionId: 'q-text',
    providerDepartmentId: null,
  });

async function firstComment(user: StaffUser, surveyId: string) {
  const outcome = await listComments(user, commentFiltersSchema.parse({ survey: surveyId }));
  if (!outcome.ok) throw new Error('refused');
  const [comment] = outcome.view.comments;
  if (!comment) throw new Error('no comment');
  return comment;
}

describe('postReply', () => {
  it('stores a reply under its author, shown with the comment by its day only', async () => {
    const { leaderB, survey } = await organisation();
    const comment = await firstComment(leaderB, String(survey._id));
    const outcome = await postReply(leaderB, {
      intent: 'reply',
      ref: comment.ref,
      text: 'Thank you, we are on it.',
    });
    expect(outcome).toEqual({ ok: true });
    const stored = await CommentReplyModel.find({}).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      questionId: 'q-text',
      text: 'Thank you, we are on it.',
      authorName: 'Leo Bee',
    });
    expect(String(stored[0]?.authorId)).toBe(leaderB.id);

    const again = await listComments(
      leaderB,
      commentFiltersSchema.parse({ survey: String(survey._id) }),
    );
    if (!again.ok) throw new Error('refused');
    const replied = again.view.comments.find((each) => each.text === comment.text);
    expect(replied?.replies.map(({ text, authorName }) => ({ text, authorName }))).toEqual([
      { text: 'Thank you, we are on it.', authorName: 'Leo Bee' },
    ]);
    expect(replied?.replies[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(again.view.comments.filter((each) => each.replies.length > 0)).toHaveLength(1);
  });

  it('refuses a leader outside the comment’s department, storing nothing', async () => {
    const { hr, leaderA, survey } = await organisation();
    const comment = await firstComment(hr, String(survey._id));
    expect(comment.departmentName).toBe('Service floor');
    expect(
      await postReply(leaderA, { intent: 'reply', ref: comment.ref, text: 'Hi' }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(await CommentReplyModel.countDocuments()).toBe(0);
  });

  it('refuses comments of withheld groups and open cycles, storing nothing', async () => {
    const { hr, leaderA, ids } = await organisation();
    // Below the threshold; withheld beside it; in a cycle that is still open.
    for (const responseId of [ids.c[0], ids.a[0], ids.open[0]]) {
      expect(
        await postReply(hr, { intent: 'reply', ref: refTo(responseId), text: 'Hello' }),
      ).toMatchObject({ ok: false, status: 404 });
    }
    // The kitchen reaches the threshold on its own, but the organisation withholds it as the
    // bakery's complement, and that decision is the same for the kitchen's own leader.
    expect(
      await postReply(leaderA, { intent: 'reply', ref: refTo(ids.a[0]), text: 'Hello' }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await CommentReplyModel.countDocuments()).toBe(0);
  });

  it('refuses a garbled ref and a reply that is empty or too long, storing nothing', async () => {
    const { hr, ids } = await organisation();
    expect(
      await postReply(hr, { intent: 'reply', ref: 'garbled-ref', text: 'Hello' }),
    ).toMatchObject({ ok: false, status: 400, field: 'ref' });
    const ref = refTo(ids.b[0]);
    expect(
      await postReply(hr, {
        intent: 'reply',
        ref: refTo('no-such-response'),
        text: 'Hello',
      }),
    ).toMatchObject({ ok: false, status: 404 });
    for (const text of ['', '   ', 'x'.repeat(2001)]) {
      const parsed = replyFormSchema.safeParse({ intent: 'reply', ref, text });
      expect(parsed.success, JSON.stringify(text.slice(0, 5))).toBe(false);
      expect(parsed.error?.flatten().fieldErrors.text).toHaveLength(1);
    }
    expect(replyFormSchema.parse({ intent: 'reply', ref, text: '  Thanks  ' }).text).toBe('Thanks');
    expect(await CommentReplyModel.countDocuments()).toBe(0);
  });
});
