import { Types } from 'mongoose';

import { type Cycle, CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { type Invite, InviteModel } from '../../models/invite.server';
import { type Survey, SurveyModel } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import { nextCycleOpening } from '../surveys/cadence';
import { localize } from '../surveys/localize';
import type { SurveyDefinition } from '../surveys/survey-schema';
import { definitionOf } from '../surveys/surveys.server';
import { hashToken } from '../surveys/tokens.server';
import { batched } from '../utils/batched.server';
import { type AskedQuestion, askedQuestions } from './asked-questions';
import { type AskedView, askedViews } from './asked-view';

// What an employee's link leads to. An unknown token and a malformed one get the same outcome
// after the same work (a hash and the same indexed lookups), so the answer says nothing about which
// tokens exist or what they look like.

export interface AnswerForm {
  language: LanguageCode;
  languages: LanguageCode[];
  title: string;
  intro: string;
  questions: AskedView[];
}

export type LinkOutcome =
  | { status: 'open'; language: LanguageCode; form: AnswerForm }
  | { status: 'answered'; language: LanguageCode }
  | { status: 'closed'; language: LanguageCode; nextOpensAt: string | null; timeZone: string }
  | { status: 'unknown' };

/** An open cycle with what answering it needs (shared by invite links and the kiosk). */
export interface OpenCycle {
  cycle: Cycle;
  survey: Survey;
  definition: SurveyDefinition;
  asked: AskedQuestion[];
  /** The type of a question asked in this cycle, for adding answers to rollups. */
  typeOf: (questionId: string) => AskedQuestion['question']['type'] | undefined;
}

/**
 * What a link leads to. There is no "answered" here: nothing on an invite says whether it was
 * used (link-owner.server.ts tells its owner's browser).
 */
export type ResolvedLink =
  | { status: 'open'; invite: Invite; open: OpenCycle; language: LanguageCode }
  | { status: 'closed'; language: LanguageCode; nextOpensAt: string | null; timeZone: string }
  | { status: 'unknown' };

/** The invite behind a token, always by hash and the same indexed lookups, whatever the token. */
async function findInvite(token: string): Promise<Invite | null> {
  // Bounded, so a huge path costs no more to hash than a real token.
  const hash = hashToken(token.slice(0, 200));
  const wellFormed = /^[\w-]{20,100}$/.test(token);
  // The lookup always runs, well-formed or not.
  const invite = await inviteByHash(hash);
  return wellFormed ? invite : null;
}

// The lookups of links opened at the same moment go together: one $or over the two hashed links
// (first and reminder), each branch on its own index, on MongoDB and the embedded engine alike.
// The driver directly: mongoose's query building costs more than the lookup under load.
const inviteByHash = batched<string, Invite | null>(async (hashes) => {
  const invites = await InviteModel.collection
    .find<Invite>({
      $or: [{ tokenHash: { $in: hashes } }, { reminderTokenHash: { $in: hashes } }],
    })
    .toArray();
  const byHash = new Map<string, Invite>();
  for (const invite of invites) {
    byHash.set(invite.tokenHash, invite);
    if (invite.reminderTokenHash) byHash.set(invite.reminderTokenHash, invite);
  }
  return hashes.map((hash) => byHash.get(hash) ?? null);
});

export function isCycleOpen(cycle: Pick<Cycle, 'status' | 'closesAt'>, now: Date): boolean {
  return cycle.status === 'open' && cycle.closesAt.getTime() > now.getTime();
}

// Surveys change rarely and a cycle fixes the questions it asks, so the parsed survey is kept for
// a few seconds: under load, each response then costs one fewer read and one fewer parse.
const surveyCacheMs = 5000;
const surveyCache = new Map<string, { at: number; survey: Survey; definition: SurveyDefinition }>();

async function cachedSurvey(surveyId: Cycle['surveyId']) {
  const key = String(surveyId);
  const hit = surveyCache.get(key);
  if (hit && Date.now() - hit.at < surveyCacheMs) return hit;
  const survey = await SurveyModel.findById(surveyId).lean();
  if (!survey) return null;
  const entry = { at: Date.now(), survey, definition: definitionOf(survey) };
  if (surveyCache.size > 1000) surveyCache.clear();
  surveyCache.set(key, entry);
  return entry;
}

// Submissions sharing a recent copy of their cycle (below) share its OpenCycle too, and with it
// the validation schema built for it (submit.server.ts).
const openCycles = new WeakMap<Cycle, { from: unknown; open: OpenCycle }>();

export async function loadOpenCycle(cycle: Cycle): Promise<OpenCycle | null> {
  const cached = await cachedSurvey(cycle.surveyId);
  if (!cached) return null;
  const known = openCycles.get(cycle);
  if (known?.from === cached) return known.open;
  const open = openCycleOf(cycle, cached);
  openCycles.set(cycle, { from: cached, open });
  return open;
}

function openCycleOf(
  cycle: Cycle,
  { survey, definition }: { survey: Survey; definition: SurveyDefinition },
): OpenCycle {
  const asked = askedQuestions(definition.questions, {
    questionIds: cycle.questionIds,
    providerDepartmentIds: cycle.providerDepartmentIds.map(String),
  });
  const types = new Map(asked.map((slot) => [slot.question.id, slot.question.type]));
  return { cycle, survey, definition, asked, typeOf: (questionId) => types.get(questionId) };
}

export function languageFor(definition: SurveyDefinition, wanted: string | null | undefined) {
  return definition.languages.find((code) => code === wanted) ?? definition.defaultLanguage;
}

// A submission may take its cycle (the questions asked, the survey) from a copy read a moment
// ago: storing reads again, for the whole batch, whether the cycle is still open
// (response-batch.server.ts). A page always reads the cycle as it is.
const recentCycleMs = 2000;
const recentCycles = new Map<string, { at: number; cycle: Cycle }>();

// Pages opened at the same moment read their cycles together: each read still starts after its
// request arrived, so it sees the cycle as it is, but one round trip carries many.
const cyclesNow = batched<Cycle['_id'], Cycle | null>(async (ids) => {
  const unique = [...new Map(ids.map((id) => [String(id), id])).values()];
  const cycles = await CycleModel.collection.find<Cycle>({ _id: { $in: unique } }).toArray();
  const byId = new Map(cycles.map((cycle) => [String(cycle._id), cycle]));
  return ids.map((id) => byId.get(String(id)) ?? null);
});

async function cycleById(cycleId: Cycle['_id'], recent: boolean): Promise<Cycle | null> {
  const key = String(cycleId);
  const hit = recent ? recentCycles.get(key) : undefined;
  if (hit && Date.now() - hit.at < recentCycleMs) return hit.cycle;
  const cycle = await cyclesNow(cycleId);
  if (cycle) {
    if (recentCycles.size > 1000) recentCycles.clear();
    recentCycles.set(key, { at: Date.now(), cycle });
  }
  return cycle;
}

/**
 * Resolves a token to what its page shows, keeping the server-side records for the action.
 * `forSubmission` lets the cycle come from a copy read a moment ago (see above).
 */
export async function resolveLink(
  token: string,
  now = new Date(),
  { forSubmission = false } = {},
): Promise<ResolvedLink> {
  const invite = await findInvite(token);
  if (!invite) return { status: 'unknown' };
  const cycle = await cycleById(invite.cycleId, forSubmission);
  if (!cycle) return { status: 'unknown' };
  const open = await loadOpenCycle(cycle);
  if (!open) return { status: 'unknown' };
  const language = languageFor(open.definition, invite.language);
  if (!isCycleOpen(cycle, now)) {
    const next = nextCycleOpening(open.definition.schedule, now);
    return {
      status: 'closed',
      language,
      nextOpensAt: next ? next.opensAt.toISOString() : null,
      timeZone: open.definition.schedule.timeZone,
    };
  }
  return { status: 'open', invite, open, language };
}

// The names of the departments a cycle rates, kept for a few seconds like the survey above: every
// page of the cycle shows the same ones, and a renamed department shows its new name a moment
// later. Names of departments only, nothing about the reader.
const departmentNamesMs = 5000;
const departmentNameCache = new Map<string, { at: number; names: Map<string, string> }>();

async function departmentNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const key = ids.join(',');
  const hit = departmentNameCache.get(key);
  if (hit && Date.now() - hit.at < departmentNamesMs) return hit.names;
  const departments = await DepartmentModel.collection
    .find<{ _id: unknown; name: string }>(
      { _id: { $in: ids.map((id) => new Types.ObjectId(id)) } },
      { projection: { name: 1 } },
    )
    .toArray();
  const names = new Map(departments.map((department) => [String(department._id), department.name]));
  if (departmentNameCache.size > 1000) departmentNameCache.clear();
  departmentNameCache.set(key, { at: Date.now(), names });
  return names;
}

/** The page's view of an open cycle, in one language (texts fall back to the default). */
export async function answerFormOf(open: OpenCycle, language: LanguageCode): Promise<AnswerForm> {
  const { definition, asked } = open;
  const read = (text: Partial<Record<LanguageCode, string>>) =>
    localize(text, language, definition.defaultLanguage);
  const providerIds = [...new Set(asked.flatMap((slot) => slot.providerDepartmentId ?? []))];
  const nameOf = await departmentNames(providerIds);
  return {
    language,
    languages: definition.languages,
    title: read(definition.title),
    intro: read(definition.intro),
    questions: askedViews(asked, read, nameOf),
  };
}

/** The outcome of opening a link, for the page's loader. */
export async function openInviteLink(
  token: string,
  requestedLanguage: string | null = null,
  now = new Date(),
): Promise<LinkOutcome> {
  const resolved = await resolveLink(token, now);
  if (resolved.status !== 'open') return resolved;
  const language = requestedLanguage
    ? languageFor(resolved.open.definition, requestedLanguage)
    : resolved.language;
  return { status: 'open', language, form: await answerFormOf(resolved.open, language) };
}
