import { describe, expect, it, vi } from 'vitest';

import { addResponses, makeCommentSurvey, makeCycle } from '../../tests/factories/comments';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadStaffUser, type StaffUser } from '../utils/permissions.server';
import { withCommentSources } from './action-sources.server';
import { commentFiltersSchema } from './comment-filters';
import { listComments } from './comments.server';

vi.stubEnv('SESSION_SECRET', 'action-sources-test-secret-long-enough-to-use');
setupTestDatabase('insight-action-sources');

async function userOf(person: { _id: unknown }): Promise<StaffUser> {
  const user = await loadStaffUser(String(person._id));
  if (!user) throw new Error('not staff');
  return user;
}

async function commentsFor(user: StaffUser, survey: string) {
  const outcome = await listComments(user, commentFiltersSchema.parse({ survey }));
  if (!outcome.ok) throw new Error(outcome.message);
  return withCommentSources(user, outcome.view);
}

describe('withCommentSources', () => {
  it('gives each comment the cycle, question and department it answers', async () => {
    const kitchen = await makeDepartment('Kitchen');
    const floor = await makeDepartment('Service floor');
    const hr = await userOf(await makePerson({ departmentId: kitchen._id, hrAdmin: true }));
    const leader = await userOf(
      await makePerson({ departmentId: kitchen._id, leaderOf: [kitchen._id] }),
    );
    const survey = await makeCommentSurvey([kitchen._id, floor._id]);
    const first = await makeCycle(survey._id, 1);
    const second = await makeCycle(survey._id, 2);
    await addResponses(first, kitchen._id, 6, { comment: (i) => `Kitchen one ${i}` });
    await addResponses(second, floor._id, 6, { comment: (i) => `Floor two ${i}` });

    const all = await commentsFor(hr, String(survey._id));
    expect(all.comments).toHaveLength(12);
    for (const comment of all.comments) {
      const fromKitchen = comment.text.startsWith('Kitchen');
      expect(comment.source).toEqual({
        cycleId: String(fromKitchen ? first._id : second._id),
        questionId: 'q-text',
        departmentId: String(fromKitchen ? kitchen._id : floor._id),
        providerDepartmentId: null,
      });
    }

    const theirs = await commentsFor(leader, String(survey._id));
    expect(theirs.comments.map((comment) => comment.source?.departmentId)).toEqual(
      Array.from({ length: 6 }, () => String(kitchen._id)),
    );
  });
});
