import { randomUUID } from 'node:crypto';

import type { Types } from 'mongoose';

import { rebuildRollups } from '../../app/answering/rollups.server';
import { CycleModel } from '../../models/cycle.server';
import { ResponseModel } from '../../models/response.server';
import { everyQuestionType, makeSurvey } from './survey';

// Surveys with closed cycles and commented responses, stored directly with their rollups rebuilt
// from them: comment tests need many respondents per department and several cycles, not the
// answering path (tested on its own in app/answering).

let counter = 0;

/** A second comment question, so tests can filter by question. */
const secondTextQuestion = {
  id: 'q-text-2',
  type: 'text' as const,
  text: { en: 'What should we stop doing?' },
  required: false,
  core: true,
  internalService: false,
  archived: false,
  maxLength: 500,
};

/** A survey of the given departments with two comment questions; threshold 5 unless said. */
export async function makeCommentSurvey(
  audienceIds: Types.ObjectId[],
  options: { threshold?: number } = {},
) {
  return makeSurvey({
    audienceIds,
    anonymityThreshold: options.threshold ?? 5,
    questions: [
      ...everyQuestionType.map((question) => ({ ...question, internalService: false })),
      secondTextQuestion,
    ],
  });
}

export async function makeCycle(
  surveyId: Types.ObjectId,
  number: number,
  status: 'open' | 'closed' = 'closed',
) {
  counter += 1;
  const opensAt = new Date(Date.UTC(2026, 0, 5 + 7 * number, 8));
  const closesAt = new Date(opensAt.getTime() + 5 * 24 * 60 * 60 * 1000);
  return CycleModel.create({
    surveyId,
    number,
    opensAt,
    closesAt,
    // A closed cycle closed long ago has settled: its comments may be read.
    closedAt: status === 'closed' ? closesAt : null,
    status,
    questionIds: ['q-scale', 'q-text', 'q-text-2'],
    kioskId: `comments-${counter}-${String(surveyId)}`,
  });
}

/**
 * `count` responses of one department to one cycle; `comment(index)` gives each one's answer to
 * q-text (none when null). Rebuild the rollups with `rebuildRollups` after the last batch.
 */
export async function addResponses(
  cycle: { _id: Types.ObjectId; surveyId: Types.ObjectId },
  departmentId: Types.ObjectId,
  count: number,
  options: {
    comment?: (index: number) => string | null;
    secondComment?: (index: number) => string | null;
    receiptHash?: (index: number) => string | undefined;
  } = {},
) {
  const responses = Array.from({ length: count }, (_, index) => {
    const comment = options.comment?.(index) ?? null;
    const second = options.secondComment?.(index) ?? null;
    const receiptHash = options.receiptHash?.(index);
    return {
      _id: randomUUID(),
      cycleId: cycle._id,
      surveyId: cycle.surveyId,
      departmentId,
      rolledUp: true,
      answers: [
        { questionId: 'q-scale', value: 4 },
        ...(comment === null ? [] : [{ questionId: 'q-text', value: comment }]),
        ...(second === null ? [] : [{ questionId: 'q-text-2', value: second }]),
      ],
      ...(receiptHash ? { receiptHash } : {}),
    };
  });
  await ResponseModel.insertMany(responses);
  await rebuildRollups(cycle._id);
  return responses.map((response) => response._id);
}
