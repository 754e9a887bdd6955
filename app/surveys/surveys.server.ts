import { isValidObjectId } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { type Survey, SurveyModel } from '../../models/survey.server';
import type { LanguageCode, SurveyStatus } from '../../models/vocabulary';
import { message } from '../utils/message';
import { nextCycleOpening } from './cadence';
import { missingTextsMessage } from './language-completeness';
import { localDate } from './local-time';
import { keepAnsweredQuestions } from './survey-edits';
import { type SurveyDefinition, surveyDefinition } from './survey-schema';
import { validSurvey } from './survey-validation';

/** The stored survey in the shape of its zod schema (ids as strings). */
export function definitionOf(survey: Pick<Survey, keyof SurveyDefinition>): SurveyDefinition {
  return surveyDefinition.parse({
    title: survey.title,
    intro: survey.intro,
    defaultLanguage: survey.defaultLanguage,
    languages: survey.languages,
    audience: {
      departmentIds: survey.audience.departmentIds.map(String),
      includeSubDepartments: survey.audience.includeSubDepartments,
    },
    providerDepartmentIds: survey.providerDepartmentIds.map(String),
    anonymityThreshold: survey.anonymityThreshold,
    questions: survey.questions.map((question) => withoutNulls(question)),
    schedule: survey.schedule,
    rotation: survey.rotation,
  });
}

// Optional fields come back from the database as null or absent; the schema wants them absent.
function withoutNulls(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item != null));
}

export interface SurveyDetails {
  id: string;
  status: SurveyStatus;
  hasAnswers: boolean;
  revision: number;
  kiosk: boolean;
  cycleCount: number;
  definition: SurveyDefinition;
}

export async function getSurvey(surveyId: string): Promise<SurveyDetails | null> {
  if (!isValidObjectId(surveyId)) return null;
  const survey = await SurveyModel.findById(surveyId).lean();
  if (!survey) return null;
  return {
    id: String(survey._id),
    status: survey.status,
    hasAnswers: survey.hasAnswers,
    revision: survey.revision,
    kiosk: survey.kiosk,
    cycleCount: await CycleModel.countDocuments({ surveyId: survey._id }),
    definition: definitionOf(survey),
  };
}

export interface SurveyRow {
  id: string;
  title: string;
  status: SurveyStatus;
  cadence: SurveyDefinition['schedule']['cadence'];
  timeZone: string;
  questionCount: number;
  openCycle: { number: number; closesAt: string } | null;
  /** When the next cycle opens, for active surveys. */
  nextCycleAt: string | null;
}

export async function listSurveys(now: Date): Promise<SurveyRow[]> {
  const [surveys, openCycles] = await Promise.all([
    SurveyModel.find().sort({ createdAt: -1 }).lean(),
    CycleModel.find({ status: 'open' }, { surveyId: 1, number: 1, closesAt: 1 }).lean(),
  ]);
  const openBySurvey = new Map(openCycles.map((cycle) => [String(cycle.surveyId), cycle]));
  return surveys.map((survey) => {
    const definition = definitionOf(survey);
    const open = openBySurvey.get(String(survey._id));
    const next =
      survey.status === 'active' ? nextCycleOpening(definition.schedule, now)?.opensAt : null;
    return {
      id: String(survey._id),
      title: definition.title[definition.defaultLanguage] ?? '',
      status: survey.status,
      cadence: definition.schedule.cadence,
      timeZone: definition.schedule.timeZone,
      questionCount: definition.questions.filter((question) => !question.archived).length,
      openCycle: open ? { number: open.number, closesAt: open.closesAt.toISOString() } : null,
      nextCycleAt: next ? next.toISOString() : null,
    };
  });
}

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string[]> };

const refuse = (field: string, message: string): SaveResult => ({
  ok: false,
  errors: { [field]: [message] },
});

/** Stores a new survey; the definition must already be valid (templates, duplicates). */
export async function createSurvey(
  definition: SurveyDefinition,
  options: { templateId?: string } = {},
): Promise<string> {
  const valid = validSurvey.parse(definition);
  const created = await SurveyModel.create({ ...valid, templateId: options.templateId ?? null });
  return String(created._id);
}

/** Ids among `ids` that are no live department (archived ones pass when already chosen). */
async function unknownDepartments(ids: string[], alreadyChosen: Set<string>): Promise<string[]> {
  const valid = ids.filter((id) => isValidObjectId(id));
  const found = await DepartmentModel.find({ _id: { $in: valid } }, { archivedAt: 1 }).lean();
  const usable = new Set(
    found
      .filter((department) => !department.archivedAt || alreadyChosen.has(String(department._id)))
      .map((department) => String(department._id)),
  );
  return ids.filter((id) => !usable.has(id));
}

// The fields that decide when cycle n opens; changing them re-bases the numbering.
const numberingFields = ['cadence', 'startDate', 'openHour', 'timeZone'] as const;

/**
 * Saves an edit. Refuses (and stores nothing) when someone else saved meanwhile, a department
 * is unknown, an answered question changed type, or a survey that has run gets a new rhythm
 * starting in the past.
 */
export async function saveSurvey(
  surveyId: string,
  submitted: SurveyDefinition,
  revision: number,
  now: Date,
): Promise<SaveResult | null> {
  if (!isValidObjectId(surveyId)) return null;
  // Twice at most: a first answer arriving while we save flips hasAnswers under us.
  for (let attempt = 0; attempt < 2; attempt++) {
    const stored = await SurveyModel.findById(surveyId).lean();
    if (!stored) return null;
    if (stored.revision !== revision) {
      return refuse('form', 'surveys:errors.savedByOther');
    }
    const before = definitionOf(stored);
    const checked = keepAnsweredQuestions(before, submitted, stored.hasAnswers);
    if (!checked.ok) return checked;
    const definition = checked.definition;

    const chosen = new Set([...before.audience.departmentIds, ...before.providerDepartmentIds]);
    if ((await unknownDepartments(definition.audience.departmentIds, chosen)).length > 0) {
      return refuse('audience.departmentIds', 'surveys:errors.chooseDepartmentsFromList');
    }
    if ((await unknownDepartments(definition.providerDepartmentIds, chosen)).length > 0) {
      return refuse('providerDepartmentIds', 'surveys:errors.chooseDepartmentsFromList');
    }

    let cycleOffset = stored.cycleOffset;
    const rhythmChanged = numberingFields.some(
      (field) => definition.schedule[field] !== before.schedule[field],
    );
    if (rhythmChanged) {
      const last = await CycleModel.findOne({ surveyId: stored._id }, { number: 1 })
        .sort({ number: -1 })
        .lean();
      if (last || stored.status !== 'draft') {
        const today = localDate(now, definition.schedule.timeZone);
        if (definition.schedule.startDate < today) {
          return refuse('schedule.startDate', message('surveys:errors.liveStartDate', { today }));
        }
      }
      // The new rhythm's first cycle follows the last one that ran.
      if (last) cycleOffset = last.number;
    }

    const result = await SurveyModel.updateOne(
      { _id: stored._id, revision, hasAnswers: stored.hasAnswers },
      { $set: { ...definition, cycleOffset }, $inc: { revision: 1 } },
    );
    if (result.matchedCount === 1) return { ok: true };
  }
  return refuse('form', 'surveys:errors.changedWhileSaving');
}

export type StatusChange = 'activate' | 'pause' | 'resume' | 'end';

const transitions: Record<StatusChange, { from: SurveyStatus[]; to: SurveyStatus }> = {
  activate: { from: ['draft'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  end: { from: ['active', 'paused'], to: 'ended' },
};

/** Moves a survey along draft → active ⇄ paused → ended. */
export async function changeStatus(
  surveyId: string,
  change: StatusChange,
  now: Date,
  /** The language of whoever asked, for the list of missing texts. */
  reader: LanguageCode = 'en',
): Promise<{ ok: true } | { ok: false; message: string } | null> {
  if (!isValidObjectId(surveyId)) return null;
  const survey = await SurveyModel.findById(surveyId).lean();
  if (!survey) return null;
  const { from, to } = transitions[change];
  if (!from.includes(survey.status)) {
    return {
      ok: false,
      message: message('surveys:errors.cannotChange', { status: survey.status }),
    };
  }
  if (change === 'activate') {
    // Employees would otherwise read some questions in another language than the one offered.
    const incomplete = missingTextsMessage(definitionOf(survey), reader);
    if (incomplete) return { ok: false, message: incomplete };
  }
  if (change === 'activate') {
    const today = localDate(now, survey.schedule.timeZone);
    if (survey.schedule.startDate < today) {
      return {
        ok: false,
        message: message('surveys:errors.startDatePassed', {
          startDate: survey.schedule.startDate,
          today,
        }),
      };
    }
  }
  const result = await SurveyModel.updateOne(
    { _id: survey._id, status: survey.status },
    { $set: { status: to } },
  );
  if (result.matchedCount === 0) {
    return { ok: false, message: 'surveys:errors.changedMeanwhile' };
  }
  if (change === 'end') {
    // Ending stops listening at once: nothing stays open for a survey that is over.
    await CycleModel.updateMany(
      { surveyId: survey._id, status: { $in: ['scheduled', 'open'] } },
      { $set: { status: 'closed', closedAt: now } },
    );
  }
  return { ok: true };
}

/** A new draft with the same content; its own history starts empty. */
export async function duplicateSurvey(surveyId: string, now: Date): Promise<string | null> {
  if (!isValidObjectId(surveyId)) return null;
  const survey = await SurveyModel.findById(surveyId).lean();
  if (!survey) return null;
  const definition = definitionOf(survey);
  const today = localDate(now, definition.schedule.timeZone);
  const copy: SurveyDefinition = {
    ...definition,
    title: Object.fromEntries(
      Object.entries(definition.title).map(([language, title]) => [language, `${title} (copy)`]),
    ),
    // Answered history stays with the original; the copy starts from its live questions.
    questions: definition.questions.filter((question) => !question.archived),
    schedule: {
      ...definition.schedule,
      startDate: definition.schedule.startDate < today ? today : definition.schedule.startDate,
    },
  };
  return createSurvey(copy, { templateId: survey.templateId ?? undefined });
}

export async function setKiosk(surveyId: string, on: boolean): Promise<boolean> {
  if (!isValidObjectId(surveyId)) return false;
  const result = await SurveyModel.updateOne({ _id: surveyId }, { $set: { kiosk: on } });
  return result.matchedCount === 1;
}
