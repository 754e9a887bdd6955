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
    for (const cycle of cycles) {
      expect(await ResponseModel.countDocuments({ cycleId: cycle._id })).toBe(
        await InviteModel.countDocuments({ cycleId: cycle._id, usedOn: { $type: 'string' } }),
      );
    }
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

    const commented = await ResponseModel.find({}, { language: 1, answers: 1 }).lean();
    const commentLanguages = new Set(
      commented
        .filter((response) =>
          response.answers.some(
            (answer) => typeof answer.value === 'string' && answer.value.includes(' '),
          ),
        )
        .map((response) => response.language),
    );
    expect([...commentLanguages].sort()).toEqual(['en', 'lv', 'nb', 'pl', 'pt', 'uk']);

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
