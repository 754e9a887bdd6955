import { randomBytes } from 'node:crypto';

import { Types } from 'mongoose';

import { newToken } from '../../app/surveys/tokens.server';
import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { makeDepartment } from './organisation';
import { everyQuestionType, makeSurvey } from './survey';

let counter = 0;
// End-to-end test files share one database, each with its own copy of this module: the tag keeps
// their department names (which are unique) apart.
const run = randomBytes(3).toString('hex');

/**
 * An open cycle asking one question of every type (the NPS one about two provider departments)
 * of people in `departments` respondent departments, with one invite (and its token) per person.
 */
export async function makeAnsweringCycle(
  options: { invites?: number; departments?: number; providers?: number } = {},
) {
  counter += 1;
  const { invites = 3, departments: departmentCount = 1, providers: providerCount = 2 } = options;
  const departments = await Promise.all(
    Array.from({ length: departmentCount }, (_, index) =>
      makeDepartment(`Team ${run}-${counter}-${index}`),
    ),
  );
  const providers = await Promise.all(
    Array.from({ length: providerCount }, (_, index) =>
      makeDepartment(`Service ${run}-${counter}-${index}`, { kind: 'support' }),
    ),
  );
  const survey = await makeSurvey({
    audienceIds: departments.map((department) => department._id),
    providerDepartmentIds: providers.map((provider) => String(provider._id)),
    questions: everyQuestionType,
  });
  const now = Date.now();
  const cycle = await CycleModel.create({
    surveyId: survey._id,
    number: 1,
    opensAt: new Date(now - 60 * 60 * 1000),
    closesAt: new Date(now + 3 * 24 * 60 * 60 * 1000),
    status: 'open',
    questionIds: survey.questions.map((question) => question.id),
    providerDepartmentIds: providers.map((provider) => provider._id),
    kioskId: `kiosk-${counter}-${String(survey._id)}`,
    openedAt: new Date(now - 60 * 60 * 1000),
  });
  const tokens = Array.from({ length: invites }, () => newToken());
  const stored = await InviteModel.insertMany(
    tokens.map(({ hash }, index) => ({
      cycleId: cycle._id,
      surveyId: survey._id,
      personId: new Types.ObjectId(),
      departmentId: departments[index % departments.length]?._id,
      language: 'en',
      tokenHash: hash,
      deliveryClaimedAt: new Date(now),
      deliveredAt: new Date(now),
    })),
  );
  return {
    survey,
    cycle,
    departments,
    providers,
    invites: stored.map((invite, index) => ({
      ...invite.toObject(),
      token: tokens[index]?.token ?? '',
    })),
  };
}

/** A complete, valid answer set for the cycle made above. */
export function validAnswers(
  providers: { _id: Types.ObjectId }[],
  overrides: { scale?: number; comment?: string; skipFirstProvider?: boolean } = {},
) {
  return {
    language: 'en',
    answers: [
      { questionId: 'q-scale', value: overrides.scale ?? 4 },
      ...providers.map((provider, index) =>
        index === 0 && overrides.skipFirstProvider
          ? { questionId: 'q-nps', providerDepartmentId: String(provider._id), skipped: true }
          : { questionId: 'q-nps', providerDepartmentId: String(provider._id), value: 7 + index },
      ),
      { questionId: 'q-single', value: 'office' },
      { questionId: 'q-multi', value: ['training', 'time'] },
      ...(overrides.comment ? [{ questionId: 'q-text', value: overrides.comment }] : []),
    ],
  };
}

export { everyQuestionType };
