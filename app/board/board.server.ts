import type { Types } from 'mongoose';

import { type Action, ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { SurveyModel } from '../../models/survey.server';
import type { ActionStatus, LanguageCode, MetricKind } from '../../models/vocabulary';
import { type BoardCharter, boardCharters } from '../charters/board-charters.server';
import { type BoardIdeas, boardIdeas } from '../ideas/outcomes.server';
import { type MetricSource, metricSourceOf } from '../insights/metric.server';
import { sourceFigures } from '../insights/source-figures.server';
import type { Figure } from '../insights/types';
import { defaultTimeZone, localDate } from '../surveys/local-time';
import { localizeIn } from '../surveys/localize';
import type { LocalizedText } from '../surveys/survey-schema';
import { type BoardThanks, boardThanks } from '../thanks/board-thanks.server';
import { isBoardKeyShaped } from './board-key.server';

/**
 * One published action as employees see it. Only what the card shows leaves the server: no
 * owner, no author ids, no sums behind the baseline, and days rather than moments.
 */
export interface BoardAction {
  id: string;
  title: string;
  description: string;
  /** The language staff wrote the title, description and updates in, when known. */
  writtenIn: LanguageCode | null;
  /** What was heard: the result it was raised from, for the card to word in its reader's language. */
  heard: Heard;
  metric: MetricKind;
  /**
   * The figure then, as the insight pages show it to HR admins: read again from the
   * organisation's results of the source's cycle, rounded. Null when those withhold it (by the
   * survey's threshold now) or have no such figure.
   */
  baseline: { value: number; n: number } | null;
  status: ActionStatus;
  dueOn: string;
  /** The local day it was marked done, in the survey's time zone. */
  completedOn: string | null;
  latestUpdate: { note: string; on: string; byName: string } | null;
}

/**
 * The result an action was raised from, as parts the card words in the reader's language: names
 * are shown as written, the question in the reader's language where the survey has it.
 */
export interface Heard {
  metric: MetricKind;
  /** As stored: a built-in driver's name is translated on the card, a custom one is shown. */
  driver: string | null;
  /** The question's text (with `{department}` still in it) and the language it is in. */
  question: { text: string; language: LanguageCode } | null;
  /** The answering department; null for the whole company. */
  department: string | null;
  /** The rated department of an internal-service result. */
  provider: string | null;
  /**
   * The words staff saw when raising it (English), only when the card cannot word it better: a
   * question the survey no longer has.
   */
  label: string | null;
}

export interface Board {
  /** The department whose board this is; null on the company board. */
  department: { name: string } | null;
  /** Actions about the department: as the answering department or as the service rated. */
  departmentActions: BoardAction[];
  companyActions: BoardAction[];
  /** Published service charters: of the departments that serve it, or all on the company board. */
  charters?: BoardCharter[];
  /** Thanks the department published, and where to thank another; null on the company board. */
  thanks?: BoardThanks | null;
  /** What came of the ideas sent to the department (app/ideas/); on a department's board only. */
  ideas?: BoardIdeas;
}

// Done actions pile up over the years; the board shows the most recent ones.
const doneShown = 30;

// Timeline entries whose note is written for employees to read; other kinds record staff work.
const updateKinds = new Set(['update', 'status']);

/** The company board: published actions raised from whole-survey results. */
export async function companyBoard(language: LanguageCode): Promise<Board> {
  const [actions, charters] = await Promise.all([
    publishedActions({ 'source.departmentId': null }, language),
    boardCharters(null, language),
  ]);
  return { department: null, departmentActions: [], companyActions: actions, charters };
}

/**
 * A department's board, by its public key: the published actions about it (answering or rated)
 * and the company-wide ones. Null for any key that names no department, whatever its shape, so
 * callers answer every bad key alike.
 */
export async function departmentBoard(
  boardKey: string,
  language: LanguageCode,
): Promise<Board | null> {
  if (!isBoardKeyShaped(boardKey)) return null;
  const department = await DepartmentModel.findOne({ boardKey }, { name: 1 }).lean();
  if (!department) return null;
  const id = department._id;
  const [departmentActions, company, charters, thanks, ideas] = await Promise.all([
    publishedActions(
      { $or: [{ 'source.departmentId': id }, { 'source.providerDepartmentId': id }] },
      language,
    ),
    publishedActions({ 'source.departmentId': null }, language),
    boardCharters(id, language),
    boardThanks(department, boardKey),
    boardIdeas({ _id: id, boardKey }),
  ]);
  // A company-wide action about this department's service is shown once, as the department's.
  const shown = new Set(departmentActions.map((action) => action.id));
  return {
    department: { name: department.name },
    departmentActions,
    companyActions: company.filter((action) => !shown.has(action.id)),
    charters,
    thanks,
    ideas,
  };
}

type Scope =
  | { 'source.departmentId': null }
  | {
      $or: [
        { 'source.departmentId': Types.ObjectId },
        { 'source.providerDepartmentId': Types.ObjectId },
      ];
    };

const fields = {
  title: 1,
  description: 1,
  language: 1,
  'source.surveyId': 1,
  'source.cycleId': 1,
  'source.metric': 1,
  'source.questionId': 1,
  'source.driver': 1,
  'source.departmentId': 1,
  'source.providerDepartmentId': 1,
  'source.label': 1,
  status: 1,
  dueOn: 1,
  completedAt: 1,
  'timeline.at': 1,
  'timeline.kind': 1,
  'timeline.note': 1,
  'timeline.byName': 1,
};

type Stored = Pick<
  Action,
  'title' | 'description' | 'status' | 'dueOn' | 'completedAt' | 'language'
> & {
  _id: Types.ObjectId;
  source: Pick<
    Action['source'],
    | 'surveyId'
    | 'cycleId'
    | 'metric'
    | 'questionId'
    | 'driver'
    | 'departmentId'
    | 'providerDepartmentId'
    | 'label'
  >;
  timeline?: { at: Date; kind: string; note?: string | null; byName: string }[];
};

/**
 * Published actions in a scope, in board order: in progress, open, then done (latest first). An
 * action that will not be done leaves the board: its reason is written for staff, in the staff's
 * words and language, and "You said, we did" would show it as something done.
 */
async function publishedActions(scope: Scope, language: LanguageCode): Promise<BoardAction[]> {
  const [active, done] = await Promise.all([
    ActionModel.find(
      { ...scope, published: true, status: { $in: ['in-progress', 'open'] } },
      fields,
    )
      .sort({ dueOn: 1, _id: 1 })
      .lean<Stored[]>(),
    ActionModel.find({ ...scope, published: true, status: 'done' }, fields)
      .sort({ completedAt: -1, _id: -1 })
      .limit(doneShown)
      .lean<Stored[]>(),
  ]);
  const inProgress = active.filter((action) => action.status === 'in-progress');
  const open = active.filter((action) => action.status === 'open');
  const ordered = [...inProgress, ...open, ...done];
  const [surveys, names, baselines] = await Promise.all([
    surveysOf(ordered.map((action) => action.source.surveyId)),
    departmentNames(
      ordered.flatMap(({ source }) => [source.departmentId, source.providerDepartmentId]),
    ),
    figuresOf(
      ordered.map((action) => (action.source.metric === 'idea' ? null : metricSourceOf(action))),
    ),
  ]);
  return ordered.map((action, index) => {
    const survey = surveys.get(String(action.source.surveyId));
    return toBoardAction(action, {
      timeZone: survey?.timeZone ?? defaultTimeZone,
      heard: heardOf(action.source, survey, names, language),
      baseline: baselines[index],
    });
  });
}

/** The figures of result sources; an action raised from an idea has none (undefined). */
async function figuresOf(sources: (MetricSource | null)[]): Promise<(Figure | undefined)[]> {
  const figures = await sourceFigures(sources.filter((source) => source !== null));
  let next = 0;
  return sources.map((source) => (source ? figures[next++] : undefined));
}

interface SurveyFacts {
  timeZone: string;
  defaultLanguage: LanguageCode;
  questions: Map<string, LocalizedText>;
}

async function surveysOf(
  all: (Types.ObjectId | null | undefined)[],
): Promise<Map<string, SurveyFacts>> {
  // Actions raised from ideas have no survey.
  const ids = all.filter((id) => id != null);
  if (ids.length === 0) return new Map();
  const surveys = await SurveyModel.find(
    { _id: { $in: ids } },
    { schedule: 1, defaultLanguage: 1, 'questions.id': 1, 'questions.text': 1 },
  ).lean<
    {
      _id: Types.ObjectId;
      schedule: { timeZone: string };
      defaultLanguage: LanguageCode;
      questions: { id: string; text: LocalizedText }[];
    }[]
  >();
  return new Map(
    surveys.map((survey) => [
      String(survey._id),
      {
        timeZone: survey.schedule.timeZone,
        defaultLanguage: survey.defaultLanguage,
        questions: new Map(survey.questions.map((question) => [question.id, question.text])),
      },
    ]),
  );
}

async function departmentNames(
  ids: (Types.ObjectId | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => id != null).map(String))];
  if (wanted.length === 0) return new Map();
  const departments = await DepartmentModel.find({ _id: { $in: wanted } }, { name: 1 }).lean();
  return new Map(departments.map((department) => [String(department._id), department.name]));
}

function heardOf(
  source: Stored['source'],
  survey: SurveyFacts | undefined,
  names: Map<string, string>,
  language: LanguageCode,
): Heard {
  const name = (id: Types.ObjectId | null | undefined) =>
    id ? (names.get(String(id)) ?? null) : null;
  const texts = source.questionId ? survey?.questions.get(source.questionId) : undefined;
  const worded = texts ? localizeIn(texts, language, survey?.defaultLanguage ?? 'en') : null;
  const driver = source.driver ?? null;
  const unworded =
    (source.metric === 'question' && !worded) || (source.metric === 'driver' && !driver);
  return {
    metric: source.metric,
    driver,
    question: worded,
    department: name(source.departmentId),
    provider: name(source.providerDepartmentId),
    label: unworded ? source.label : null,
  };
}

function toBoardAction(
  action: Stored,
  { timeZone, heard, baseline }: { timeZone: string; heard: Heard; baseline: Figure | undefined },
): BoardAction {
  return {
    id: String(action._id),
    title: action.title,
    description: action.description,
    writtenIn: action.language ?? null,
    heard,
    metric: action.source.metric,
    baseline: baseline?.state === 'shown' ? { value: baseline.value, n: baseline.n } : null,
    status: action.status,
    dueOn: action.dueOn,
    completedOn:
      action.status === 'done' && action.completedAt
        ? localDate(action.completedAt, timeZone)
        : null,
    latestUpdate: latestUpdate(action.timeline ?? [], timeZone),
  };
}

function latestUpdate(
  timeline: NonNullable<Stored['timeline']>,
  timeZone: string,
): BoardAction['latestUpdate'] {
  let latest: NonNullable<Stored['timeline']>[number] | null = null;
  for (const entry of timeline) {
    const note = entry.note?.trim();
    if (!note || !updateKinds.has(entry.kind)) continue;
    if (!latest || entry.at >= latest.at) latest = entry;
  }
  if (!latest?.note) return null;
  return { note: latest.note.trim(), on: localDate(latest.at, timeZone), byName: latest.byName };
}
