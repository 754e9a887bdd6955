import { describe, expect, it } from 'vitest';

import { makeInsightResults, makeServiceResults, staffUser } from '../../tests/factories/insights';
import { setupTestDatabase } from '../../tests/support/test-database';
import { loadDepartment } from './department.server';
import { departmentExports, overviewExports } from './exports';
import { resolveInsights } from './filters.server';
import { loadMatrix } from './matrix.server';
import { metricLabel } from './metric.server';
import { loadOverview } from './overview.server';
import { toCsv } from './tables';
import type { Figure } from './types';

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

describe('the overview of an internal-service survey', () => {
  it('leads with the rated departments’ scores, never a false “no answers”', async () => {
    const { survey, departments, providers } = await makeServiceResults();
    const params = new URLSearchParams({ survey: String(survey._id) });
    const view = await loadOverview(hr, params);
    const matrix = await loadMatrix(hr, params);
    const shown = (figure: Figure | null | undefined) =>
      figure?.state === 'shown' ? { n: figure.n, value: figure.value } : figure;
    // Each rated department's score from all its internal customers, as the matrix's totals.
    expect(view.services?.providers.map((bar) => bar.department.id)).toEqual(
      providers.map((provider) => String(provider._id)),
    );
    expect(view.services?.providers.map((bar) => shown(bar.figure))).toEqual(
      matrix.heatmap.columnTotals.map(shown),
    );
    expect(view.services?.providers.map((bar) => shown(bar.figure))).toEqual([
      { n: 18, value: 4 },
      { n: 20, value: 5 },
    ]);
    const first = view.services?.providers[0]?.figure;
    expect(first?.state === 'shown' && first.change?.delta).toBe(1);
    // By department: each answering department's rating of every service, withheld as the matrix.
    expect(view.byDepartment.map((bar) => shown(bar.figure))).toEqual(
      matrix.heatmap.rowTotals.map(shown),
    );
    expect(shown(view.byDepartment[0]?.figure)).toEqual({ n: 10, value: 4.5 });
    expect(view.trend.series.map((series) => series.points.map(shown))).toEqual([
      [
        { n: 6, value: 3 },
        { n: 18, value: 4 },
      ],
      [
        { n: 6, value: 3 },
        { n: 20, value: 5 },
      ],
    ]);
    const csv = overviewExports.score(view);
    expect(csv.columns[0]).toBe('Rated department');
    expect(csv.rows.map((row) => row.slice(0, 3))).toEqual([
      [providers[0]?.name, 4, 18],
      [providers[1]?.name, 5, 20],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/"withheld","n"|"withheld","value"/);
    expect(departments).toHaveLength(3);
  });

  it('shows a leader the scores of the rated departments they lead, and their own department’s ratings', async () => {
    const { survey, departments, providers } = await makeServiceResults();
    const params = new URLSearchParams({ survey: String(survey._id) });
    const provider = staffUser({ scope: [providers[0]?._id ?? ''] });
    const providerView = await loadOverview(provider, params);
    expect(providerView.services?.providers.map((bar) => bar.department.id)).toEqual([
      String(providers[0]?._id),
    ]);
    const customer = staffUser({ scope: [departments[0]?._id ?? ''] });
    const customerView = await loadOverview(customer, params);
    expect(customerView.services?.providers).toEqual([]);
    expect(customerView.byDepartment.map((bar) => bar.department.id)).toEqual([
      String(departments[0]?._id),
    ]);
    expect(customerView.trend.series).toEqual([]);
  });

  it('keeps the engagement headline for a survey with its own score questions', async () => {
    await makeInsightResults();
    const view = await loadOverview(hr, new URLSearchParams());
    expect(view.services).toBeNull();
    expect(view.score.state).toBe('shown');
  });
});
