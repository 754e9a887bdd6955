import type { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { InviteModel } from '../../models/invite.server';
import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { rebuildRollups } from '../answering/rollups.server';
import { createLogger } from '../utils/log.server';
import { seedDemo } from './seed.server';

setupTestDatabase('demo-responses');

describe('the demo responses', () => {
  it('fill every closed cycle consistently with its invites, trend by department and comment in six languages', async () => {
    await seedDemo(createLogger('silent'));
    const cycles = await CycleModel.find({ status: 'closed' }).lean();
    // Participation climbs over the year, and no cycle has more responses than invites.
    const rates = [];
    for (const cycle of cycles.sort((a, b) => a.number - b.number)) {
      const responses = await ResponseModel.countDocuments({ cycleId: cycle._id });
      const invites = await InviteModel.countDocuments({ cycleId: cycle._id });
      expect(responses).toBeLessThanOrEqual(invites);
      rates.push(responses / invites);
    }
    expect(Math.min(...rates)).toBeGreaterThan(0.4);
    expect(Math.max(...rates)).toBeLessThan(0.95);
    expect(rates.slice(-3).reduce((a, b) => a + b)).toBeGreaterThan(
      rates.slice(0, 3).reduce((a, b) => a + b),
    );
    expect(await ResponseModel.countDocuments({ rolledUp: false })).toBe(0);
    expect(await ResponseModel.countDocuments({ submissionKey: { $exists: true } })).toBe(0);

    const rows = async () =>
      JSON.stringify(
        (await RollupModel.find({}, { _id: 0 }).lean())
          .map((row) => ({ ...row, histogram: row.histogram ?? {} }))
          .sort((a, b) =>
            `${String(a.cycleId)}${String(a.departmentId)}${a.questionId}${String(a.providerDepartmentId)}`.localeCompare(
              `${String(b.cycleId)}${String(b.departmentId)}${b.questionId}${String(b.providerDepartmentId)}`,
            ),
          ),
      );
    const seeded = await rows();
    await rebuildRollups();
    expect(await rows()).toBe(seeded);

    // Comments in six languages (responses do not say which: the words do).
    const commented = await ResponseModel.find({}, { answers: 1 }).lean();
    const texts = commented.flatMap((response) =>
      response.answers.flatMap((answer) =>
        typeof answer.value === 'string' && answer.value.includes(' ') ? [answer.value] : [],
      ),
    );
    for (const sample of [
      'The new rota is much fairer, thank you.',
      'Дякую за нову систему змін, стало зручніше.',
      'Kjøkkenet har blitt mye bedre organisert.',
      'A comunicação entre a cozinha e a sala melhorou.',
      'Grafik jest wreszcie ustalany z wyprzedzeniem.',
      'Paldies par jaunajām darba formām.',
    ]) {
      const pool = texts.filter((text) => text === sample);
      expect(pool.length, sample).toBeGreaterThan(0);
    }

    // The kitchen improves over the twelve cycles.
    const kitchen = await DepartmentModel.findOne({ name: 'Kitchen' }).lean();
    const ordered = cycles.sort((a, b) => a.number - b.number);
    const mean = async (cycleIds: Types.ObjectId[]) => {
      const scale = await RollupModel.find({
        cycleId: { $in: cycleIds },
        departmentId: kitchen?._id,
        sum: { $gt: 0 },
        providerDepartmentId: null,
      }).lean();
      const count = scale.reduce((total, row) => total + (row.count ?? 0), 0);
      return scale.reduce((total, row) => total + (row.sum ?? 0), 0) / Math.max(1, count);
    };
    const early = await mean(
      ordered.filter((cycle) => cycle.number <= 3).map((cycle) => cycle._id),
    );
    const late = await mean(
      ordered.filter((cycle) => cycle.number >= 10).map((cycle) => cycle._id),
    );
    expect(late).toBeGreaterThan(early);
  });
});
