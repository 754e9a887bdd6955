import { isValidObjectId } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { SurveyModel } from '../../models/survey.server';
import type { Logger } from '../utils/log.server';
import { message } from '../utils/message';
import { createDueCycles } from './cycles.server';
import { type Delivery, inviteAudience } from './invites.server';
import { localDate, localHour } from './local-time';
import { defaultDelivery } from './scheduler.server';

export type SendNowResult =
  { ok: true; cycleNumber: number; invited: number } | { ok: false; message: string };

/**
 * Opens the first cycle of an active survey now and sends its invitations, instead of HR moving
 * the start date and hour by hand. The survey's schedule is re-based on this hour (start date
 * today, opening hour now, in the survey's time zone), so the cycle and every later one follow
 * the same rhythm the schedule describes and the editor shows: nothing special is stored about
 * cycle 1. Invitations go through the scheduler's own path, so mail, outbox and retries behave
 * as for any cycle.
 */
export async function sendFirstCycleNow(
  surveyId: string,
  now: Date,
  options: { delivery?: Delivery; logger?: Logger } = {},
): Promise<SendNowResult | null> {
  if (!isValidObjectId(surveyId)) return null;
  const survey = await SurveyModel.findById(surveyId).lean();
  if (!survey) return null;
  if (survey.status !== 'active') {
    return {
      ok: false,
      message:
        survey.status === 'draft'
          ? 'surveys:errors.startFirst'
          : message('surveys:errors.noInvitations', { status: survey.status }),
    };
  }
  if (await CycleModel.exists({ surveyId: survey._id })) {
    return {
      ok: false,
      message: 'surveys:errors.firstCycleExists',
    };
  }
  const zone = survey.schedule.timeZone;
  const schedule = {
    ...survey.schedule,
    startDate: localDate(now, zone),
    openHour: localHour(now, zone),
  };
  // Conditional on the revision and the status, so an edit or a pause meanwhile wins; the
  // revision moves on, so an editor open on the old schedule is told to reload.
  const moved = await SurveyModel.findOneAndUpdate(
    { _id: survey._id, revision: survey.revision, status: 'active' },
    {
      $set: { 'schedule.startDate': schedule.startDate, 'schedule.openHour': schedule.openHour },
      $inc: { revision: 1 },
    },
    { returnDocument: 'after' },
  ).lean();
  if (!moved) {
    return { ok: false, message: 'surveys:errors.changedMeanwhile' };
  }
  await createDueCycles(moved, now);
  const cycle = await CycleModel.findOneAndUpdate(
    { surveyId: moved._id, number: moved.cycleOffset + 1, status: 'scheduled' },
    { $set: { status: 'open', openedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (!cycle) {
    // The scheduler opened it in the same instant: it sends the invitations too.
    return { ok: false, message: 'surveys:errors.openedOnItsOwn' };
  }
  const delivery = options.delivery ?? defaultDelivery(options.logger);
  const invited = await inviteAudience(cycle, moved, now, delivery);
  return { ok: true, cycleNumber: cycle.number, invited };
}
