import { CommentReplyModel } from '../../models/comment-reply.server';
import { CycleModel } from '../../models/cycle.server';
import { ResponseModel } from '../../models/response.server';
import { SurveyModel } from '../../models/survey.server';
import { isComment } from '../question-types/registry';
import { organisationTimeZone } from '../settings/organisation.server';
import { localDate } from '../surveys/local-time';
import type { StaffUser } from '../utils/permissions.server';
import type { ReplyForm } from './comment-filters';
import { commentGroups } from './comment-groups.server';
import { type CommentAddress, decodeCommentRef } from './comment-ref.server';
import type { CommentReplyView } from './comment-view';
import { isSettled, thresholdOf } from './filters.server';

// Leaders' replies to anonymous comments. A reply may be written only where its comment can be
// read: the respondent department in the leader's scope and the group shown by the suppression
// function. Whatever the ref names, a refusal stores nothing and tells no more than the list does.

export type ReplyOutcome =
  { ok: true } | { ok: false; status: 400 | 403 | 404; field: 'ref' | 'form'; message: string };

const gone = {
  ok: false,
  status: 404,
  field: 'form',
  message: 'insights:reply.errors.gone',
} as const;

export async function postReply(user: StaffUser, form: ReplyForm): Promise<ReplyOutcome> {
  const address = decodeCommentRef(form.ref);
  if (!address) {
    return {
      ok: false,
      status: 400,
      field: 'ref',
      message: 'insights:reply.errors.unrecognised',
    };
  }
  const response = await ResponseModel.findById(address.responseId, {
    cycleId: 1,
    surveyId: 1,
    departmentId: 1,
    answers: 1,
  }).lean();
  const answer = response?.answers.find(
    (each) =>
      each.questionId === address.questionId &&
      (each.providerDepartmentId ? String(each.providerDepartmentId) : null) ===
        address.providerDepartmentId,
  );
  if (!response || typeof answer?.value !== 'string') return gone;
  const departmentId = String(response.departmentId);
  if (!user.hrAdmin && !user.scope.includes(departmentId)) {
    return {
      ok: false,
      status: 403,
      field: 'form',
      message: 'insights:reply.errors.outsideScope',
    };
  }
  const [survey, cycle] = await Promise.all([
    SurveyModel.findById(response.surveyId, { questions: 1, anonymityThreshold: 1 }).lean(),
    CycleModel.findById(response.cycleId, { status: 1, closedAt: 1 }).lean(),
  ]);
  const question = survey?.questions.find((each) => each.id === address.questionId);
  if (!survey || !isComment(question?.type) || !cycle || !isSettled(cycle)) return gone;
  const groups = await commentGroups([cycle._id], thresholdOf(survey));
  if (!groups.get(String(cycle._id))?.shown.has(departmentId)) return gone;
  await CommentReplyModel.create({
    responseId: address.responseId,
    questionId: address.questionId,
    providerDepartmentId: address.providerDepartmentId,
    text: form.text,
    authorId: user.id,
    authorName: user.name,
  });
  return { ok: true };
}

/** The key that matches a reply to its comment. */
export const replyKey = (address: CommentAddress) =>
  `${address.responseId}\u0000${address.questionId}\u0000${address.providerDepartmentId ?? ''}`;

/** Replies to the given comments, oldest first, each dated by its day only. */
export async function repliesOf(
  addresses: readonly CommentAddress[],
): Promise<Map<string, CommentReplyView[]>> {
  const byComment = new Map<string, CommentReplyView[]>();
  if (addresses.length === 0) return byComment;
  // A reply's day is the organisation's day, so a late-evening reply is not dated tomorrow.
  const timeZone = await organisationTimeZone();
  const stored = await CommentReplyModel.find(
    { responseId: { $in: [...new Set(addresses.map((address) => address.responseId))] } },
    { responseId: 1, questionId: 1, providerDepartmentId: 1, text: 1, authorName: 1, createdAt: 1 },
  )
    .sort({ createdAt: 1, _id: 1 })
    .lean();
  for (const reply of stored) {
    const key = replyKey({
      responseId: reply.responseId,
      questionId: reply.questionId,
      providerDepartmentId: reply.providerDepartmentId ? String(reply.providerDepartmentId) : null,
    });
    const list = byComment.get(key) ?? [];
    list.push({
      text: reply.text,
      authorName: reply.authorName,
      day: localDate(reply.createdAt, timeZone),
    });
    byComment.set(key, list);
  }
  return byComment;
}
