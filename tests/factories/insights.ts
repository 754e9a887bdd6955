import { Types } from 'mongoose';

import { respondentsQuestionId } from '../../app/answering/rollups.server';
import type { Question } from '../../app/surveys/survey-schema';
import type { StaffUser } from '../../app/utils/permissions.server';
import { CycleModel } from '../../models/cycle.server';
import { RollupModel } from '../../models/rollup.server';
import { makeDepartment } from './organisation';
import { makeSurvey } from './survey';

// Insight tests seed rollups directly: the loaders read nothing else, and a rollup says exactly
// how many people and answers a group has.

let counter = 0;

const scale = (id: string, driver: string, internalService = false): Question => ({
  id,
  type: 'scale',
  text: { en: `Question ${id}` },
  driver,
  required: false,
  core: true,
  internalService,
  archived: false,
});

/** Two engagement questions, eNPS, one internal-service question and a comment box. */
export const insightQuestions: Question[] = [
  scale('q-tools', 'Tools'),
  scale('q-growth', 'Growth'),
  {
    id: 'q-enps',
    type: 'nps',
    text: { en: 'Would you recommend working here?' },
    required: false,
    core: true,
    internalService: false,
    archived: false,
  },
  scale('q-service', 'Responsiveness', true),
  {
    id: 'q-text',
    type: 'text',
    text: { en: 'Anything else?' },
    required: false,
    core: true,
    internalService: false,
    archived: false,
    maxLength: 500,
  },
];

/** Departments, providers (departments too) and an active survey with closed cycles 1…n. */
export async function makeInsightSurvey(
  options: {
    departments?: number;
    providers?: number;
    cycles?: number;
    threshold?: number;
    questions?: Question[];
  } = {},
) {
  counter += 1;
  const questions = options.questions ?? insightQuestions;
  const { departments: count = 3, providers: providerCount = 2, cycles: cycleCount = 2 } = options;
  const departments = await Promise.all(
    Array.from({ length: count }, (_, index) => makeDepartment(`Team ${counter}-${index}`)),
  );
  const providers = await Promise.all(
    Array.from({ length: providerCount }, (_, index) =>
      makeDepartment(`Service ${counter}-${index}`, { kind: 'support' }),
    ),
  );
  const survey = await makeSurvey({
    audienceIds: departments.map((department) => department._id),
    providerDepartmentIds: providers.map((provider) => String(provider._id)),
    questions,
    anonymityThreshold: options.threshold ?? 5,
  });
  const cycles = await CycleModel.insertMany(
    Array.from({ length: cycleCount }, (_, index) => ({
      surveyId: survey._id,
      number: index + 1,
      opensAt: new Date(Date.UTC(2026, 0, 5 + 7 * index, 8)),
      closesAt: new Date(Date.UTC(2026, 0, 10 + 7 * index, 8)),
      // Closed long ago, so settled: only settled cycles have figures.
      closedAt: new Date(Date.UTC(2026, 0, 10 + 7 * index, 8)),
      status: 'closed',
      questionIds: questions.map((question) => question.id),
      providerDepartmentIds: providers.map((provider) => provider._id),
      kioskId: `insight-${counter}-${index}`,
    })),
  );
  return { survey, departments, providers, cycles };
}

type Id = Types.ObjectId | string;

/**
 * The rollup of some answers, as `applyRollups` would have left it; `kiosk` of them came through
 * the open (kiosk) link.
 */
export function rollupOf(
  target: { surveyId: Id; cycleId: Id; departmentId: Id },
  questionId: string,
  values: readonly number[],
  providerId: Id | null = null,
  kiosk = 0,
) {
  const histogram: Record<string, number> = {};
  for (const value of values) histogram[String(value)] = (histogram[String(value)] ?? 0) + 1;
  return {
    surveyId: new Types.ObjectId(String(target.surveyId)),
    cycleId: new Types.ObjectId(String(target.cycleId)),
    departmentId: new Types.ObjectId(String(target.departmentId)),
    questionId,
    providerDepartmentId: providerId ? new Types.ObjectId(String(providerId)) : null,
    count: values.length,
    sum: values.reduce((sum, value) => sum + value, 0),
    sumSquares: values.reduce((sum, value) => sum + value * value, 0),
    histogram,
    skipped: 0,
    kioskCount: kiosk,
  };
}

/**
 * The respondents' rollup ('*') of one department in one cycle: `people` respondents, `kiosk` of
 * them through the open link.
 */
export function respondentsOf(
  target: { surveyId: Id; cycleId: Id; departmentId: Id },
  people: number,
  kiosk = 0,
) {
  return {
    ...rollupOf(target, respondentsQuestionId, []),
    count: people,
    histogram: {},
    kioskCount: kiosk,
  };
}

export async function seedRollups(rows: object[]): Promise<void> {
  if (rows.length > 0) await RollupModel.insertMany(rows);
}

/** A staff user as `requireStaff` returns it, without a stored person. */
export function staffUser(fields: { hrAdmin?: boolean; scope?: Id[] } = {}): StaffUser {
  const scope = (fields.scope ?? []).map(String);
  return {
    id: new Types.ObjectId().toHexString(),
    name: 'Lee Leader',
    email: 'lee@example.com',
    hrAdmin: fields.hrAdmin ?? false,
    language: 'en',
    leaderOf: scope,
    scope,
  };
}

const fours = (n: number) => Array.from({ length: n }, () => 4);

/**
 * An insight survey with two closed cycles of results. Cycle 1: Team 0 has 6 people who all
 * answered 3 to q-tools. Cycle 2: Team 0 has 10 people, Team 1 has 8, Team 2 has 2 (below the
 * threshold of 5, so withheld, and Team 1 with it as its complement); q-tools is all 4s but one 5,
 * q-growth all 4s, eNPS two 10s and the rest 4s, every provider rated 4 by everyone.
 */
export async function makeInsightResults() {
  const organisation = await makeInsightSurvey({ departments: 3, providers: 2, cycles: 2 });
  const { survey, departments, providers, cycles } = organisation;
  const at = (cycle: number, department: number) => ({
    surveyId: survey._id,
    cycleId: cycles[cycle]?._id ?? '',
    departmentId: departments[department]?._id ?? '',
  });
  const sizes = [10, 8, 2];
  await seedRollups([
    respondentsOf(at(0, 0), 6),
    rollupOf(at(0, 0), 'q-tools', [3, 3, 3, 3, 3, 3]),
    ...sizes.flatMap((size, department) => [
      respondentsOf(at(1, department), size),
      rollupOf(at(1, department), 'q-tools', [...fours(size - 1), 5]),
      rollupOf(at(1, department), 'q-growth', fours(size)),
      rollupOf(at(1, department), 'q-enps', [...fours(size - 2), 10, 10]),
      ...providers.map((provider) =>
        rollupOf(at(1, department), 'q-service', fours(size), provider._id),
      ),
    ]),
  ]);
  return organisation;
}

/** The internal-service template's shape: every question about the rated departments. */
export const serviceQuestions: Question[] = [
  {
    ...scale('q-responds', 'Responsiveness', true),
    text: { en: '{department} responds quickly when I need help.' },
  },
  {
    ...scale('q-reliable', 'Reliability', true),
    text: { en: 'How reliable is {department}?' },
  },
];

/**
 * A survey that asks only internal-service questions, two closed cycles. Cycle 1: Team 0 (6
 * people) rates both services 3. Cycle 2: Team 0 (10), Team 1 (8) and Team 2 (2, under the
 * threshold of 5) rate Service 0 with 4s and Service 1 with 5s — except Team 2, which rates
 * Service 1 only.
 */
export async function makeServiceResults() {
  const organisation = await makeInsightSurvey({
    departments: 3,
    providers: 2,
    cycles: 2,
    questions: serviceQuestions,
  });
  const { survey, departments, providers, cycles } = organisation;
  const at = (cycle: number, department: number) => ({
    surveyId: survey._id,
    cycleId: cycles[cycle]?._id ?? '',
    departmentId: departments[department]?._id ?? '',
  });
  const same = (n: number, value: number) => Array.from({ length: n }, () => value);
  const rated = (cycle: number, department: number, people: number, values: number[]) =>
    providers.flatMap((provider, index) =>
      serviceQuestions.map((question) =>
        rollupOf(
          at(cycle, department),
          question.id,
          same(people, values[index] ?? 0),
          provider._id,
        ),
      ),
    );
  await seedRollups([
    respondentsOf(at(0, 0), 6),
    ...rated(0, 0, 6, [3, 3]),
    respondentsOf(at(1, 0), 10),
    ...rated(1, 0, 10, [4, 5]),
    respondentsOf(at(1, 1), 8),
    ...rated(1, 1, 8, [4, 5]),
    respondentsOf(at(1, 2), 2),
    ...serviceQuestions.map((question) =>
      rollupOf(at(1, 2), question.id, same(2, 5), providers[1]?._id ?? null),
    ),
  ]);
  return organisation;
}
