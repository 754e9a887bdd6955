import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { PersonModel } from '../../models/person.server';
import { SurveyModel } from '../../models/survey.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { runSchedulerOnce } from '../surveys/scheduler.server';
import { createLogger } from '../utils/log.server';
import { seedDemo } from './seed.server';
import { demoPastCycles } from './seed-surveys.server';

setupTestDatabase('demo-surveys');

describe('the demo surveys', () => {
  it('run a weekly internal-service pulse and a monthly engagement pulse, each with twelve closed cycles', async () => {
    const now = new Date();
    await seedDemo(createLogger('silent'));
    const surveys = await SurveyModel.find().sort({ templateId: 1 }).lean();
    expect(
      surveys.map((survey) => [survey.templateId, survey.status, survey.schedule.cadence]),
    ).toEqual([
      ['internal-service-quality', 'active', 'weekly'],
      ['recognition-and-voice', 'active', 'monthly'],
    ]);
    expect(surveys[0].providerDepartmentIds).toHaveLength(4);

    const active = await PersonModel.countDocuments({ active: true });
    for (const survey of surveys) {
      const cycles = await CycleModel.find({ surveyId: survey._id }).sort({ number: 1 }).lean();
      expect(cycles.map((cycle) => cycle.number)).toEqual(
        Array.from({ length: demoPastCycles }, (_, i) => i + 1),
      );
      for (const cycle of cycles) {
        expect(cycle.status).toBe('closed');
        expect(cycle.closesAt.getTime()).toBeLessThanOrEqual(now.getTime() + 60_000);
        const invites = await InviteModel.find({ cycleId: cycle._id }).lean();
        expect(invites).toHaveLength(active);
        // Nothing on an invite says whether its person answered.
        for (const invite of invites) {
          expect(Object.keys(invite).sort()).toEqual(
            [
              '__v',
              '_id',
              'cycleId',
              'deliveredAt',
              'delivery',
              'deliveryClaimedAt',
              'departmentId',
              'language',
              'personId',
              'remindedAt',
              'reminderTokenHash',
              'surveyId',
              'tokenHash',
            ].filter((field) => field in invite),
          );
          expect(invite).not.toHaveProperty('usedOn');
        }
      }
    }

    // The scheduler carries on from there: no cycle is missed, the thirteenth opens today.
    await runSchedulerOnce(now, {
      delivery: { send: () => Promise.resolve(), appUrl: 'http://demo' },
    });
    expect(await CycleModel.countDocuments({ missed: true })).toBe(0);
    expect(await CycleModel.countDocuments({ number: { $gt: demoPastCycles + 1 } })).toBe(0);
  }, 60_000);
});
