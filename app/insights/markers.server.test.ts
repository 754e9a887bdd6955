import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { ActionModel } from '../../models/action.server';
import type { ActionStatus, MetricKind } from '../../models/vocabulary';
import {
  makeInsightSurvey,
  respondentsOf,
  rollupOf,
  seedRollups,
  staffUser,
} from '../../tests/factories/insights';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadDepartment } from './department.server';
import { loadDrivers } from './drivers.server';
import { loadMatrix } from './matrix.server';
import { loadOverview } from './overview.server';
import type { Trend } from './types';

setupTestDatabase('insight-markers');

const hr = staffUser({ hrAdmin: true });
const fours = (n: number) => Array.from({ length: n }, () => 4);
type Id = Types.ObjectId | string;

/** Three cycles, three teams of eight answering and rating two services in every cycle. */
async function seedOrganisation() {
  const organisation = await makeInsightSurvey({ departments: 3, providers: 2, cycles: 3 });
  const { survey, departments, providers, cycles } = organisation;
  const rows = cycles.flatMap((cycle) =>
    departments.flatMap((department) => {
      const at = { surveyId: survey._id, cycleId: cycle._id, departmentId: department._id };
      return [
        respondentsOf(at, 8),
        rollupOf(at, 'q-tools', fours(8)),
        rollupOf(at, 'q-growth', fours(8)),
        rollupOf(at, 'q-enps', fours(8)),
        ...providers.map((provider) => rollupOf(at, 'q-service', fours(8), provider._id)),
      ];
    }),
  );
  await seedRollups(rows);
  return organisation;
}

/** An action as the action pages store it; done ones carry the cycle their marker goes on. */
async function makeAction(fields: {
  title: string;
  surveyId: Id;
  cycleId: Id;
  status?: ActionStatus;
  metric?: MetricKind;
  departmentId?: Id | null;
  providerDepartmentId?: Id | null;
  driver?: string | null;
}) {
  const status = fields.status ?? 'done';
  const person = new Types.ObjectId();
  return ActionModel.create({
    title: fields.title,
    source: {
      surveyId: fields.surveyId,
      cycleId: fields.cycleId,
      metric: fields.metric ?? 'score',
      driver: fields.driver ?? null,
      departmentId: fields.departmentId ?? null,
      providerDepartmentId: fields.providerDepartmentId ?? null,
      label: fields.title,
    },
    ownerId: person,
    createdById: person,
    dueOn: '2026-03-01',
    status,
    completedAt: status === 'done' ? new Date('2026-02-01T10:00:00Z') : null,
    completedCycleId: status === 'done' ? fields.cycleId : null,
  });
}

/** The markers of a trend as "cycle number: label", in order. */
function markersIn(trend: Trend | null | undefined): string[] {
  if (!trend) return [];
  return trend.markers.map((marker) => {
    const cycle = trend.cycles.find((item) => item.id === marker.cycleId);
    return `${cycle?.number ?? '?'}: ${marker.label}`;
  });
}

describe('completed-action markers on trends', () => {
  it('marks the overview trends at the cycle an action of the survey was completed', async () => {
    const { survey, departments, cycles } = await seedOrganisation();
    const other = await makeInsightSurvey({ cycles: 1 });
    const at = (index: number) => String(cycles[index]?._id);
    await makeAction({ title: 'New knives', surveyId: survey._id, cycleId: at(1) });
    await makeAction({
      title: 'Quiet room',
      surveyId: survey._id,
      cycleId: at(1),
      departmentId: departments[0]?._id,
    });
    await makeAction({
      title: 'Still open',
      surveyId: survey._id,
      cycleId: at(2),
      status: 'open',
      departmentId: departments[0]?._id,
    });
    await makeAction({
      title: 'Under way',
      surveyId: survey._id,
      cycleId: at(2),
      status: 'in-progress',
    });
    await makeAction({
      title: 'Other survey',
      surveyId: other.survey._id,
      cycleId: String(other.cycles[0]?._id),
    });

    const view = await loadOverview(hr, new URLSearchParams({ survey: String(survey._id) }));
    // Two actions done in the same cycle: both marked there.
    expect(markersIn(view.trend)).toEqual([
      '2: insights:series.actionDone {"title":"New knives"}',
      '2: insights:series.actionDone {"title":"Quiet room"}',
    ]);
    expect(markersIn(view.enpsTrend)).toEqual(markersIn(view.trend));
  });

  it('gives a leader only the markers of actions in their scope and the company-wide ones', async () => {
    const { survey, departments, providers, cycles } = await seedOrganisation();
    const at = (index: number) => String(cycles[index]?._id);
    await makeAction({ title: 'Company-wide', surveyId: survey._id, cycleId: at(0) });
    await makeAction({
      title: 'Ours',
      surveyId: survey._id,
      cycleId: at(1),
      departmentId: departments[0]?._id,
    });
    await makeAction({
      title: 'Rating us',
      surveyId: survey._id,
      cycleId: at(1),
      metric: 'service',
      departmentId: departments[1]?._id,
      providerDepartmentId: departments[0]?._id,
    });
    await makeAction({
      title: 'Theirs',
      surveyId: survey._id,
      cycleId: at(2),
      departmentId: departments[2]?._id,
    });
    await makeAction({
      title: 'Their service',
      surveyId: survey._id,
      cycleId: at(2),
      metric: 'service',
      providerDepartmentId: providers[1]?._id,
    });

    const leader = staffUser({ scope: [departments[0]?._id ?? ''] });
    const view = await loadOverview(leader, new URLSearchParams());
    expect(markersIn(view.trend)).toEqual([
      '1: insights:series.actionDone {"title":"Company-wide"}',
      '2: insights:series.actionDone {"title":"Ours"}',
      '2: insights:series.actionDone {"title":"Rating us"}',
    ]);
    const everything = await loadOverview(hr, new URLSearchParams());
    expect(everything.trend.markers).toHaveLength(5);
  });

  it('marks a department’s own trend with its own actions and its rated trend with actions on its service', async () => {
    const { survey, departments, providers, cycles } = await seedOrganisation();
    const at = (index: number) => String(cycles[index]?._id);
    const team = String(departments[0]?._id);
    const service = String(providers[0]?._id);
    await makeAction({
      title: 'Team day',
      surveyId: survey._id,
      cycleId: at(1),
      departmentId: team,
    });
    await makeAction({
      title: 'Other team',
      surveyId: survey._id,
      cycleId: at(1),
      departmentId: departments[1]?._id,
    });
    await makeAction({
      title: 'Faster tickets',
      surveyId: survey._id,
      cycleId: at(2),
      metric: 'service',
      departmentId: team,
      providerDepartmentId: service,
    });
    await makeAction({
      title: 'Help desk hours',
      surveyId: survey._id,
      cycleId: at(0),
      metric: 'service',
      providerDepartmentId: service,
    });

    const page = await loadDepartment(hr, team, new URLSearchParams());
    expect(markersIn(page.answering.trend)).toEqual([
      '2: insights:series.actionDone {"title":"Team day"}',
    ]);

    const rated = await loadDepartment(hr, service, new URLSearchParams());
    expect(markersIn(rated.rated?.trend)).toEqual([
      '1: insights:series.actionDone {"title":"Help desk hours"}',
      '3: insights:series.actionDone {"title":"Faster tickets"}',
    ]);
    expect(markersIn(rated.answering.trend)).toEqual([]);
  });

  it('marks a matrix cell with actions on that service from that customer or from all', async () => {
    const { survey, departments, providers, cycles } = await seedOrganisation();
    const at = (index: number) => String(cycles[index]?._id);
    const row = String(departments[0]?._id);
    const column = String(providers[0]?._id);
    const service = { surveyId: survey._id, metric: 'service' as const };
    await makeAction({
      ...service,
      title: 'Cell',
      cycleId: at(1),
      departmentId: row,
      providerDepartmentId: column,
    });
    await makeAction({
      ...service,
      title: 'All customers',
      cycleId: at(2),
      providerDepartmentId: column,
    });
    await makeAction({
      ...service,
      title: 'Another customer',
      cycleId: at(1),
      departmentId: departments[1]?._id,
      providerDepartmentId: column,
    });
    await makeAction({
      ...service,
      title: 'Another service',
      cycleId: at(1),
      departmentId: row,
      providerDepartmentId: providers[1]?._id,
    });

    const view = await loadMatrix(hr, new URLSearchParams({ row, column }));
    expect(markersIn(view.cellTrend)).toEqual([
      '2: insights:series.actionDone {"title":"Cell"}',
      '3: insights:series.actionDone {"title":"All customers"}',
    ]);
  });

  it('marks a driver’s trend with the done actions on that driver the user may see', async () => {
    const { survey, departments, cycles } = await seedOrganisation();
    const at = (index: number) => String(cycles[index]?._id);
    const driver = { surveyId: survey._id, metric: 'driver' as const };
    await makeAction({
      ...driver,
      title: 'New laptops',
      cycleId: at(1),
      driver: 'Tools',
      departmentId: departments[0]?._id,
    });
    await makeAction({
      ...driver,
      title: 'Mentoring',
      cycleId: at(1),
      driver: 'Growth',
      departmentId: departments[0]?._id,
    });
    await makeAction({
      ...driver,
      title: 'Better chairs',
      cycleId: at(2),
      driver: 'Tools',
      departmentId: departments[2]?._id,
    });

    const all = await loadDrivers(hr, new URLSearchParams({ driver: 'Tools' }));
    expect(markersIn(all.driverTrend)).toEqual([
      '2: insights:series.actionDone {"title":"New laptops"}',
      '3: insights:series.actionDone {"title":"Better chairs"}',
    ]);
    const leader = staffUser({ scope: [departments[0]?._id ?? ''] });
    const theirs = await loadDrivers(leader, new URLSearchParams({ driver: 'Tools' }));
    expect(markersIn(theirs.driverTrend)).toEqual([
      '2: insights:series.actionDone {"title":"New laptops"}',
    ]);
  });

  it('tells each page where the user may raise actions: the latest cycle in range and their scope', async () => {
    const { survey, departments, cycles } = await seedOrganisation();
    const latest = String(cycles[2]?._id);
    const overview = await loadOverview(hr, new URLSearchParams());
    expect(overview.actions).toEqual({
      surveyId: String(survey._id),
      cycleId: latest,
      scope: null,
    });
    const leader = staffUser({ scope: [departments[1]?._id ?? ''] });
    const range = new URLSearchParams({ from: '1', to: '2' });
    const matrix = await loadMatrix(leader, range);
    expect(matrix.actions).toEqual({
      surveyId: String(survey._id),
      cycleId: String(cycles[1]?._id),
      scope: [String(departments[1]?._id)],
    });
  });

  it('offers no action before any cycle has run', async () => {
    const view = await loadOverview(hr, new URLSearchParams());
    expect(view.actions).toBeNull();
    expect(view.trend.markers).toEqual([]);
  });
});
