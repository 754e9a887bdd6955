import { describe, expect, it } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { CharterModel } from '../../models/charter.server';
import {
  makeInsightSurvey,
  respondentsOf,
  rollupOf,
  seedRollups,
} from '../../tests/factories/insights';
import { makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { raiseAction, raiseView } from '../actions/raise.server';
import { loadStaffUser } from '../utils/permissions.server';

setupTestDatabase('charter-actions');

const values = (n: number, value: number) => Array.from({ length: n }, () => value);

/** Team 0 (8 people) rates Service 0 at 3; Team 1 has 2 people; Team 2 (6) is their complement. */
async function world() {
  const organisation = await makeInsightSurvey({ departments: 3, providers: 1, cycles: 1 });
  const { survey, departments, providers, cycles } = organisation;
  const provider = providers[0]?._id;
  const at = (department: number) => ({
    surveyId: survey._id,
    cycleId: cycles[0]?._id ?? '',
    departmentId: departments[department]?._id ?? '',
  });
  await seedRollups([
    respondentsOf(at(0), 8),
    rollupOf(at(0), 'q-service', values(8, 3), provider),
    respondentsOf(at(1), 2),
    rollupOf(at(1), 'q-service', values(2, 1), provider),
    respondentsOf(at(2), 6),
    rollupOf(at(2), 'q-service', values(6, 5), provider),
  ]);
  await CharterModel.create({
    departmentId: provider,
    published: true,
    standards: [
      {
        key: 's-quick',
        text: { en: 'Answers within a day' },
        measure: { driver: 'Responsiveness', surveyId: null, questionId: null },
        target: 4,
      },
    ],
  });
  const person = await makePerson({ departmentId: departments[0]?._id, hrAdmin: true });
  const user = await loadStaffUser(String(person._id));
  if (!user) throw new Error('not staff');
  const source = (department: number, key = 's-quick') => ({
    surveyId: String(survey._id),
    cycleId: String(cycles[0]?._id),
    metric: 'driver' as const,
    questionId: null,
    driver: 'Responsiveness',
    departmentId: String(departments[department]?._id),
    providerDepartmentId: String(provider),
    charterStandardKey: key,
  });
  return { user, source };
}

const fields = (ownerId: string) => ({
  title: 'Answer faster',
  description: '',
  ownerId,
  dueOn: '2099-01-01',
});

describe('actions raised from a charter standard', () => {
  it('keep the charter cell as their baseline, and nothing for a cell that is not measured', async () => {
    const { user, source } = await world();
    const view = await raiseView(user, source(0));
    expect(view.baseline).toEqual({ state: 'shown', n: 8, value: 3 });
    expect(view.label).toMatch(/charter · Answers within a day \(as rated by Team/);
    const raised = await raiseAction(user, { ...fields(user.id), source: source(0) });
    expect(raised.ok).toBe(true);
    const action = await ActionModel.findOne({}).lean();
    expect(action?.source.charterStandardKey).toBe('s-quick');
    expect(action?.baseline).toMatchObject({ value: 3, n: 8, people: 8 });

    expect((await raiseView(user, source(1))).baseline).toEqual({ state: 'withheld' });
    expect((await raiseView(user, source(2))).baseline).toEqual({ state: 'withheld' });
    await raiseAction(user, { ...fields(user.id), source: source(2) });
    const complement = await ActionModel.findOne({
      'source.departmentId': source(2).departmentId,
    }).lean();
    expect(complement?.baseline).toBeNull();
  });

  it('refuses a standard the charter does not have', async () => {
    const { user, source } = await world();
    expect(await raiseAction(user, { ...fields(user.id), source: source(0, 's-gone') })).toEqual({
      ok: false,
      errors: { source: ['charters:errors.unknownStandard'] },
    });
    expect(await ActionModel.countDocuments()).toBe(0);
  });
});
