import { Types } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { ResponseModel } from '../../models/response.server';
import { SurveyModel } from '../../models/survey.server';
import { isComment } from '../question-types/registry';
import { localDate } from '../surveys/local-time';
import { localize } from '../surveys/localize';
import { definitionOf } from '../surveys/surveys.server';
import { message } from '../utils/message';
import type { StaffUser } from '../utils/permissions.server';
import { type CommentFilterInput, commentsPageSize } from './comment-filters';
import { commentGroups } from './comment-groups.server';
import { type CommentAddress, commentSortKey, encodeCommentRef } from './comment-ref.server';
import { repliesOf, replyKey } from './comment-replies.server';
import type { CommentsView, InsightComment } from './comment-view';
import { isSettled, thresholdOf, wordingIn } from './filters.server';

// The anonymous comments of a survey for one leader: only departments in their scope, only
// settled cycles (a list that changes while people are still answering would show a leader which
// comment just arrived, and so who wrote it), only groups the organisation's decision of that
// cycle shows, in a keyed-hash order, with nothing finer than the cycle and the department — not
// the language either, which in a small department names its only speaker of it.

export type CommentsOutcome =
  { ok: true; view: CommentsView } | { ok: false; status: 403 | 404; message: string };

/** How many of the latest closed cycles the page covers when the address names none. */
const defaultCycleSpan = 12;

export async function listComments(
  user: StaffUser,
  input: CommentFilterInput,
): Promise<CommentsOutcome> {
  const surveys = await SurveyModel.find(
    { status: { $ne: 'draft' } },
    { title: 1, defaultLanguage: 1 },
  )
    .sort({ createdAt: -1 })
    .lean();
  const surveyChoices = surveys.map((survey) => ({
    id: String(survey._id),
    title: localize(survey.title, 'en', survey.defaultLanguage),
  }));
  const surveyId = input.survey ?? surveyChoices[0]?.id;
  const survey = surveyId ? await SurveyModel.findById(surveyId).lean() : null;
  if (input.survey && !survey) {
    return { ok: false, status: 404, message: 'insights:comments.errors.noSurvey' };
  }
  const scope = user.scope;
  if (input.department && !scope.includes(input.department)) {
    // HR admins see every department, so for them the department simply is not there.
    return user.hrAdmin
      ? { ok: false, status: 404, message: 'insights:comments.errors.noDepartment' }
      : { ok: false, status: 403, message: 'insights:comments.errors.outsideScope' };
  }
  const departments = (await DepartmentModel.find({ _id: { $in: scope } }, { name: 1 }).lean())
    .map((department) => ({ id: String(department._id), name: department.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const empty: CommentsView = {
    surveys: surveyChoices,
    filters: null,
    cycles: [],
    questions: [],
    departments,
    threshold: 0,
    notes: [],
    comments: [],
    withheldGroups: 0,
    total: 0,
    page: 1,
    pageCount: 1,
  };
  if (!survey) return { ok: true, view: empty };

  const definition = definitionOf(survey);
  const notes: string[] = [];
  const now = Date.now();
  const closed = (
    await CycleModel.find(
      { surveyId: survey._id, status: 'closed' },
      { number: 1, opensAt: 1, status: 1, closedAt: 1 },
    )
      .sort({ number: 1 })
      .lean()
  ).filter((cycle) => isSettled(cycle, now));
  const cycles = closed.map((cycle) => ({
    id: String(cycle._id),
    number: cycle.number,
    opensOn: localDate(cycle.opensAt, survey.schedule.timeZone),
  }));
  const { fromCycle, toCycle } = cycleRange(input, cycles, notes);

  const questions = definition.questions
    .filter((question) => isComment(question.type))
    .map((question) => ({
      id: question.id,
      text: localize(question.text, user.language, definition.defaultLanguage),
    }));
  let questionId = input.question ?? null;
  if (questionId && !questions.some((question) => question.id === questionId)) {
    notes.push('insights:comments.notes.notACommentQuestion');
    questionId = null;
  }
  if (input.page === null) notes.push('insights:comments.notes.badPage');
  const search = input.q ?? '';
  const filters = {
    surveyId: String(survey._id),
    fromCycle,
    toCycle,
    questionId,
    departmentId: input.department ?? null,
    search,
    page: input.page ?? 1,
  };

  const threshold = thresholdOf(survey);
  const inRange = closed.filter((cycle) => cycle.number >= fromCycle && cycle.number <= toCycle);
  const groups = await commentGroups(
    inRange.map((cycle) => cycle._id),
    threshold,
  );
  const inScope = new Set(scope);
  const wanted = (departmentId: string) =>
    inScope.has(departmentId) && (!filters.departmentId || departmentId === filters.departmentId);
  let withheldGroups = 0;
  const readable: { cycleId: Types.ObjectId; departmentIds: Types.ObjectId[] }[] = [];
  for (const cycle of inRange) {
    const cycleGroups = groups.get(String(cycle._id));
    if (!cycleGroups) continue;
    withheldGroups += [...cycleGroups.withheld].filter(wanted).length;
    const shown = [...cycleGroups.shown].filter(wanted);
    if (shown.length > 0) {
      readable.push({
        cycleId: cycle._id,
        departmentIds: shown.map((id) => new Types.ObjectId(id)),
      });
    }
  }

  const askedIds = questionId ? [questionId] : questions.map((question) => question.id);
  const found =
    readable.length === 0 || askedIds.length === 0
      ? []
      : await ResponseModel.find(
          {
            surveyId: survey._id,
            $or: readable.map(({ cycleId, departmentIds }) => ({
              cycleId,
              departmentId: { $in: departmentIds },
            })),
            'answers.questionId': { $in: askedIds },
          },
          { cycleId: 1, departmentId: 1, answers: 1 },
        ).lean();

  const asked = new Set(askedIds);
  // The search narrows the comments already readable, after the groups are decided above, so
  // its count is of comments the viewer could page through anyway and says nothing of the rest.
  const needle = search.toLocaleLowerCase('en');
  const entries: {
    address: CommentAddress;
    sortKey: string;
    text: string;
    response: (typeof found)[number];
  }[] = [];
  for (const response of found) {
    for (const answer of response.answers) {
      if (!asked.has(answer.questionId) || typeof answer.value !== 'string') continue;
      const text = answer.value.trim();
      if (!text) continue;
      if (needle && !text.toLocaleLowerCase('en').includes(needle)) continue;
      const address: CommentAddress = {
        responseId: String(response._id),
        questionId: answer.questionId,
        providerDepartmentId: answer.providerDepartmentId
          ? String(answer.providerDepartmentId)
          : null,
      };
      entries.push({ address, sortKey: commentSortKey(address), text, response });
    }
  }
  entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));

  const total = entries.length;
  const pageCount = Math.max(1, Math.ceil(total / commentsPageSize));
  const page = Math.min(filters.page, pageCount);
  const onPage = entries.slice((page - 1) * commentsPageSize, page * commentsPageSize);

  const replies = await repliesOf(onPage.map((entry) => entry.address));
  const names = await departmentNames(
    onPage.flatMap(({ response, address }) => [
      String(response.departmentId),
      ...(address.providerDepartmentId ? [address.providerDepartmentId] : []),
    ]),
  );
  const questionTexts = new Map(
    definition.questions.map((question) => [question.id, question.text]),
  );
  const numbers = new Map(closed.map((cycle) => [String(cycle._id), cycle.number]));
  const wording = wordingIn(user.language);
  const comments: InsightComment[] = onPage.map(({ address, text, response }) => {
    const provider = address.providerDepartmentId ? names.get(address.providerDepartmentId) : null;
    // In the reader's language where the survey has it, else in the survey's own.
    const questionText = localize(
      questionTexts.get(address.questionId) ?? {},
      user.language,
      definition.defaultLanguage,
    );
    return {
      ref: encodeCommentRef(address),
      text,
      questionText: questionText.replaceAll('{department}', provider ?? wording.within),
      cycleNumber: numbers.get(String(response.cycleId)) ?? 0,
      departmentName: names.get(String(response.departmentId)) ?? 'Unknown department',
      replies: replies.get(replyKey(address)) ?? [],
    };
  });

  return {
    ok: true,
    view: {
      ...empty,
      filters: { ...filters, page },
      cycles,
      questions,
      threshold,
      notes,
      comments,
      withheldGroups,
      total,
      page,
      pageCount,
    },
  };
}

/** The cycle numbers the page covers: one cycle, a range, or the latest few closed ones. */
function cycleRange(
  input: CommentFilterInput,
  cycles: readonly { number: number }[],
  notes: string[],
): { fromCycle: number; toCycle: number } {
  const numbers = cycles.map((cycle) => cycle.number);
  if (input.cycle !== undefined) {
    if (!numbers.includes(input.cycle)) {
      notes.push(message('insights:comments.notes.cycleOpen', { number: input.cycle }));
    }
    return { fromCycle: input.cycle, toCycle: input.cycle };
  }
  const latest = numbers.at(-1) ?? 1;
  const earliest = numbers.at(-defaultCycleSpan) ?? numbers[0] ?? 1;
  const from = input.from ?? earliest;
  const to = input.to ?? latest;
  return from <= to ? { fromCycle: from, toCycle: to } : { fromCycle: to, toCycle: from };
}

async function departmentNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
  if (unique.length === 0) return new Map();
  const found = await DepartmentModel.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(found.map((department) => [String(department._id), department.name]));
}
