import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { RollupModel } from '../../models/rollup.server';
import { respondentsOf, seedRollups } from '../../tests/factories/insights';
import { makeDepartment } from '../../tests/factories/organisation';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import { respondentsQuestionId } from '../answering/rollups.server';
import { participation, participationByCycle } from './participation.server';

setupTestDatabase('participation');

/**
 * Kitchen (8 invited), Floor (9 invited) and Bakery (1 invited) in one cycle of a survey with a
 * threshold of 5. Answered so far: the kitchen's 7, of whom 1 through the open link, the floor's
 * 6 and the bakery's one.
 */
async function organisation(status: 'open' | 'closed') {
  const kitchen = await makeDepartment('Kitchen');
  const floor = await makeDepartment('Floor');
  const bakery = await makeDepartment('Bakery');
  const survey = await makeSurvey({
    audienceIds: [kitchen._id, floor._id, bakery._id],
    anonymityThreshold: 5,
  });
  const closesAt = status === 'closed' ? new Date(Date.now() - 86_400_000) : new Date();
  const cycle = await CycleModel.create({
    surveyId: survey._id,
    number: 1,
    opensAt: new Date(closesAt.getTime() - 5 * 86_400_000),
    closesAt,
    closedAt: status === 'closed' ? closesAt : null,
    status,
    kioskId: `participation-${String(survey._id)}`,
    invitedByDepartment: {
      [String(kitchen._id)]: 8,
      [String(floor._id)]: 9,
      [String(bakery._id)]: 1,
    },
  });
  const at = (department: { _id: Types.ObjectId }) => ({
    surveyId: survey._id,
    cycleId: cycle._id,
    departmentId: department._id,
  });
  await seedRollups([
    respondentsOf(at(kitchen), 7, 1),
    respondentsOf(at(floor), 6),
    respondentsOf(at(bakery), 1),
  ]);
  return { survey, cycle, kitchen, floor, bakery, at };
}

const answeredOf = (view: Awaited<ReturnType<typeof participation>>) =>
  Object.fromEntries(view.departments.map((row) => [row.department, row.answered]));

describe('participation', () => {
  it('withholds a department of one, and its complement, as the insight pages do', async () => {
    const { cycle } = await organisation('closed');
    const view = await participation(cycle._id);
    // The bakery's one is withheld; the kitchen (6 invited respondents) goes with it, since the
    // total less the floor would otherwise give the bakery away.
    expect(answeredOf(view)).toEqual({
      Bakery: { state: 'withheld' },
      Floor: { state: 'shown', value: 6 },
      Kitchen: { state: 'withheld' },
    });
    expect(view.departments.map((row) => row.invited)).toEqual([1, 9, 8]);
    expect(view.invited).toBe(18);
    // Invited respondents only: the open-link answer is its own figure.
    expect(view.answered).toEqual({ state: 'shown', value: 13 });
    expect(view.openLink).toEqual({ state: 'shown', value: 1 });
    expect(view.stepped).toBe(false);
    expect(await participation('not-an-id')).toMatchObject({ invited: 0, departments: [] });
  });

  it('reads nothing from invites but their number, so a used mark would not count', async () => {
    const { survey, cycle, bakery } = await organisation('closed');
    // An invite marked used the way older versions did: participation no longer looks.
    await InviteModel.collection.insertOne({
      cycleId: cycle._id,
      surveyId: survey._id,
      personId: new Types.ObjectId(),
      departmentId: bakery._id,
      language: 'en',
      tokenHash: 'a'.repeat(64),
      deliveryClaimedAt: new Date(),
      usedOn: '2026-01-06',
    });
    const view = await participation(cycle._id);
    expect(answeredOf(view).Bakery).toEqual({ state: 'withheld' });
  });

  it('releases an open cycle’s counts only in steps of the threshold, so a new answer does not show', async () => {
    const { cycle, kitchen, floor } = await organisation('open');
    const before = await participation(cycle._id);
    expect(before.stepped).toBe(true);
    // The floor's 6 show as 5, the 13 in all as 10; the kitchen and the bakery are withheld.
    expect(answeredOf(before).Floor).toEqual({ state: 'shown', value: 5 });
    expect(before.answered).toEqual({ state: 'shown', value: 10 });

    // One more person on the floor answers: nothing on the page moves.
    await RollupModel.updateOne(
      { cycleId: cycle._id, departmentId: floor._id, questionId: respondentsQuestionId },
      { $inc: { count: 1 } },
    );
    expect(await participation(cycle._id)).toEqual(before);
    expect((await participationByCycle(cycle.surveyId)).get(String(cycle._id))).toEqual({
      invited: before.invited,
      answered: before.answered,
      openLink: before.openLink,
      stepped: true,
      threshold: 5,
    });

    // Once closed and settled, the counts are exact.
    await CycleModel.updateOne(
      { _id: cycle._id },
      { $set: { status: 'closed', closedAt: new Date(Date.now() - 3_600_000) } },
    );
    const closed = await participation(cycle._id);
    expect(answeredOf(closed).Floor).toEqual({ state: 'shown', value: 7 });
    expect(
      closed.departments.find((row) => row.departmentId === String(kitchen._id))?.answered,
    ).toEqual({ state: 'withheld' });
  });
});
