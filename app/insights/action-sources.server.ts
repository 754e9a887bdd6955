import { ResponseModel } from '../../models/response.server';
import type { StaffUser } from '../utils/permissions.server';
import { mayRaiseAction } from './action-links';
import { decodeCommentRef } from './comment-ref.server';
import type { CommentsView } from './comment-view';

/**
 * The comments of a page with what each answers (cycle, question, department, rated department),
 * so a leader can raise an action on one. The list holds only comments of groups the user may
 * read; each is given a source only where the user may raise an action on its department. One
 * read of the page's responses, for their cycle and department, never more than the page shows.
 */
export async function withCommentSources(
  user: StaffUser,
  view: CommentsView,
): Promise<CommentsView> {
  const addresses = view.comments.map((comment) => decodeCommentRef(comment.ref));
  // Response ids are random strings (never ObjectIds, whose time would date the answer).
  const ids = addresses.flatMap((address) => (address ? [address.responseId] : []));
  if (ids.length === 0) return view;
  const responses = await ResponseModel.find(
    { _id: { $in: ids } },
    { cycleId: 1, departmentId: 1 },
  ).lean();
  const byId = new Map(responses.map((response) => [String(response._id), response]));
  const scope = user.hrAdmin ? null : user.scope;
  return {
    ...view,
    comments: view.comments.map((comment, index) => {
      const address = addresses[index];
      const response = address ? byId.get(address.responseId) : undefined;
      if (!address || !response) return comment;
      const source = {
        cycleId: String(response.cycleId),
        questionId: address.questionId,
        departmentId: String(response.departmentId),
        providerDepartmentId: address.providerDepartmentId,
      };
      return mayRaiseAction(scope, { metric: 'question', ...source })
        ? { ...comment, source }
        : comment;
    }),
  };
}
