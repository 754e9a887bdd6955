import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import {
  insightQuestions,
  makeInsightSurvey,
  makeServiceResults,
  respondentsOf,
  rollupOf,
  seedRollups,
  staffUser,
} from '../../tests/factories/insights';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadDepartment } from './department.server';
import { loadDrivers } from './drivers.server';
import { loadMatrix } from './matrix.server';
import { loadOverview } from './overview.server';

// Which survey an insight page opens on when its address names none.

setupTestDatabase('insight-default-survey');

const hr = staffUser({ hrAdmin: true });

/**
 * An engagement survey without internal-service questions whose cycle closed after every cycle of
 * the service survey: Team 0 (7 people) and Team 1 (6) answered.
 */
async function makeNewerEngagementResults() {
  const organisation = await makeInsightSurvey({
    departments: 2,
    providers: 0,
    cycles: 1,
    questions: insightQuestions.filter((question) => !question.internalService),
  });
  const { survey, departments, cycles } = organisation;
  const cycle = cycles[0];
  await CycleModel.updateOne(
    { _id: cycle?._id },
    { $set: { closedAt: new Date(Date.UTC(2026, 1, 20)) } },
  );
  await seedRollups(
    [7, 6].flatMap((people, index) => {
      const at = {
        surveyId: survey._id,
        cycleId: cycle?._id ?? '',
        departmentId: departments[index]?._id ?? '',
      };
      return [
        respondentsOf(at, people),
        rollupOf(
          at,
          'q-tools',
          Array.from({ length: people }, () => 4),
        ),
      ];
    }),
  );
  return organisation;
}

/** The newest survey of all, with a cycle that opened an hour ago: no results yet. */
async function makeOpenSurvey(audienceId: unknown) {
  const survey = await makeSurvey({
    audienceIds: [String(audienceId)],
    questions: insightQuestions.filter((question) => !question.internalService),
  });
  await CycleModel.create({
    surveyId: survey._id,
    number: 1,
    opensAt: new Date(Date.now() - 3_600_000),
    closesAt: new Date(Date.now() + 86_400_000),
    status: 'open',
    kioskId: `open-${String(survey._id)}`,
  });
  return survey;
}

describe('the survey an insight page opens on', () => {
  it('is the one with the newest results, not the newest survey; the matrix, the newest with a matrix', async () => {
    const service = await makeServiceResults();
    const engagement = await makeNewerEngagementResults();
    await makeOpenSurvey(engagement.departments[0]?._id);
    const none = new URLSearchParams();
    expect((await loadOverview(hr, none)).filters.surveyId).toBe(String(engagement.survey._id));
    expect((await loadDrivers(hr, none)).filters.surveyId).toBe(String(engagement.survey._id));
    const matrix = await loadMatrix(hr, none);
    expect(matrix.filters.surveyId).toBe(String(service.survey._id));
    expect(matrix.hasMatrix).toBe(true);
    expect(matrix.heatmap.columnTotals.some((total) => total?.state === 'shown')).toBe(true);
    // Named in the address, a survey without a matrix says so rather than choosing another.
    const named = await loadMatrix(
      hr,
      new URLSearchParams({ survey: String(engagement.survey._id) }),
    );
    expect(named.filters.surveyId).toBe(String(engagement.survey._id));
    expect(named.hasMatrix).toBe(false);
  });

  it('is, for a leader, the newest with results in their departments', async () => {
    const service = await makeServiceResults();
    const engagement = await makeNewerEngagementResults();
    const none = new URLSearchParams();
    const customer = staffUser({ scope: [service.departments[0]?._id ?? ''] });
    expect((await loadOverview(customer, none)).filters.surveyId).toBe(String(service.survey._id));
    // A rated department's leader: its ratings are their results.
    const provider = staffUser({ scope: [service.providers[0]?._id ?? ''] });
    expect((await loadOverview(provider, none)).filters.surveyId).toBe(String(service.survey._id));
    const department = String(service.departments[0]?._id);
    expect((await loadDepartment(customer, department, none)).filters.surveyId).toBe(
      String(service.survey._id),
    );
    const engaged = staffUser({ scope: [engagement.departments[0]?._id ?? ''] });
    expect((await loadOverview(engaged, none)).filters.surveyId).toBe(
      String(engagement.survey._id),
    );
  });

  it('offers every survey on every page', async () => {
    const service = await makeServiceResults();
    const engagement = await makeNewerEngagementResults();
    const none = new URLSearchParams();
    const ids = [String(engagement.survey._id), String(service.survey._id)].sort();
    for (const view of [
      await loadMatrix(hr, none),
      await loadDrivers(hr, none),
      await loadDepartment(hr, String(service.departments[0]?._id), none),
    ]) {
      expect(view.surveys.map((survey) => survey.id).sort()).toEqual(ids);
    }
  });
});
