import type { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { RollupModel } from '../../models/rollup.server';
import { makeActionOrganisation } from '../../tests/factories/actions';
import { makeInsightSurvey } from '../../tests/factories/insights';
import { makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { respondentsQuestionId } from '../answering/rollups.server';
import { loadStaffUser } from '../utils/permissions.server';
import {
  checkMetricSource,
  followUpChange,
  loadMetric,
  type MetricSource,
  sumsOf,
} from './metric.server';

setupTestDatabase('insight-metric');

const totalsOf = (values: number[]) => ({
  n: values.length,
  sum: values.reduce((sum, value) => sum + value, 0),
  sumSquares: values.reduce((sum, value) => sum + value * value, 0),
});

describe('followUpChange', () => {
  it('gives latest − baseline with its Welch 95% interval, from sums alone', () => {
    // Latest 4,4,5,5 (mean 4.5, s² 1/3); baseline 2,2,3,3 (mean 2.5, s² 1/3).
    // Margin 1.96·√(1/12 + 1/12) = 0.80017; 2 ± 0.80017.
    const change = followUpChange(totalsOf([4, 4, 5, 5]), totalsOf([2, 2, 3, 3]), 1);
    expect(change?.delta).toBeCloseTo(2, 10);
    expect(change?.low).toBeCloseTo(1.19983, 4);
    expect(change?.high).toBeCloseTo(2.80017, 4);
    expect(change?.significant).toBe(true);
  });

  it('is not significant when the interval holds zero', () => {
    // 3,4 (mean 3.5, s² 0.5) against 3,3,4 (mean 3.333, s² 1/3): delta 0.1667,
    // margin 1.96·√(0.5/2 + (1/3)/3) = 1.96·0.60093 = 1.17781.
    const change = followUpChange(totalsOf([3, 4]), totalsOf([3, 3, 4]), 1);
    expect(change?.delta).toBeCloseTo(1 / 6, 10);
    expect(change?.low).toBeCloseTo(1 / 6 - 1.17781, 4);
    expect(change?.significant).toBe(false);
  });

  it('scales eNPS answers (+1/0/−1) to points and refuses a missing or single-answer side', () => {
    // Latest +1,+1,0,−1: mean 0.25, s² (3 − 0.25)/3 = 0.9167; baseline −1,−1,0,+1: mean −0.25,
    // s² 0.9167. Delta 50 points, margin 196·√(0.9167/4 · 2) = 196·0.677 = 132.7.
    const change = followUpChange(totalsOf([1, 1, 0, -1]), totalsOf([-1, -1, 0, 1]), 100);
    expect(change?.delta).toBeCloseTo(50, 8);
    expect(change?.high).toBeCloseTo(50 + 196 * Math.sqrt((11 / 12 / 4) * 2), 6);
    expect(change?.significant).toBe(false);
    expect(followUpChange(null, totalsOf([3, 4]), 1)).toBeNull();
    expect(followUpChange(totalsOf([3, 4]), null, 1)).toBeNull();
    expect(followUpChange(totalsOf([5]), totalsOf([3, 4]), 1)).toBeNull();
  });
});

describe('loadMetric', () => {
  const sourceOf = (
    organisation: Awaited<ReturnType<typeof makeActionOrganisation>>,
    fields: Partial<MetricSource>,
  ): MetricSource => ({
    surveyId: String(organisation.survey._id),
    cycleId: String(organisation.cycles[1]?._id),
    metric: 'score',
    questionId: null,
    driver: null,
    departmentId: null,
    providerDepartmentId: null,
    ...fields,
  });

  it('follows a department score over the cycles with the sums behind each figure', async () => {
    const organisation = await makeActionOrganisation();
    const team = organisation.departments[0];
    const metric = await loadMetric(
      organisation.hr,
      sourceOf(organisation, {
        cycleId: String(organisation.cycles[0]?._id),
        departmentId: String(team?._id),
      }),
    );
    expect(metric.label).toBe(`Score · ${team?.name}`);
    expect(metric.trend.cycles.map((cycle) => cycle.number)).toEqual([1, 2]);
    // Cycle 1: six 3s. Cycle 2: q-tools nine 4s and a 5, q-growth ten 4s: 81 / 20 = 4.05.
    expect(metric.atSource).toEqual({ value: 3, n: 6, people: 6, sum: 18, sumSquares: 54 });
    expect(metric.latest).toMatchObject({ state: 'shown', n: 10, value: 4.05 });
    expect(metric.latestSums?.sum).toBeCloseTo(81, 10);
    expect(metric.latestSums?.sumSquares).toBeCloseTo(9 * 16 + 25 + 10 * 16, 8);
    // s² latest = (329 − 81²/20)/19 = 0.05, baseline 0: 1.05 ± 1.96·√(0.05/20) = 1.05 ± 0.098.
    const change = followUpChange(metric.latestSums, metric.atSource, metric.unit);
    expect(change?.delta).toBeCloseTo(1.05, 8);
    expect(change?.low).toBeCloseTo(0.952, 6);
    expect(change?.high).toBeCloseTo(1.148, 6);
    expect(change?.significant).toBe(true);
  });

  it('withholds what the insight pages withhold, and stores no sums for it', async () => {
    const organisation = await makeActionOrganisation();
    // Team 2 has 2 people; Team 1 is withheld as its complement.
    for (const index of [1, 2]) {
      const metric = await loadMetric(
        organisation.hr,
        sourceOf(organisation, { departmentId: String(organisation.departments[index]?._id) }),
      );
      expect(metric.atSource).toBeNull();
      expect(metric.sourceWithheld).toBe(true);
      expect(metric.latest).toEqual({ state: 'withheld' });
      expect(JSON.stringify(metric.trend)).not.toMatch(/"withheld","n"|"withheld","value"/);
    }
  });

  it('reads eNPS, a question, a driver and a matrix cell from the tables the pages use', async () => {
    const organisation = await makeActionOrganisation();
    const team = organisation.departments[0];
    const provider = organisation.providers[0];
    const enps = await loadMetric(organisation.hr, sourceOf(organisation, { metric: 'enps' }));
    // 6 promoters and 14 detractors of 20: −40, sums per answer.
    expect(enps.label).toBe('eNPS');
    expect(enps.atSource).toEqual({ value: -40, n: 20, people: 20, sum: -8, sumSquares: 20 });
    expect(enps.unit).toBe(100);

    const question = await loadMetric(
      organisation.hr,
      sourceOf(organisation, {
        metric: 'question',
        questionId: 'q-tools',
        departmentId: String(team?._id),
      }),
    );
    expect(question.label).toBe(`${team?.name} · Question q-tools`);
    expect(question.atSource).toMatchObject({ value: 4.1, n: 10, sum: 41 });

    const driver = await loadMetric(
      organisation.hr,
      sourceOf(organisation, {
        metric: 'driver',
        driver: 'Tools',
        departmentId: String(team?._id),
      }),
    );
    expect(driver.label).toBe(`Tools · ${team?.name}`);
    expect(driver.atSource).toMatchObject({ value: 4.1, n: 10 });

    const service = await loadMetric(
      organisation.hr,
      sourceOf(organisation, {
        metric: 'service',
        departmentId: String(team?._id),
        providerDepartmentId: String(provider?._id),
      }),
    );
    expect(service.label).toBe(`${provider?.name} as rated by ${team?.name}`);
    expect(service.atSource).toMatchObject({ value: 4, n: 10, sum: 40, sumSquares: 160 });
  });

  it('follows a question about one rated department in that department’s ratings only', async () => {
    const { survey, departments, providers, cycles } = await makeInsightSurvey({
      departments: 1,
      providers: 2,
      cycles: 1,
      threshold: 3,
      questions: [
        {
          id: 'q-fast',
          type: 'scale',
          text: { en: '{department} answers fast' },
          driver: 'Responsiveness',
          required: false,
          core: true,
          internalService: true,
          archived: false,
        },
      ],
    });
    const team = departments[0]?._id;
    const [slow, fast] = providers.map((provider) => provider._id);
    const row = (questionId: string, provider: Types.ObjectId | null, value: number) => ({
      surveyId: survey._id,
      cycleId: cycles[0]?._id,
      departmentId: team,
      questionId,
      providerDepartmentId: provider,
      count: 6,
      sum: 6 * value,
      sumSquares: 6 * value * value,
      histogram: value ? { [String(value)]: 6 } : {},
      skipped: 0,
      kioskCount: 0,
    });
    await RollupModel.insertMany([
      row(respondentsQuestionId, null, 0),
      row('q-fast', slow ?? null, 2),
      row('q-fast', fast ?? null, 5),
    ]);
    const person = await makePerson({ departmentId: team, hrAdmin: true });
    const hr = await loadStaffUser(String(person._id));
    if (!hr) throw new Error('not staff');
    const source = (departmentId: string | null): MetricSource => ({
      surveyId: String(survey._id),
      cycleId: String(cycles[0]?._id),
      metric: 'question',
      questionId: 'q-fast',
      driver: null,
      departmentId,
      providerDepartmentId: String(slow),
    });
    // The slow service's 2s, not both services' 3.5.
    expect((await loadMetric(hr, source(String(team)))).atSource).toMatchObject({
      value: 2,
      n: 6,
    });
    expect((await loadMetric(hr, source(null))).atSource).toMatchObject({ value: 2, n: 6 });
  });

  it('refuses sources that point at nothing measurable', async () => {
    const organisation = await makeActionOrganisation();
    const check = (fields: Partial<MetricSource>) =>
      checkMetricSource(organisation.hr, sourceOf(organisation, fields));
    expect(await check({})).toBeNull();
    // A comment question can be acted on (from a comment) though it has no score to follow.
    expect(await check({ metric: 'question', questionId: 'q-text' })).toBeNull();
    expect(await check({ metric: 'question', questionId: 'q-nope' })).toMatchObject({
      field: 'question',
    });
    expect(await check({ metric: 'driver', driver: 'Nope' })).toMatchObject({ field: 'driver' });
    expect(await check({ metric: 'service' })).toMatchObject({ field: 'provider' });
    expect(await check({ cycleId: String(organisation.survey._id) })).toMatchObject({
      field: 'cycle',
    });
    expect(await check({ departmentId: String(organisation.survey._id) })).toMatchObject({
      field: 'department',
    });
  });

  it('turns a withheld or empty reading into no sums at all', () => {
    expect(sumsOf({ state: 'withheld' })).toBeNull();
    expect(sumsOf({ state: 'empty' })).toBeNull();
  });
});
