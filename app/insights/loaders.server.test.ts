import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { RollupModel } from '../../models/rollup.server';
import {
  makeInsightResults,
  makeInsightSurvey,
  respondentsOf,
  rollupOf,
  seedRollups,
  staffUser,
} from '../../tests/factories/insights';
import { setupTestDatabase } from '../../tests/support/test-database';
import { rebuildRollups } from '../answering/rollups.server';
import { loadDepartment } from './department.server';
import { loadDrivers } from './drivers.server';
import { loadMatrix } from './matrix.server';
import { loadOverview } from './overview.server';
import type { Figure } from './types';

setupTestDatabase('insight-loaders');

const hr = staffUser({ hrAdmin: true });
const shownValue = (figure: Figure | null | undefined) =>
  figure?.state === 'shown' ? figure.value : figure?.state;

/**
 * Cycle 2: Team 0 has 10 respondents, Team 1 has 8, Team 2 has 2 (below the threshold of 5),
 * so Team 2 is withheld and Team 1, the smallest shown, with it. Cycle 1: only Team 0, 6 people.
 */
const seedOrganisation = makeInsightResults;

describe('loadOverview', () => {
  it('shows scores with their n, withholds small departments and their complement, and marks a real change', async () => {
    const { departments } = await seedOrganisation();
    const view = await loadOverview(hr, new URLSearchParams());
    expect(view.cycles.map((cycle) => cycle.number)).toEqual([1, 2]);
    const bar = (index: number) =>
      view.byDepartment.find((entry) => entry.department.id === String(departments[index]?._id))
        ?.figure;
    // Team 0: 19 answers of 4 and one 5 over two questions.
    expect(bar(0)).toMatchObject({ state: 'shown', n: 10, value: (19 * 4 + 5) / 20 });
    expect(bar(1)).toEqual({ state: 'withheld' });
    expect(bar(2)).toEqual({ state: 'withheld' });
    // The total covers all 20 people; from 3.0 to ~4.06 is well outside the noise.
    expect(view.score).toMatchObject({ state: 'shown', n: 20 });
    expect(view.score.state === 'shown' && view.score.change?.significant).toBe(true);
    const participation = view.participation.rows.map((row) => row.cells[1]?.answered);
    expect(participation).toEqual(
      expect.arrayContaining([{ state: 'shown', value: 10 }, { state: 'withheld' }]),
    );
    expect(participation.filter((count) => count?.state === 'withheld')).toHaveLength(2);
    expect(view.participation.total[1]?.answered).toEqual({ state: 'shown', value: 20 });
    // 4 is a detractor on the 0–10 scale: 6 promoters and 14 detractors of 20.
    expect(view.enps).toMatchObject({ state: 'shown', n: 20, value: ((6 - 14) / 20) * 100 });
    const tools = view.questions.find((question) => question.questionId === 'q-tools');
    expect(tools?.split).toMatchObject({ state: 'shown', n: 20, favourable: 100 });
    // Nothing withheld carries a number anywhere in the view.
    expect(JSON.stringify(view)).not.toMatch(/"withheld","n"|"withheld","value"/);
  });

  it('gives a leader only their departments, with the organisation’s totals as HR sees them', async () => {
    const { departments } = await seedOrganisation();
    const leader = staffUser({ scope: [departments[0]?._id ?? ''] });
    const view = await loadOverview(leader, new URLSearchParams());
    const everything = await loadOverview(hr, new URLSearchParams());
    expect(view.byDepartment.map((entry) => entry.department.id)).toEqual([
      String(departments[0]?._id),
    ]);
    // Never a total over the leader's own departments, which no one else sees.
    expect(view.score).toEqual(everything.score);
    expect(view.score).toMatchObject({ state: 'shown', n: 20 });
    expect(view.trend.series[0]?.points).toEqual(everything.trend.series[0]?.points);
    expect(view.questions).toEqual(everything.questions);
    expect(view.participation.total).toEqual(everything.participation.total);
    const outside = new URLSearchParams({ department: String(departments[2]?._id) });
    await expect(loadOverview(leader, outside)).rejects.toMatchObject({ status: 403 });
  });

  it('rejects a malformed address with the reason', async () => {
    await seedOrganisation();
    const error: unknown = await loadOverview(hr, new URLSearchParams({ from: 'x' })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(400);
    expect(await (error as Response).text()).toContain('"from" must be a cycle number');
  });

  it('is empty, not an error, before any cycle has run', async () => {
    const view = await loadOverview(hr, new URLSearchParams());
    expect(view.latest).toBeNull();
    expect(view.score).toEqual({ state: 'empty' });
  });
});

describe('loadMatrix', () => {
  it('withholds a small answering department with its complement, and shows provider totals', async () => {
    const { departments, providers } = await seedOrganisation();
    const view = await loadMatrix(hr, new URLSearchParams());
    const row = (index: number) =>
      view.heatmap.rows.findIndex((entry) => entry.id === String(departments[index]?._id));
    expect(view.heatmap.columns.map((column) => column.id).sort()).toEqual(
      providers.map((provider) => String(provider._id)).sort(),
    );
    expect(view.heatmap.cells[row(0)]?.[0]).toMatchObject({ state: 'shown', n: 10, value: 4 });
    expect(view.heatmap.cells[row(2)]?.[0]).toEqual({ state: 'withheld' });
    expect(view.heatmap.cells[row(1)]?.[0]).toEqual({ state: 'withheld' });
    expect(view.heatmap.columnTotals[0]).toMatchObject({ state: 'shown', n: 20 });
  });

  it('lets the leader of a provider see every rating of it, and the trend of one cell', async () => {
    const { departments, providers } = await seedOrganisation();
    const leader = staffUser({ scope: [providers[0]?._id ?? ''] });
    const params = new URLSearchParams({
      row: String(departments[0]?._id),
      column: String(providers[0]?._id),
    });
    const view = await loadMatrix(leader, params);
    expect(view.heatmap.columns.map((column) => column.id)).toEqual([String(providers[0]?._id)]);
    expect(view.heatmap.rows).toHaveLength(3);
    expect(view.cellTrend?.series[0]?.points.map(shownValue)).toEqual(['empty', 4]);
    const hidden = new URLSearchParams({
      row: String(departments[0]?._id),
      column: String(providers[1]?._id),
    });
    await expect(loadMatrix(leader, hidden)).rejects.toMatchObject({ status: 403 });
  });
});

describe('loadDrivers', () => {
  it('builds departments × drivers with the withheld rows of the overview', async () => {
    const { departments } = await seedOrganisation();
    const view = await loadDrivers(hr, new URLSearchParams({ driver: 'Growth' }));
    expect(view.heatmap.columns.map((column) => column.id)).toEqual([
      'Growth',
      'Responsiveness',
      'Tools',
    ]);
    const row = (index: number) =>
      view.heatmap.rows.findIndex((entry) => entry.id === String(departments[index]?._id));
    expect(view.heatmap.cells[row(0)]?.map(shownValue)).toEqual([4, 4, 4.1]);
    expect(view.heatmap.cells[row(1)]?.map(shownValue)).toEqual([
      'withheld',
      'withheld',
      'withheld',
    ]);
    expect(view.driverTrend?.series[0]?.points.map(shownValue)).toEqual(['empty', 4]);
    await expect(loadDrivers(hr, new URLSearchParams({ driver: 'Nope' }))).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe('loadDepartment', () => {
  it('shows a department as answering and as rated department, and refuses one out of scope', async () => {
    const { departments, providers } = await seedOrganisation();
    const team = String(departments[0]?._id);
    const view = await loadDepartment(hr, team, new URLSearchParams());
    expect(view.answering.score).toMatchObject({ state: 'shown', n: 10, value: 81 / 20 });
    expect(view.answering.trend.series[0]?.points.map(shownValue)).toEqual([3, 81 / 20]);
    expect(view.answering.participation.rows[0]?.cells[1]?.answered).toEqual({
      state: 'shown',
      value: 10,
    });
    expect(view.rated).toBeNull();

    const small = await loadDepartment(hr, String(departments[2]?._id), new URLSearchParams());
    expect(small.answering.score).toEqual({ state: 'withheld' });
    expect(small.answering.questions.every((question) => question.split.state !== 'shown')).toBe(
      true,
    );

    const provider = await loadDepartment(hr, String(providers[0]?._id), new URLSearchParams());
    expect(provider.rated?.score).toMatchObject({ state: 'shown', n: 20, value: 4 });
    expect(provider.rated?.byCustomer.map((entry) => entry.figure.state).sort()).toEqual([
      'shown',
      'withheld',
      'withheld',
    ]);

    const leader = staffUser({ scope: [departments[1]?._id ?? ''] });
    await expect(loadDepartment(leader, team, new URLSearchParams())).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe('settled cycles', () => {
  it('are read from memory until their rollups are rebuilt', async () => {
    const { survey, departments, cycles } = await makeInsightSurvey({ departments: 1, cycles: 1 });
    const cycle = cycles[0];
    if (!cycle) throw new Error('no cycle');
    await CycleModel.updateOne(
      { _id: cycle._id },
      { $set: { closedAt: new Date(Date.now() - 3_600_000) } },
    );
    const at = {
      surveyId: survey._id,
      cycleId: cycle._id,
      departmentId: departments[0]?._id ?? '',
    };
    await seedRollups([respondentsOf(at, 6), rollupOf(at, 'q-tools', [3, 3, 3, 3, 3, 3])]);
    const first = await loadOverview(hr, new URLSearchParams());
    expect(shownValue(first.score)).toBe(3);

    // A settled cycle's rollups only change through a rebuild; a change behind its back is
    // not seen, which shows the second view came from memory.
    await RollupModel.updateMany({ questionId: 'q-tools' }, { $set: { sum: 24 } });
    expect(await loadOverview(hr, new URLSearchParams())).toEqual(first);

    // The rebuild (from the stored responses: none here) bumps the revision and is seen at once.
    await rebuildRollups(cycle._id);
    const rebuilt = await loadOverview(hr, new URLSearchParams());
    expect(rebuilt.score.state).toBe('empty');
  });
});
