import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { makeDepartment, makePerson } from '../factories/organisation';
import { makeSurvey } from '../factories/survey';
import { startAppForFile } from '../support/app-for-file';

// The first-run checklist on the surveys page and "send the first cycle now", over HTTP as a
// browser without JavaScript uses them.
const app = startAppForFile('first-run-routes');

const signedIn = (role: 'hr' | 'leader') => app.signedIn(role);

describe('first-run checklist', () => {
  it('shows HR the steps left, each linked, and leaders nothing', async () => {
    const hr = await signedIn('hr');
    const page = await (await hr.get('/surveys')).text();
    expect(page).toContain('Getting started');
    for (const link of ['/people/import', '/people/departments', '/surveys/new']) {
      expect(page).toContain(`href="${link}"`);
    }
    expect(page).toContain('0 of 5 done.');
    const leader = await signedIn('leader');
    expect(await (await leader.get('/surveys')).text()).not.toContain('Getting started');
  });
});

describe('send the first cycle now', () => {
  it('opens cycle 1, invites the audience into the outbox, then is gone', async () => {
    const hr = await signedIn('hr');
    const kitchen = await makeDepartment('Kitchen');
    await makePerson({ name: 'Kai', departmentId: kitchen._id });
    await makePerson({ name: 'Ole', departmentId: kitchen._id, language: 'nb' });
    const survey = await makeSurvey({ audienceIds: [kitchen._id] });
    const path = `/surveys/${String(survey._id)}/cycles?index`;
    const before = await (await hr.get(path)).text();
    expect(before).toContain('Send the first cycle now');

    const sent = await hr.post(path, { intent: 'send-now' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Cycle 1 is open: 2 invitation(s) sent.');
    const cycle = await CycleModel.findOne({ surveyId: survey._id }).lean();
    expect(cycle?.status).toBe('open');
    expect(await InviteModel.countDocuments({ cycleId: cycle?._id })).toBe(2);
    expect(await OutboxMailModel.countDocuments({ kind: 'invite' })).toBe(2);
    expect(await (await hr.get(path)).text()).not.toContain('Send the first cycle now');

    const again = await hr.post(path, { intent: 'send-now' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already exists');
    expect(await OutboxMailModel.countDocuments()).toBe(2);
    expect((await hr.post(path, { intent: 'send-later' })).status).toBe(400);
  });

  it('is refused to leaders', async () => {
    const leader = await signedIn('leader');
    const kitchen = await makeDepartment('Kitchen');
    const survey = await makeSurvey({ audienceIds: [kitchen._id] });
    const sent = await leader.post(`/surveys/${String(survey._id)}/cycles?index`, {
      intent: 'send-now',
    });
    expect(sent.status).toBe(403);
    expect(await CycleModel.countDocuments()).toBe(0);
  });
});
