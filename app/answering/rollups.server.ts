import type { AnyBulkWriteOperation } from 'mongodb';
import { Types } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { SurveyModel } from '../../models/survey.server';
import type { QuestionType } from '../../models/vocabulary';
import { questionTypeOf } from '../question-types/registry';

// Running totals per cycle × respondent department × question × provider department. A response
// adds to them with one upsert-$inc per rollup document, all in one bulkWrite, so concurrent
// responses never lose each other's counts. `rebuildRollups` recomputes them from the responses.

export interface StoredAnswer {
  questionId: string;
  providerDepartmentId?: Types.ObjectId | string | null;
  value?: unknown;
  skipped?: boolean | null;
}

export type Increments = Record<string, number>;

/**
 * The rollup that counts respondents rather than answers: one per cycle × respondent department,
 * under a question id no real question can have. Participation and group sizes read it.
 */
export const respondentsQuestionId = '*';

/**
 * What one answer adds to its rollup document. An open-link (kiosk) answer also adds to
 * `kioskCount`, so suppression can size a group by its invited respondents alone.
 */
function incrementsOf(
  answer: StoredAnswer,
  type: QuestionType | undefined,
  kiosk = false,
): Increments {
  if (answer.skipped) return { skipped: 1 };
  const inc: Increments = kiosk ? { count: 1, kioskCount: 1 } : { count: 1 };
  return type ? { ...inc, ...questionTypeOf(type).rollup(answer.value) } : inc;
}

export interface RollupTarget {
  cycleId: Types.ObjectId;
  surveyId: Types.ObjectId;
  departmentId: Types.ObjectId;
}

const objectId = (id: Types.ObjectId | string | null | undefined) =>
  id ? new Types.ObjectId(String(id)) : null;

/** Counters a rollup document starts with, so every document has the same fields. */
const counters = ['count', 'sum', 'sumSquares', 'skipped', 'kioskCount'] as const;

/**
 * The upsert adding `inc` to one rollup document, for the driver itself: mongoose would cast each
 * operation again, which under load cost a tenth of a response. New documents get every counter.
 */
function upsert(
  target: RollupTarget,
  questionId: string,
  providerDepartmentId: Types.ObjectId | null,
  inc: Increments,
): AnyBulkWriteOperation {
  const starting: Record<string, unknown> = { surveyId: target.surveyId };
  for (const counter of counters) if (!(counter in inc)) starting[counter] = 0;
  if (!Object.keys(inc).some((field) => field.startsWith('histogram.'))) starting.histogram = {};
  return {
    updateOne: {
      filter: {
        cycleId: target.cycleId,
        departmentId: target.departmentId,
        questionId,
        providerDepartmentId,
      },
      update: { $setOnInsert: starting, $inc: inc },
      upsert: true,
    },
  };
}

export interface RolledResponse {
  target: RollupTarget;
  answers: readonly StoredAnswer[];
  typeOf: (questionId: string) => QuestionType | undefined;
  /** Sent through the open (kiosk) link. */
  kiosk: boolean;
}

/** What one respondent adds to the respondents rollup of their cycle and department. */
const respondentIncrements = (kiosk: boolean): Increments =>
  kiosk ? { count: 1, kioskCount: 1 } : { count: 1 };

/**
 * The upserts that add responses to their rollups: one per rollup document, with the increments
 * of every given response merged, so a batch costs as many writes as documents it touches.
 */
export function rollupOperations(responses: readonly RolledResponse[]): AnyBulkWriteOperation[] {
  const merged = new Map<
    string,
    { target: RollupTarget; questionId: string; provider: string | null; inc: Increments }
  >();
  const add = (
    target: RollupTarget,
    questionId: string,
    provider: string | null,
    inc: Increments,
  ) => {
    const key = `${String(target.cycleId)}|${String(target.departmentId)}|${questionId}|${provider}`;
    const entry = merged.get(key) ?? { target, questionId, provider, inc: {} };
    for (const [field, amount] of Object.entries(inc)) {
      entry.inc[field] = (entry.inc[field] ?? 0) + amount;
    }
    merged.set(key, entry);
  };
  for (const { target, answers, typeOf, kiosk } of responses) {
    for (const answer of answers) {
      const provider = answer.providerDepartmentId ? String(answer.providerDepartmentId) : null;
      add(
        target,
        answer.questionId,
        provider,
        incrementsOf(answer, typeOf(answer.questionId), kiosk),
      );
    }
    add(target, respondentsQuestionId, null, respondentIncrements(kiosk));
  }
  return [...merged.values()].map((entry) =>
    upsert(
      entry.target,
      entry.questionId,
      entry.provider ? new Types.ObjectId(entry.provider) : null,
      entry.inc,
    ),
  );
}

/** Adds one response to its rollups: one atomic upsert per rollup document. */
export async function applyRollups(
  target: RollupTarget,
  answers: readonly StoredAnswer[],
  typeOf: (questionId: string) => QuestionType | undefined,
  kiosk = false,
): Promise<void> {
  // The driver directly: the operations are built here from checked values, and mongoose's
  // casting of each one cost a tenth of a response under load.
  await RollupModel.collection.bulkWrite(rollupOperations([{ target, answers, typeOf, kiosk }]), {
    ordered: false,
  });
}

async function questionTypes(surveyId: Types.ObjectId) {
  const survey = await SurveyModel.findById(surveyId, { questions: 1 }).lean();
  const types = new Map(survey?.questions.map((question) => [question.id, question.type]));
  return (questionId: string) => types.get(questionId);
}

/**
 * Recomputes one cycle's rollups (or every cycle's) exactly from its stored responses, and marks
 * those responses rolled up. Run it when nothing else writes responses to the cycle: at start-up
 * recovery, from `npm run rollups:rebuild`, or in tests.
 */
export async function rebuildRollups(cycleId?: string | Types.ObjectId): Promise<number> {
  const cycleIds = cycleId
    ? [new Types.ObjectId(String(cycleId))]
    : await ResponseModel.distinct('cycleId');
  let rebuilt = 0;
  for (const id of cycleIds) {
    await rebuildCycle(new Types.ObjectId(String(id)));
    rebuilt++;
  }
  if (!cycleId) {
    // Rollups of cycles that no longer have any response.
    await RollupModel.deleteMany({ cycleId: { $nin: cycleIds } });
  }
  return rebuilt;
}

async function rebuildCycle(cycleId: Types.ObjectId): Promise<void> {
  const cycle = await CycleModel.findById(cycleId, { surveyId: 1 }).lean();
  const surveyId =
    cycle?.surveyId ?? (await ResponseModel.findOne({ cycleId }, { surveyId: 1 }).lean())?.surveyId;
  const totals = new Map<
    string,
    { target: RollupTarget; questionId: string; provider: Types.ObjectId | null; inc: Increments }
  >();
  if (surveyId) {
    const typeOf = await questionTypes(surveyId);
    const cursor = ResponseModel.find(
      { cycleId },
      { departmentId: 1, answers: 1, surveyId: 1, kiosk: 1 },
    )
      .lean()
      .cursor();
    for await (const response of cursor) {
      const target = { cycleId, surveyId: response.surveyId, departmentId: response.departmentId };
      const respondent: StoredAnswer = {
        questionId: respondentsQuestionId,
        providerDepartmentId: null,
      };
      for (const answer of [...response.answers, respondent] as StoredAnswer[]) {
        const provider = objectId(answer.providerDepartmentId);
        const key = `${String(response.departmentId)}|${answer.questionId}|${String(provider)}`;
        const entry = totals.get(key) ?? {
          target,
          questionId: answer.questionId,
          provider,
          inc: {},
        };
        const kiosk = response.kiosk === true;
        const increments =
          answer === respondent
            ? respondentIncrements(kiosk)
            : incrementsOf(answer, typeOf(answer.questionId), kiosk);
        for (const [field, amount] of Object.entries(increments)) {
          entry.inc[field] = (entry.inc[field] ?? 0) + amount;
        }
        totals.set(key, entry);
      }
    }
  }
  await RollupModel.deleteMany({ cycleId });
  const operations = [...totals.values()].map((entry) =>
    upsert(entry.target, entry.questionId, entry.provider, entry.inc),
  );
  for (let start = 0; start < operations.length; start += 1000) {
    await RollupModel.collection.bulkWrite(operations.slice(start, start + 1000), {
      ordered: false,
    });
  }
  await ResponseModel.updateMany(
    { cycleId, rolledUp: false, submissionKey: { $exists: false } },
    { $set: { rolledUp: true } },
  );
  // Dashboards cache a settled cycle's rollups by this revision (app/insights/rollup-reads).
  await CycleModel.updateOne({ _id: cycleId }, { $inc: { rollupsRevision: 1 } });
}
