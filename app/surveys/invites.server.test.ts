import type { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { makeAnsweringCycle, validAnswers } from '../../tests/factories/answering';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import { submitResponse } from '../answering/submit.server';
import { type Delivery, inviteAudience, printableLinks } from './invites.server';

setupTestDatabase('invites');

const delivery: Delivery = { send: () => Promise.resolve(), appUrl: 'http://127.0.0.1:3000' };

async function openCycle(departmentIds: Types.ObjectId[]) {
  const survey = await makeSurvey({ audienceIds: departmentIds });
  const now = Date.now();
  const cycle = await CycleModel.create({
    surveyId: survey._id,
    number: 1,
    opensAt: new Date(now - 3_600_000),
    closesAt: new Date(now + 86_400_000),
    status: 'open',
    questionIds: survey.questions.map((question) => question.id),
    kioskId: `invites-${String(survey._id)}`,
  });
  return { survey, cycle: cycle.toObject() };
}

describe('inviteAudience counts who was invited', () => {
  it('records invited people per department on the cycle, adding late joiners once', async () => {
    const kitchen = await makeDepartment('Kitchen');
    const floor = await makeDepartment('Floor');
    await makePerson({ departmentId: kitchen._id });
    await makePerson({ departmentId: kitchen._id });
    await makePerson({ departmentId: floor._id });
    const { survey, cycle } = await openCycle([kitchen._id, floor._id]);

    await inviteAudience(cycle, survey, new Date(), delivery);
    await makePerson({ departmentId: floor._id });
    await inviteAudience(cycle, survey, new Date(), delivery);
    await inviteAudience(cycle, survey, new Date(), delivery);

    const stored = await CycleModel.findById(cycle._id, { invitedByDepartment: 1 }).lean();
    expect(stored?.invitedByDepartment).toEqual({
      [String(kitchen._id)]: 2,
      [String(floor._id)]: 2,
    });
    expect(await InviteModel.countDocuments({ cycleId: cycle._id })).toBe(4);
  });

  it('leaves a cycle invited before the counts existed without a partial count', async () => {
    const kitchen = await makeDepartment('Kitchen');
    await makePerson({ departmentId: kitchen._id });
    const { survey, cycle } = await openCycle([kitchen._id]);
    await inviteAudience(cycle, survey, new Date(), delivery);
    await CycleModel.updateOne({ _id: cycle._id }, { $unset: { invitedByDepartment: 1 } });
    await makePerson({ departmentId: kitchen._id });
    await inviteAudience(cycle, survey, new Date(), delivery);
    const stored = await CycleModel.findById(cycle._id, { invitedByDepartment: 1 }).lean();
    expect(stored?.invitedByDepartment).toBeUndefined();
  });
});

describe('printable links', () => {
  it('list everyone invited, so the sheet says nothing about who has answered', async () => {
    const { cycle, invites, providers } = await makeAnsweringCycle({ invites: 6 });
    const listed = async () =>
      (await printableLinks(cycle, 'all', new Date(), 'http://127.0.0.1:3000')) ?? [];
    const first = await listed();
    expect(first).toHaveLength(invites.length);
    // Two people answer through their printed links.
    for (const link of first.slice(0, 2)) {
      const token = link.link.split('/a/')[1] ?? '';
      expect((await submitResponse(token, validAnswers(providers))).status).toBe('stored');
    }
    const second = await listed();
    const rows = (links: typeof first) =>
      links.map((link) => `${link.name}|${link.department}|${link.language}`).sort();
    expect(rows(second)).toEqual(rows(first));
    // A new link for an answered invite takes no second answer.
    const reprinted = second.map((link) => link.link.split('/a/')[1] ?? '');
    const outcomes = await Promise.all(
      reprinted.map((token) => submitResponse(token, validAnswers(providers))),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'answered')).toHaveLength(2);
  });
});
