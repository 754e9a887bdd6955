import { randomUUID } from 'node:crypto';

import { Types } from 'mongoose';

import { ResponseModel } from '../../models/response.server';
import { SurveyModel } from '../../models/survey.server';
import { isComment } from '../question-types/registry';
import type { FieldErrors } from '../utils/submission';
import { errorsByField } from '../utils/submission';
import { claimInvites } from './answer-claims.server';
import { isCycleOpen, type OpenCycle, type ResolvedLink, resolveLink } from './invite-link.server';
import { newReceiptCode } from './receipt.server';
import { storeNewResponse } from './response-batch.server';
import { rollUpAndRelease } from './rollup-batch.server';
import { rebuildRollups } from './rollups.server';
import { submissionKeyFor } from './submission-key.server';
import { submissionSchema, type ValidSubmission } from './submission-schema';

// Storing a response exactly once without transactions and without a lasting link to the invite
// (docs/decisions/006-response-storage.md):
//   1. insert the response carrying submissionKey = HMAC(secret, invite id) under a unique index;
//   2. refuse it if that key is claimed already (an earlier answer finished storing);
//   3. add the response to its rollups (one upsert-$inc per rollup document);
//   4. claim the key (answer-claims.server.ts), then unset it and set rolledUp.
// The invite itself is never written. A crash between any two steps leaves a response with a
// key or with rolledUp false, and `recoverResponses` (run at start-up) finishes it.

/** Surveys this process already marked as having answers (the survey may be cached). */
const surveysWithAnswers = new Set<string>();

export type SubmitOutcome =
  | { status: 'stored'; receiptCode: string | null }
  | { status: 'invalid'; errors: FieldErrors }
  | { status: 'answered' }
  | { status: 'closed' }
  | { status: 'unknown' };

/** Submits answers through an invite link's token. */
export async function submitResponse(
  token: string,
  payload: unknown,
  now = new Date(),
): Promise<SubmitOutcome> {
  return submitToLink(await resolveLink(token, now, { forSubmission: true }), payload, now);
}

/** Submits answers through a link already resolved (the page's action resolves it first). */
export async function submitToLink(
  resolved: ResolvedLink,
  payload: unknown,
  now = new Date(),
): Promise<SubmitOutcome> {
  if (resolved.status !== 'open') {
    return { status: resolved.status === 'unknown' ? 'unknown' : resolved.status };
  }
  const checked = validate(resolved.open, payload);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  return storeResponse({
    open: resolved.open,
    departmentId: resolved.invite.departmentId,
    submissionKey: submissionKeyFor(String(resolved.invite._id)),
    submission: checked.submission,
    now,
  });
}

/** Submits an open-link (kiosk) response for the department the respondent picked. */
export async function submitKioskResponse(
  open: OpenCycle,
  departmentId: Types.ObjectId,
  payload: unknown,
  now = new Date(),
): Promise<SubmitOutcome> {
  if (!isCycleOpen(open.cycle, now)) return { status: 'closed' };
  const checked = validate(open, payload);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  return storeResponse({
    open,
    departmentId,
    submissionKey: null,
    submission: checked.submission,
    now,
  });
}

// Built once per OpenCycle: submissions sharing a recent copy of their cycle share it.
const schemas = new WeakMap<OpenCycle, ReturnType<typeof submissionSchema>>();

function schemaFor(open: OpenCycle) {
  let schema = schemas.get(open);
  if (!schema) {
    schema = submissionSchema(open.asked, open.definition.languages);
    schemas.set(open, schema);
  }
  return schema;
}

function validate(
  open: OpenCycle,
  payload: unknown,
): { ok: true; submission: ValidSubmission } | { ok: false; errors: FieldErrors } {
  const result = schemaFor(open).safeParse(payload);
  return result.success
    ? { ok: true, submission: result.data }
    : { ok: false, errors: errorsByField(result.error) };
}

async function storeResponse({
  open,
  departmentId,
  submissionKey,
  submission,
  now,
}: {
  open: OpenCycle;
  departmentId: Types.ObjectId;
  /** Null for an open-link (kiosk) response. */
  submissionKey: string | null;
  submission: ValidSubmission;
  now: Date;
}): Promise<SubmitOutcome> {
  const { cycle, survey } = open;
  const kiosk = submissionKey === null;
  const wroteComment = submission.answers.some((answer) => {
    const slot = open.asked.find((each) => each.question.id === answer.questionId);
    return isComment(slot?.question.type) && typeof answer.value === 'string';
  });
  const receipt = wroteComment ? newReceiptCode() : null;
  const id = randomUUID();

  // 1. The response, with the key that makes a second one for this invite collide, and 2. the
  // check that no earlier answer claimed the invite; both only while the cycle is still open.
  // The submission's language is only for reading its words and is not stored: it is the
  // person's preference, kept on their invite, so it would join the two.
  const stored = await storeNewResponse({
    document: {
      _id: id,
      cycleId: cycle._id,
      surveyId: survey._id,
      departmentId,
      answers: submission.answers.map((answer) => ({
        questionId: answer.questionId,
        providerDepartmentId: answer.providerDepartmentId
          ? new Types.ObjectId(answer.providerDepartmentId)
          : null,
        value: answer.value,
        ...(answer.skipped ? { skipped: true } : {}),
      })),
      ...(kiosk ? { kiosk: true } : {}),
      ...(receipt ? { receiptHash: receipt.hash } : {}),
      ...(submissionKey ? { submissionKey } : {}),
      rolledUp: false,
    },
    cycleId: cycle._id,
    submissionKey,
    now,
  });
  if (stored !== 'stored') return { status: stored };

  // 3. The rollups, 4. and the link to the invite is gone: together with the responses that
  // arrived alongside this one.
  await rollUpAndRelease({
    responseId: id,
    submissionKey,
    cycleId: cycle._id,
    target: { cycleId: cycle._id, surveyId: survey._id, departmentId },
    answers: submission.answers,
    typeOf: open.typeOf,
    kiosk,
  });
  if (!survey.hasAnswers && !surveysWithAnswers.has(String(survey._id))) {
    surveysWithAnswers.add(String(survey._id));
    await SurveyModel.updateOne(
      { _id: survey._id, hasAnswers: false },
      { $set: { hasAnswers: true } },
    );
  }
  return { status: 'stored', receiptCode: receipt?.code ?? null };
}

/**
 * Finishes responses a stop cut off (run at start-up, before requests are served, and by tests):
 * a response still carrying its key gets that key claimed, so its invite counts as answered, and
 * loses the key; then every cycle with responses not yet rolled up has its rollups rebuilt
 * exactly from its responses. No invite is read or written.
 */
export async function recoverResponses(): Promise<{ finished: number; rebuiltCycles: number }> {
  const keyed = await ResponseModel.find(
    { submissionKey: { $type: 'string' } },
    { cycleId: 1, submissionKey: 1 },
  ).lean();
  // Whether step 2 ran or not, the response is kept and counted, and its invite is answered.
  await claimInvites(
    keyed.flatMap((response) =>
      response.submissionKey ? [{ _id: response.submissionKey, cycleId: response.cycleId }] : [],
    ),
  );
  if (keyed.length > 0) {
    await ResponseModel.updateMany(
      { _id: { $in: keyed.map((response) => response._id) } },
      { $unset: { submissionKey: 1 }, $set: { rolledUp: false } },
    );
  }
  const cycleIds = await ResponseModel.distinct('cycleId', { rolledUp: false });
  for (const cycleId of cycleIds) await rebuildRollups(cycleId);
  return { finished: keyed.length, rebuiltCycles: cycleIds.length };
}
