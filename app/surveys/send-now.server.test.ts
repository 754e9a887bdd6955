import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { SurveyModel } from '../../models/survey.server';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import { sendMail } from '../utils/mail.server';
import { cycleWindow } from './cadence';
import { runSchedulerOnce } from './scheduler.server';
import { sendFirstCycleNow } from './send-now.server';
import { definitionOf } from './surveys.server';

setupTestDatabase('send-now');

// Monday 2026-01-05 13:20 in Oslo; the survey was set to start a week later at 09:00.
const now = new Date('2026-01-05T12:20:00Z');
const delivery = { send: sendMail, appUrl: 'https://pulse.example' };

async function organisation() {
  const kitchen = await makeDepartment('Kitchen');
  const ole = await makePerson({ name: 'Ole', departmentId: kitchen._id, language: 'nb' });
  const kai = await makePerson({ name: 'Kai', departmentId: kitchen._id });
  const survey = await makeSurvey({
    audienceIds: [kitchen._id],
    schedule: {
      cadence: 'weekly',
      startDate: '2026-01-12',
      openHour: 9,
      openDays: 5,
      timeZone: 'Europe/Oslo',
      reminderDaysBeforeClose: 2,
    },
  });
  return { survey, people: [ole, kai] };
}

describe('sendFirstCycleNow', () => {
  it('opens the first cycle now and invites the audience through the outbox', async () => {
    const { survey, people } = await organisation();
    const result = await sendFirstCycleNow(String(survey._id), now, { delivery });
    expect(result).toEqual({ ok: true, cycleNumber: 1, invited: 2 });

    const cycles = await CycleModel.find({ surveyId: survey._id }).lean();
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ number: 1, status: 'open', openedAt: now, missed: false });
    // Opened at the start of this local hour, 13:00 in Oslo, and closing five days later.
    expect(cycles[0].opensAt.toISOString()).toBe('2026-01-05T12:00:00.000Z');
    expect(cycles[0].closesAt.toISOString()).toBe('2026-01-10T12:00:00.000Z');

    const invites = await InviteModel.find({ cycleId: cycles[0]._id }).lean();
    expect(invites.map((invite) => String(invite.personId)).sort()).toEqual(
      people.map((person) => String(person._id)).sort(),
    );
    const outbox = await OutboxMailModel.find().sort({ to: 1 }).lean();
    expect(outbox.map((mail) => [mail.to, mail.kind])).toEqual(
      people.map((person) => [person.email, 'invite']).sort(),
    );

    // The schedule now says what happened, so later cycles follow from it.
    const stored = await SurveyModel.findById(survey._id).lean();
    expect(stored?.schedule).toMatchObject({ startDate: '2026-01-05', openHour: 13 });
    expect(stored?.revision).toBe(survey.revision + 1);
    if (!stored) return;
    expect(cycleWindow(definitionOf(stored).schedule, 2).opensAt.toISOString()).toBe(
      '2026-01-12T12:00:00.000Z',
    );
    // The scheduler finds nothing left to do for this cycle: nobody is invited twice.
    const report = await runSchedulerOnce(now, { delivery });
    expect(report).toMatchObject({ cyclesCreated: 0, cyclesOpened: 0, invitesSent: 0 });
    expect(await OutboxMailModel.countDocuments()).toBe(2);
  });

  it('is only for the first cycle of an active survey', async () => {
    const { survey } = await organisation();
    await sendFirstCycleNow(String(survey._id), now, { delivery });
    expect(await sendFirstCycleNow(String(survey._id), now, { delivery })).toMatchObject({
      ok: false,
      message: 'surveys:errors.firstCycleExists',
    });
    expect(await CycleModel.countDocuments()).toBe(1);

    const draft = await makeSurvey({ status: 'draft', audienceIds: survey.audience.departmentIds });
    expect(await sendFirstCycleNow(String(draft._id), now, { delivery })).toMatchObject({
      ok: false,
      message: 'surveys:errors.startFirst',
    });
    const paused = await makeSurvey({
      status: 'paused',
      audienceIds: survey.audience.departmentIds,
    });
    expect(await sendFirstCycleNow(String(paused._id), now, { delivery })).toMatchObject({
      ok: false,
    });
    expect(await CycleModel.countDocuments()).toBe(1);
    expect(await OutboxMailModel.countDocuments()).toBe(2);
    expect(await sendFirstCycleNow('not-an-id', now, { delivery })).toBeNull();
    expect(await sendFirstCycleNow('0123456789abcdef01234567', now, { delivery })).toBeNull();
  });
});
