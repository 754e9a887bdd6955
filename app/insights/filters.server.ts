import type { Types } from 'mongoose';
import { isValidObjectId } from 'mongoose';
import { z } from 'zod';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { RollupModel } from '../../models/rollup.server';
import { SurveyModel } from '../../models/survey.server';
import type { LanguageCode, QuestionType } from '../../models/vocabulary';
import { respondentsQuestionId } from '../answering/rollups.server';
import { messageText } from '../i18n';
import { localDate } from '../surveys/local-time';
import { refuseAddress } from '../utils/form.server';
import { message } from '../utils/message';
import { forbidden, notFound, type StaffUser } from '../utils/permissions.server';
import { parseSubmission } from '../utils/submission';
import { cycleResults } from './cycle-results.server';
import { type NeutralWording, questionWording } from './question-wording';
import type { CycleRef, DepartmentRef, InsightFilters, SurveyChoice } from './types';

// The filters of every insight page come from its URL (survey, from, to, department), so a view
// can be bookmarked. Missing ones take defaults; a department outside the user's scope is a 403,
// never a silently wider or narrower view. Only settled cycles (closed a while ago) are in a
// view: an open cycle's figures move with each response, so two views a response apart would
// give that response away. The view says which cycle is still open instead.

/** How many cycles a view covers when the URL does not say. */
export const defaultCycleSpan = 12;

const objectIdText = (what: string) =>
  z.string().refine((value) => isValidObjectId(value), `Unknown ${what} in the address`);
const cycleNumber = (what: string) =>
  z.coerce
    .number({ invalid_type_error: `"${what}" must be a cycle number` })
    .int(`"${what}" must be a whole cycle number`)
    .min(1, `"${what}" must be a cycle number from 1`);

const filterParams = z
  .object({
    survey: objectIdText('survey').optional(),
    from: cycleNumber('from').optional(),
    to: cycleNumber('to').optional(),
    department: objectIdText('department').optional(),
  })
  .refine((params) => !params.from || !params.to || params.from <= params.to, {
    message: '"from" must not come after "to"',
    path: ['from'],
  });

export interface QuestionInfo {
  id: string;
  type: QuestionType;
  /** As staff pages show it over every rated department (see question-wording.ts). */
  text: string;
  /** As written, `{department}` and all: for a figure about one rated department. */
  template: string;
  driver: string | null;
  internalService: boolean;
}

/** What every insight loader starts from: the survey, the cycles in range and who sees what. */
export interface InsightContext {
  filters: InsightFilters;
  surveys: SurveyChoice[];
  threshold: number;
  questions: QuestionInfo[];
  providerIds: string[];
  /** Settled cycles in range, oldest first: the only ones with figures. */
  cycles: CycleRef[];
  /**
   * The cycles of `cycles`, whose rollups no longer change (closed a while ago), with the
   * revision of their rollups: their rows and results are kept in memory by revision.
   */
  settled: Map<string, number>;
  /** The newest opened cycle of the range that has not settled yet: its results come later. */
  pending: CycleRef | null;
  /** Invited people per department per cycle id, where the cycle recorded them. */
  invited: Map<string, Map<string, number> | null>;
  departments: Map<string, DepartmentRef>;
  /** Departments the user sees as answering departments; null means all (HR admins). */
  scope: ReadonlySet<string> | null;
}

/** The opened cycles (never the missed ones) and the surveys a leader can choose from. */
async function surveyChoices(): Promise<{ id: string; title: string; status: string }[]> {
  const surveys = await SurveyModel.find(
    { status: { $ne: 'draft' } },
    { title: 1, defaultLanguage: 1, status: 1, createdAt: 1 },
  )
    .sort({ createdAt: -1 })
    .lean();
  return surveys.map((survey) => ({
    id: String(survey._id),
    title: survey.title[survey.defaultLanguage] ?? Object.values(survey.title)[0] ?? '',
    status: survey.status,
  }));
}

const openedCycle = {
  status: { $in: ['open' as const, 'closed' as const] },
  missed: { $ne: true },
};

/** What a page needs of a survey to open on it when the address names none. */
export type SurveyNeed = 'results' | 'matrix';

/**
 * Parses the URL's filters and fills in the defaults: the survey whose latest results in the
 * user's scope are the newest (with `needs: 'matrix'`, results of the internal-customer matrix),
 * else the newest active survey that has opened a cycle; and its latest twelve opened cycles.
 * Throws 400 for a malformed address, 404 for an unknown survey and 403 for a department outside
 * the user's scope.
 */
export async function resolveInsights(
  user: StaffUser,
  params: URLSearchParams,
  options: { needs?: SurveyNeed } = {},
): Promise<InsightContext> {
  const parsed = parseSubmission(params, filterParams);
  if (!parsed.ok) throw refuseAddress(parsed);
  const { survey: surveyParam, from, to, department } = parsed.data;
  if (department && !user.hrAdmin && !user.scope.includes(department)) {
    throw forbidden();
  }

  const choices = await surveyChoices();
  let surveyId = surveyParam ?? (await surveyWithResults(user, options.needs ?? 'results'));
  if (!surveyId) {
    const opened = new Set(
      (await CycleModel.distinct('surveyId', openedCycle)).map((id) => String(id)),
    );
    const withCycles = choices.filter((choice) => opened.has(choice.id));
    surveyId = (withCycles.find((choice) => choice.status === 'active') ?? withCycles[0])?.id;
  }
  const survey = surveyId
    ? await SurveyModel.findOne(
        { _id: surveyId, status: { $ne: 'draft' } },
        {
          defaultLanguage: 1,
          anonymityThreshold: 1,
          questions: 1,
          providerDepartmentIds: 1,
          schedule: 1,
        },
      ).lean()
    : null;
  if (surveyParam && !survey) throw notFound('Survey not found');

  const cycles = survey
    ? await CycleModel.find(
        { surveyId: survey._id, ...openedCycle },
        {
          number: 1,
          opensAt: 1,
          invitedByDepartment: 1,
          status: 1,
          closedAt: 1,
          rollupsRevision: 1,
        },
      )
        .sort({ number: 1 })
        .lean()
    : [];
  const now = Date.now();
  const settledCycles = cycles.filter((cycle) => isSettled(cycle, now));
  const numbers = settledCycles.map((cycle) => cycle.number);
  const last =
    to ?? (await newestAnswered(settledCycles)) ?? numbers.at(-1) ?? cycles.at(-1)?.number ?? 1;
  const first =
    from ??
    numbers.filter((number) => number <= last).at(-defaultCycleSpan) ??
    Math.max(1, last - defaultCycleSpan + 1);
  const inRange = settledCycles.filter((cycle) => cycle.number >= first && cycle.number <= last);
  const pending = cycles.findLast(
    (cycle) => !isSettled(cycle, now) && cycle.number >= first && (!to || cycle.number <= to),
  );
  const cycleRef = (cycle: (typeof cycles)[number]): CycleRef => ({
    id: String(cycle._id),
    number: cycle.number,
    // The survey's own calendar day, as the comments filter and every schedule page write it.
    opensOn: localDate(cycle.opensAt, survey?.schedule.timeZone ?? 'UTC'),
  });

  const departments = await DepartmentModel.find({}, { name: 1 }).lean();
  return {
    filters: {
      surveyId: survey ? String(survey._id) : '',
      fromCycle: first,
      toCycle: last,
      departmentId: department ?? null,
    },
    surveys: choices.map(({ id, title }) => ({ id, title })),
    threshold: thresholdOf(survey),
    questions: survey ? questionInfos(survey, user.language) : [],
    providerIds: (survey?.providerDepartmentIds ?? []).map(String),
    cycles: inRange.map(cycleRef),
    settled: new Map(inRange.map((cycle) => [String(cycle._id), cycle.rollupsRevision])),
    pending: pending ? cycleRef(pending) : null,
    invited: new Map(
      inRange.map((cycle) => [String(cycle._id), invitedMap(cycle.invitedByDepartment)]),
    ),
    departments: new Map(
      departments.map((item) => [String(item._id), { id: String(item._id), name: item.name }]),
    ),
    scope: user.hrAdmin ? null : new Set(user.scope),
  };
}

/** How many of the newest settled cycles, over every survey, a default survey is looked for in. */
const defaultSearchCycles = 24;

/**
 * The survey of the newest settled cycle that has results the user may see: a figure shown (not
 * withheld, not empty) for one of their departments — as an answering department, or as a rated
 * one — or, for HR admins, anywhere. Read from the cycle's results, the one decision of what it
 * withholds, so the choice tells nothing those results do not show. With `matrix`, only results of
 * the internal-customer matrix count.
 */
async function surveyWithResults(user: StaffUser, needs: SurveyNeed): Promise<string | undefined> {
  const cycles = await CycleModel.find(
    {
      status: 'closed',
      missed: { $ne: true },
      closedAt: { $lt: new Date(Date.now() - settleMs) },
    },
    { surveyId: 1, rollupsRevision: 1 },
  )
    .sort({ closedAt: -1, number: -1 })
    .limit(defaultSearchCycles)
    .lean();
  const surveyIds = [...new Set(cycles.map((cycle) => String(cycle.surveyId)))];
  const surveys = await SurveyModel.find(
    { _id: { $in: surveyIds }, status: { $ne: 'draft' } },
    { defaultLanguage: 1, anonymityThreshold: 1, questions: 1 },
  ).lean();
  const scope = user.hrAdmin ? null : new Set(user.scope);
  const mine = (id: string) => !scope || scope.has(id);
  for (const surveyId of surveyIds) {
    const survey = surveys.find((candidate) => String(candidate._id) === surveyId);
    if (!survey) continue;
    const own = cycles.filter((cycle) => String(cycle.surveyId) === surveyId);
    const settled = new Map(own.map((cycle) => [String(cycle._id), cycle.rollupsRevision]));
    const frame = { threshold: thresholdOf(survey), questions: questionInfos(survey), settled };
    const results = await cycleResults(frame, [...settled.keys()]);
    for (const result of results.values()) {
      const matrix = result.matrix();
      const matrixShown =
        [...matrix.cells].some(([key, reading]) => {
          const [row = '', column = ''] = key.split('\u0000');
          return reading.state === 'shown' && (mine(row) || mine(column));
        }) ||
        [...matrix.rowTotals, ...matrix.columnTotals].some(
          ([id, reading]) => reading.state === 'shown' && mine(id),
        );
      if (matrixShown) return surveyId;
      if (needs === 'matrix') continue;
      const { figures } = result;
      const answered = [...figures.respondents].some(
        ([id, people]) => people > 0 && mine(id) && !figures.respondentsWithheld.has(id),
      );
      if (answered || (!scope && figures.respondentsTotalShown && figures.respondents.size > 0)) {
        return surveyId;
      }
    }
  }
  return undefined;
}

/**
 * The newest of the last few settled cycles that has answers: a view that is not told which
 * cycles to show opens on results, not on a cycle that began an hour ago.
 */
async function newestAnswered(cycles: readonly { _id: Types.ObjectId; number: number }[]) {
  for (const cycle of cycles.slice(-3).reverse()) {
    const answered = await RollupModel.exists({
      cycleId: cycle._id,
      questionId: respondentsQuestionId,
      count: { $gt: 0 },
    });
    if (answered) return cycle.number;
  }
  return undefined;
}

/**
 * A response confirmed just before its cycle closed may still be adding to the rollups for a
 * moment; after this long the rollups change only through a rebuild, which bumps the revision.
 */
const settleMs = 60_000;

/** Closed more than the settle time ago: its figures may be shown, and kept. */
export function isSettled(
  cycle: { status: string; closedAt?: Date | null },
  now = Date.now(),
): boolean {
  return cycle.status === 'closed' && !!cycle.closedAt && now - cycle.closedAt.getTime() > settleMs;
}

/** A survey's threshold as every figure uses it: never below 3, 5 when it has none. */
export function thresholdOf(survey: { anonymityThreshold?: number | null } | null): number {
  return Math.max(3, survey?.anonymityThreshold ?? 5);
}

/** The neutral wording of internal-service questions in one language (see question-wording.ts). */
export function wordingIn(language: LanguageCode): NeutralWording {
  return {
    start: messageText('insights:question.start', language),
    within: messageText('insights:question.within', language),
    each: (text) => messageText(message('insights:question.each', { text }), language),
  };
}

/**
 * A survey's questions as the figures need them, internal-service ones worded for every rated
 * department at once. `text` is in the reader's language where the survey has it (else in the
 * survey's default language); `template` always in the default language, so a label kept with an
 * action reads the same whoever raised it.
 */
export function questionInfos(
  survey: {
    defaultLanguage?: string | null;
    questions?: readonly {
      id: string;
      type: QuestionType;
      text?: unknown;
      driver?: string | null;
      internalService: boolean;
    }[];
  },
  language?: LanguageCode,
): QuestionInfo[] {
  const wording = language ? wordingIn(language) : undefined;
  return (survey.questions ?? []).map((question) => {
    const template = textIn(question.text, survey.defaultLanguage ?? 'en');
    const shown = language ? textIn(question.text, language, template) : template;
    return {
      id: question.id,
      type: question.type,
      text: questionWording(shown, null, wording),
      template,
      driver: question.driver ?? null,
      internalService: question.internalService,
    };
  });
}

/**
 * A question's text in one language (texts are stored per language), else `fallback`, else the
 * first it has.
 */
function textIn(texts: unknown, language: string, fallback?: string): string {
  if (!texts || typeof texts !== 'object') return fallback ?? '';
  const entries = Object.entries(texts).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
  );
  const own = entries.find(([code]) => code === language)?.[1];
  if (own !== undefined) return own;
  return fallback ?? entries[0]?.[1] ?? '';
}

function invitedMap(stored: unknown): Map<string, number> | null {
  if (!stored || typeof stored !== 'object') return null;
  return new Map(
    Object.entries(stored).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

export const departmentRef = (context: InsightContext, id: string): DepartmentRef =>
  context.departments.get(id) ?? { id, name: 'Unknown department' };
