import { isValidObjectId, type Types } from 'mongoose';

import { type Cycle, CycleModel } from '../../models/cycle.server';
import { type Survey, SurveyModel } from '../../models/survey.server';
import { isDuplicateKey } from '../people/departments.server';
import { cycleWindow, dueCycles } from './cadence';
import { questionsForCycle } from './rotation';
import { definitionOf } from './surveys.server';
import { newKioskId } from './tokens.server';

/**
 * Creates every cycle of the survey that is due by `now` and does not exist yet. Safe to run
 * from several schedulers at once: the unique {surveyId, number} index lets one insert win and
 * the others' duplicate-key errors mean "already done".
 *
 * After downtime, a cycle whose whole window passed while nobody was running is created closed
 * and marked `missed`, with no invites: inviting people to a survey that has already closed
 * would only confuse them, and keeping the cycle keeps the numbering (and rotation) continuous.
 * Only the cycle whose window includes `now` opens.
 */
export async function createDueCycles(survey: Survey, now: Date): Promise<number> {
  const definition = definitionOf(survey);
  const schedule = definition.schedule;
  const due = dueCycles(schedule, now);
  if (due.length === 0) return 0;
  const existing = await CycleModel.find({ surveyId: survey._id }, { number: 1 }).lean();
  const have = new Set(existing.map((cycle) => cycle.number));
  let created = 0;
  for (const local of due) {
    const number = survey.cycleOffset + local;
    if (have.has(number)) continue;
    const window = cycleWindow(schedule, local);
    const passed = window.closesAt <= now;
    try {
      await CycleModel.create({
        surveyId: survey._id,
        number,
        opensAt: window.opensAt,
        closesAt: window.closesAt,
        remindAt: window.remindAt,
        status: passed ? 'closed' : 'scheduled',
        missed: passed,
        closedAt: passed ? now : null,
        questionIds: questionsForCycle(
          definition.questions,
          number,
          definition.rotation.maxQuestionsPerCycle,
        ),
        providerDepartmentIds: definition.providerDepartmentIds,
        kioskId: newKioskId(),
      });
      created++;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return created;
}

/**
 * Opens scheduled cycles whose time has come, for surveys that are active. Each cycle is
 * claimed by one conditional update, so only one scheduler opens it. A scheduled cycle whose
 * window passed before it could open closes as missed instead.
 */
export async function openDueCycles(now: Date): Promise<number> {
  const due = await CycleModel.find({ status: 'scheduled', opensAt: { $lte: now } }).lean();
  let opened = 0;
  for (const cycle of due) {
    if (cycle.closesAt <= now) {
      await CycleModel.updateOne(
        { _id: cycle._id, status: 'scheduled' },
        { $set: { status: 'closed', missed: true, closedAt: now } },
      );
      continue;
    }
    const survey = await SurveyModel.findById(cycle.surveyId, { status: 1 }).lean();
    if (survey?.status !== 'active') continue;
    const result = await CycleModel.updateOne(
      { _id: cycle._id, status: 'scheduled' },
      { $set: { status: 'open', openedAt: now } },
    );
    opened += result.modifiedCount;
  }
  return opened;
}

/** Closes open cycles whose time is up. */
export async function closeDueCycles(now: Date): Promise<number> {
  const result = await CycleModel.updateMany(
    { status: 'open', closesAt: { $lte: now } },
    { $set: { status: 'closed', closedAt: now } },
  );
  return result.modifiedCount;
}

export interface CycleRow {
  id: string;
  number: number;
  status: Cycle['status'];
  missed: boolean;
  opensAt: string;
  closesAt: string;
  remindAt: string | null;
  questionCount: number;
  kioskId: string;
}

function cycleRow(cycle: Cycle): CycleRow {
  return {
    id: String(cycle._id),
    number: cycle.number,
    status: cycle.status,
    missed: cycle.missed,
    opensAt: cycle.opensAt.toISOString(),
    closesAt: cycle.closesAt.toISOString(),
    remindAt: cycle.remindAt ? cycle.remindAt.toISOString() : null,
    questionCount: cycle.questionIds.length,
    kioskId: cycle.kioskId,
  };
}

/** A survey's cycles, newest first. */
export async function listCycles(surveyId: Types.ObjectId | string): Promise<CycleRow[]> {
  const cycles = await CycleModel.find({ surveyId }).sort({ number: -1 }).lean();
  return cycles.map(cycleRow);
}

/** One cycle of one survey, or null when either id is malformed or they do not belong together. */
export async function getCycle(surveyId: string, cycleId: string): Promise<CycleRow | null> {
  if (!isValidObjectId(surveyId) || !isValidObjectId(cycleId)) return null;
  const cycle = await CycleModel.findOne({ _id: cycleId, surveyId }).lean();
  return cycle ? cycleRow(cycle) : null;
}
