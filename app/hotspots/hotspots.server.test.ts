import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { CharterModel } from '../../models/charter.server';
import {
  makeInsightSurvey,
  respondentsOf,
  rollupOf,
  seedRollups,
  serviceQuestions,
  staffUser,
} from '../../tests/factories/insights';
import { makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { raiseAction, raiseView } from '../actions/raise.server';
import { loadStaffUser } from '../utils/permissions.server';
import { loadHotspots } from './hotspots.server';

setupTestDatabase('hotspots');

const same = (n: number, value: number) => Array.from({ length: n }, () => value);

/**
 * Services 0 and 1, rated on responsiveness and reliability by Team 0 (10 people) and Team 1 (8)
 * in cycle 2; Team 0 alone (6) in cycle 1. Team 0 finds Service 0 slow (mostly 2s, from about
 * 3.2 in cycle 1), Team 1 finds Service 1 unreliable (3s); everything else is 4.
 */
async function seedHotspots() {
  const organisation = await makeInsightSurvey({
    departments: 2,
    providers: 2,
    cycles: 2,
    questions: serviceQuestions,
  });
  const { survey, departments, providers, cycles } = organisation;
  const at = (cycle: number, department: number) => ({
    surveyId: survey._id,
    cycleId: cycles[cycle]?._id ?? '',
    departmentId: departments[department]?._id ?? '',
  });
  const provider = (index: number) => providers[index]?._id ?? null;
  const ratings = (
    cycle: number,
    department: number,
    values: Record<string, number[]>,
    people: number,
  ) =>
    [0, 1].flatMap((index) =>
      serviceQuestions.map((question) =>
        rollupOf(
          at(cycle, department),
          question.id,
          values[`${index}|${question.id}`] ?? same(people, 4),
          provider(index),
        ),
      ),
    );
  await seedRollups([
    respondentsOf(at(0, 0), 6),
    ...ratings(0, 0, { '0|q-responds': [3, 3, 3, 4, 4, 2] }, 6),
    respondentsOf(at(1, 0), 10),
    ...ratings(1, 0, { '0|q-responds': [2, 2, 2, 2, 2, 2, 2, 2, 1, 3] }, 10),
    respondentsOf(at(1, 1), 8),
    ...ratings(1, 1, { '1|q-reliable': same(8, 3) }, 8),
  ]);
  return organisation;
}

const hr = staffUser({ hrAdmin: true });
const rowsOf = (view: Awaited<ReturnType<typeof loadHotspots>>) =>
  view.hotspots.map((hotspot) => [
    hotspot.provider.name,
    hotspot.customer.name,
    hotspot.driver,
    hotspot.impact,
  ]);

describe('loadHotspots', () => {
  it('ranks the cells below the company’s level by people × gap, with the change and its interval', async () => {
    const { departments, providers } = await seedHotspots();
    const view = await loadHotspots(hr, new URLSearchParams());
    expect(view.latest?.number).toBe(2);
    expect(view.previous?.number).toBe(1);
    const [team0, team1] = departments.map((department) => department.name);
    const [service0, service1] = providers.map((provider) => provider.name);
    // Responsiveness over every rating: (20 + 40 + 32 + 32) / 36 = 3.44; reliability:
    // (40 + 40 + 32 + 24) / 36 = 3.78.
    expect(rowsOf(view)).toEqual([
      [service0, team0, 'Responsiveness', 14.4],
      [service1, team1, 'Reliability', 6.24],
    ]);
    const [first] = view.hotspots;
    expect(first).toMatchObject({
      value: 2,
      n: 10,
      level: 3.44,
      target: null,
      reference: 'level',
      gap: 1.44,
    });
    // From 3.17 to 2.0: down, and well outside the noise.
    expect(first?.change).toMatchObject({ delta: -1.17, significant: true });
    expect(first?.change?.high).toBeLessThan(0);
    expect(view.count).toBe(2);
    // Nothing that would give back the sums behind a mean.
    expect(JSON.stringify(view)).not.toMatch(/sum|estimate/i);
  });

  it('measures against a published charter’s target, never an unpublished one', async () => {
    const { departments, providers } = await seedHotspots();
    await CharterModel.create([
      {
        departmentId: providers[1]?._id,
        published: true,
        standards: [
          { key: 'fast', text: { en: 'Fast' }, measure: { driver: 'Responsiveness' }, target: 4.5 },
        ],
      },
      {
        departmentId: providers[0]?._id,
        published: false,
        standards: [
          { key: 'sure', text: { en: 'Sure' }, measure: { driver: 'Reliability' }, target: 4.5 },
        ],
      },
    ]);
    const view = await loadHotspots(hr, new URLSearchParams());
    const [team0, team1] = departments.map((department) => department.name);
    const [service0, service1] = providers.map((provider) => provider.name);
    expect(rowsOf(view)).toEqual([
      [service0, team0, 'Responsiveness', 14.4],
      [service1, team1, 'Reliability', 6.24],
      [service1, team0, 'Responsiveness', 5],
      [service1, team1, 'Responsiveness', 4],
    ]);
    expect(view.hotspots[2]).toMatchObject({ target: 4.5, reference: 'target', gap: 0.5 });
  });

  it('shows a leader the hotspots of the departments they lead and the services they own, as HR sees them', async () => {
    const { departments, providers } = await seedHotspots();
    const everything = await loadHotspots(hr, new URLSearchParams());
    const customer = await loadHotspots(
      staffUser({ scope: [departments[1]?._id ?? ''] }),
      new URLSearchParams(),
    );
    const provider = await loadHotspots(
      staffUser({ scope: [providers[0]?._id ?? ''] }),
      new URLSearchParams(),
    );
    expect(customer.hotspots.map((hotspot) => hotspot.customer.id)).toEqual([
      String(departments[1]?._id),
    ]);
    expect(provider.hotspots.map((hotspot) => hotspot.provider.id)).toEqual([
      String(providers[0]?._id),
    ]);
    for (const hotspot of [...customer.hotspots, ...provider.hotspots]) {
      expect(everything.hotspots).toContainEqual(hotspot);
    }
    await expect(
      loadHotspots(
        staffUser({ scope: [departments[0]?._id ?? ''] }),
        new URLSearchParams({ department: String(departments[1]?._id) }),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('raises an action on a hotspot with its baseline, within the raiser’s scope only', async () => {
    const { survey, departments, providers, cycles } = await seedHotspots();
    const source = {
      surveyId: String(survey._id),
      cycleId: String(cycles[1]?._id),
      metric: 'driver' as const,
      questionId: null,
      driver: 'Responsiveness',
      departmentId: String(departments[0]?._id),
      providerDepartmentId: String(providers[0]?._id),
    };
    const owner = await makePerson({
      departmentId: new Types.ObjectId(),
      leaderOf: [providers[0]?._id ?? new Types.ObjectId()],
    });
    const leader = await loadStaffUser(String(owner._id));
    if (!leader) throw new Error('not staff');
    const view = await raiseView(leader, source);
    expect(view.baseline).toEqual({ state: 'shown', n: 10, value: 2 });
    expect(view.label).toBe(
      `${providers[0]?.name} as rated by ${departments[0]?.name} · Responsiveness`,
    );
    const raised = await raiseAction(leader, {
      title: 'Answer the kitchen within a day',
      ownerId: leader.id,
      dueOn: '2099-01-01',
      source,
    });
    expect(raised.ok).toBe(true);
    const stored = await ActionModel.findOne().lean();
    expect(stored?.source).toMatchObject({ metric: 'driver', driver: 'Responsiveness' });
    expect(stored?.baseline).toMatchObject({ value: 2, n: 10, sum: 20 });

    const outsider = staffUser({ scope: [departments[1]?._id ?? ''] });
    await expect(raiseView(outsider, source)).rejects.toMatchObject({ status: 403 });
    // A driver no service is rated on cannot carry a rated department.
    await expect(raiseView(hr, { ...source, driver: 'Tools' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(raiseView(hr, { ...source, departmentId: null })).rejects.toMatchObject({
      status: 400,
    });
  });
});
