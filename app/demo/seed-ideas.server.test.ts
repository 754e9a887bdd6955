import { describe, expect, it } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { IdeaModel } from '../../models/idea.server';
import { PersonModel } from '../../models/person.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { listIdeas } from '../ideas/ideas.server';
import { createLogger } from '../utils/log.server';
import { loadStaffUser } from '../utils/permissions.server';
import { seedDemo } from './seed.server';
import { seedIdeas } from './seed-ideas.server';

setupTestDatabase('demo-ideas');

describe('the demo ideas', () => {
  it('show leaders released ideas in every state, one turned into an action, and are seeded once', async () => {
    await seedDemo(createLogger('silent'));
    const ideas = await IdeaModel.find().lean();
    expect(new Set(ideas.map((idea) => idea.status))).toEqual(
      new Set(['new', 'planned', 'done', 'not-doing']),
    );
    for (const idea of ideas.filter((candidate) => candidate.status === 'not-doing')) {
      expect(idea.reason?.length).toBeGreaterThan(20);
    }
    expect(ideas.some((idea) => idea.replies.length > 0)).toBe(true);
    const fromIdea = await ActionModel.find({ 'source.metric': 'idea' }).lean();
    expect(fromIdea).toHaveLength(1);
    expect(ideas.find((idea) => String(idea.actionId) === String(fromIdea[0]?._id))).toBeTruthy();

    const oksana = await PersonModel.findOne({ name: 'Oksana Melnyk' }).lean();
    const leader = await loadStaffUser(String(oksana?._id));
    if (!leader) throw new Error('no IT leader');
    const { rows } = await listIdeas(leader, {});
    expect(rows.length).toBeGreaterThanOrEqual(5);
    // The two ideas of this week wait for IT's next batch.
    expect(rows.length).toBe(
      ideas.filter((idea) => String(idea.departmentId) === String(oksana?.leaderOf[0])).length - 2,
    );

    const departmentIds = new Map(
      (await DepartmentModel.find().lean()).map((department) => [department.name, department._id]),
    );
    await seedIdeas({ random: () => 0.5, logger: createLogger('silent'), departmentIds });
    expect(await IdeaModel.countDocuments()).toBe(ideas.length);
    expect(await ActionModel.countDocuments({ 'source.metric': 'idea' })).toBe(1);
  });
});
