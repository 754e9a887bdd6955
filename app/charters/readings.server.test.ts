import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import {
  makeInsightSurvey,
  respondentsOf,
  rollupOf,
  seedRollups,
} from '../../tests/factories/insights';
import { setupTestDatabase } from '../../tests/support/test-database';
import { charterReadings, standardReadingAt } from './readings.server';

setupTestDatabase('charter-readings');

const values = (n: number, value: number) => Array.from({ length: n }, () => value);

/**
 * Four customers rate two services in one settled cycle: Team 0 (8 people) rates Service 0 at 4
 * and Service 1 at 3, Team 1 (10 people) rates both at 5, Team 2 has 2 people (under the
 * threshold of 5), Team 3 has 6 (withheld with it, as its complement). A second cycle is open.
 */
async function world() {
  const organisation = await makeInsightSurvey({ departments: 4, providers: 2, cycles: 1 });
  const { survey, departments, providers, cycles } = organisation;
  const at = (department: number) => ({
    surveyId: survey._id,
    cycleId: cycles[0]?._id ?? '',
    departmentId: departments[department]?._id ?? '',
  });
  const [first, second] = providers.map((provider) => provider._id);
  await seedRollups([
    respondentsOf(at(0), 8),
    rollupOf(at(0), 'q-service', values(8, 4), first),
    rollupOf(at(0), 'q-service', values(8, 3), second),
    respondentsOf(at(1), 10),
    rollupOf(at(1), 'q-service', values(10, 5), first),
    rollupOf(at(1), 'q-service', values(10, 5), second),
    respondentsOf(at(2), 2),
    rollupOf(at(2), 'q-service', values(2, 1), first),
    rollupOf(at(2), 'q-service', values(2, 1), second),
    respondentsOf(at(3), 6),
    rollupOf(at(3), 'q-service', values(6, 4), first),
    rollupOf(at(3), 'q-service', values(6, 4), second),
  ]);
  const open = await CycleModel.create({
    surveyId: survey._id,
    number: 2,
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 86_400_000),
    status: 'open',
    questionIds: ['q-service'],
    providerDepartmentIds: providers.map((provider) => provider._id),
    kioskId: `charter-open-${String(survey._id)}`,
  });
  await seedRollups([
    respondentsOf({ ...at(0), cycleId: open._id }, 9),
    rollupOf({ ...at(0), cycleId: open._id }, 'q-service', values(9, 5), first),
  ]);
  return { ...organisation, open };
}

describe('charter readings', () => {
  it('reads each standard per settled cycle and customer: met, not met, and not measured for a withheld group', async () => {
    const { survey, departments, providers, cycles } = await world();
    const provider = String(providers[1]?._id);
    const [readings] = await charterReadings(
      provider,
      [
        {
          key: 's-answers',
          measure: { driver: null, surveyId: survey._id, questionId: 'q-service' },
          target: 4,
        },
      ],
      { language: 'en' },
    );
    // The open cycle is never read.
    expect(readings?.cycles.map((cycle) => cycle.id)).toEqual([String(cycles[0]?._id)]);
    const row = (index: number) =>
      readings?.rows.find((item) => item.department.id === String(departments[index]?._id))
        ?.cells[0];
    expect(row(0)).toEqual({ state: 'not-met', value: 3, n: 8 });
    expect(row(1)).toEqual({ state: 'met', value: 5, n: 10 });
    expect(row(2)).toEqual({ state: 'not-measured', why: 'withheld' });
    // Team 3 is shown by no page: the total less the others would give Team 2 away.
    expect(row(3)).toEqual({ state: 'not-measured', why: 'withheld' });
  });

  it('reads a driver over the service questions that carry it, and the raise baseline is the same cell', async () => {
    const { survey, departments, providers, cycles } = await world();
    const provider = String(providers[0]?._id);
    const standard = {
      key: 's-quick',
      measure: { driver: 'Responsiveness', surveyId: null, questionId: null },
      target: 4.5,
    };
    const [readings] = await charterReadings(provider, [standard], {
      language: 'en',
      customers: (id) => id === String(departments[0]?._id),
    });
    expect(readings?.rows).toEqual([
      {
        department: { id: String(departments[0]?._id), name: expect.any(String) as string },
        cells: [{ state: 'not-met', value: 4, n: 8 }],
      },
    ]);
    const baseline = await standardReadingAt(provider, standard, {
      surveyId: String(survey._id),
      cycleId: String(cycles[0]?._id),
      customerId: String(departments[0]?._id),
    });
    expect(baseline).toMatchObject({ state: 'shown', value: 4, n: 8 });
    const withheld = await standardReadingAt(provider, standard, {
      surveyId: String(survey._id),
      cycleId: String(cycles[0]?._id),
      customerId: String(departments[2]?._id),
    });
    expect(withheld).toEqual({ state: 'withheld' });
  });

  it('shows nothing of an open cycle, even asked for by id', async () => {
    const { survey, departments, providers, open } = await world();
    const reading = await standardReadingAt(
      String(providers[0]?._id),
      {
        key: 's-x',
        measure: { driver: null, surveyId: survey._id, questionId: 'q-service' },
        target: 4,
      },
      {
        surveyId: String(survey._id),
        cycleId: String(open._id),
        customerId: String(departments[0]?._id),
      },
    );
    expect(reading).toEqual({ state: 'empty' });
    expect(new Types.ObjectId(String(open._id))).toBeTruthy();
  });
});
