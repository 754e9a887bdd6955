import { describe, expect, it } from 'vitest';

import { makeServiceResults, staffUser } from '../../tests/factories/insights';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadDepartment } from './department.server';
import { departmentExports, overviewExports } from './exports';
import { resolveInsights } from './filters.server';
import { metricLabel } from './metric.server';
import { loadOverview } from './overview.server';
import { toCsv } from './tables';

// A survey of internal-service questions only, as the internal-service template makes: its
// questions name `{department}`, and its figures are about the departments it rates.

setupTestDatabase('insight-service-survey');

const hr = staffUser({ hrAdmin: true });

describe('an internal-service survey on the insight pages', () => {
  it('never shows the {department} placeholder in the question splits, their CSV or a department page', async () => {
    const { survey, departments } = await makeServiceResults();
    const params = new URLSearchParams({ survey: String(survey._id) });
    const overview = await loadOverview(hr, params);
    expect(overview.questions.map((question) => question.text)).toEqual([
      'The department responds quickly when I need help. (each rated department)',
      'How reliable is the department? (each rated department)',
    ]);
    const csv = toCsv(overviewExports.questions(overview));
    expect(csv).toContain('How reliable is the department? (each rated department)');
    const department = await loadDepartment(hr, String(departments[0]?._id), params);
    const everything = JSON.stringify([
      overview,
      department,
      departmentExports.questions(department),
    ]);
    expect(everything).not.toContain('{department}');
  });

  it('names the rated department in an action on one question about it', async () => {
    const { survey, departments, providers, cycles } = await makeServiceResults();
    const context = await resolveInsights(hr, new URLSearchParams({ survey: String(survey._id) }));
    const source = {
      surveyId: String(survey._id),
      cycleId: String(cycles[1]?._id),
      metric: 'question' as const,
      questionId: 'q-reliable',
      driver: null,
      departmentId: String(departments[0]?._id),
      providerDepartmentId: String(providers[1]?._id),
    };
    expect(metricLabel(context, source)).toBe(
      `${departments[0]?.name} · How reliable is ${providers[1]?.name}?`,
    );
    expect(metricLabel(context, { ...source, providerDepartmentId: null })).toBe(
      `${departments[0]?.name} · How reliable is the department? (each rated department)`,
    );
  });
});
