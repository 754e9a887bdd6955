import { describe, expect, it } from 'vitest';

import { createSessionCookie, createSessionRecord } from '../../app/utils/session.server';
import { ThanksModel } from '../../models/thanks.server';
import { makePerson } from '../factories/organisation';
import { boardKeyOf, thank, thanksOrganisation } from '../factories/thanks';
import { startAppForFile } from '../support/app-for-file';
import { httpClient } from '../support/http-client';

// The thanks pages over HTTP: a good thank-you stored, a bad one answered 400 with its messages
// and nothing stored, and publishing limited to the receiving department's leaders.
const app = startAppForFile('thanks-routes');

const sessionCookie = createSessionCookie({ secrets: [app.secret], secure: false });
const data = (path: string, route: string) => `${path}?_data=${encodeURIComponent(route)}`;
const sendRoute = 'routes/_employee.board.$boardKey_.thanks';

describe('sending thanks from a board', () => {
  it('stores a good thank-you and refuses a bad one with the field messages, storing nothing', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    const path = `/board/${await boardKeyOf(kitchen)}/thanks`;
    const employee = httpClient(app.url);
    const page = await (await employee.get(path)).text();
    expect(page).toContain('Thank a department');
    expect(page).toContain('IT');

    const bad = await employee.post(data(path, sendRoute), {
      to: String(kitchen._id),
      message: 'x',
      driver: 'Snacks',
      signed: 'name',
      senderName: '',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: {
        to: ['thanks:errors.toOwn'],
        message: ['thanks:errors.messageShort'],
        driver: ['thanks:errors.driver'],
        senderName: ['thanks:errors.nameMissing'],
      },
      values: { message: 'x' },
    });
    expect(await ThanksModel.countDocuments()).toBe(0);

    const good = await employee.post(data(path, sendRoute), {
      to: String(itDepartment._id),
      message: 'The new tills work perfectly',
      driver: 'Tools',
      signed: 'anonymous',
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ sent: true });
    expect(await ThanksModel.countDocuments({ senderName: null, driver: 'Tools' })).toBe(1);
    expect((await employee.get('/board/not-a-real-board-key-at-all/thanks')).status).toBe(404);
  });
});

describe('the staff thanks page', () => {
  it('lets the receiving leader publish and refuses another leader', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    await thank(kitchen, itDepartment, new Date(), { name: 'Kari', message: 'Fixed in an hour' });
    const stored = await ThanksModel.findOne().lean();
    const itLeader = await makePerson({
      departmentId: itDepartment._id,
      leaderOf: [itDepartment._id],
    });
    const kitchenLeader = await makePerson({ departmentId: kitchen._id, leaderOf: [kitchen._id] });
    const clientFor = async (id: unknown) => {
      const header = await sessionCookie.serialize(await createSessionRecord(String(id)));
      return httpClient(app.url, header.split(';', 1)[0]);
    };
    const leader = await clientFor(itLeader._id);
    const other = await clientFor(kitchenLeader._id);
    expect(await (await leader.get('/thanks')).text()).toContain('Fixed in an hour');
    expect(await (await other.get('/thanks')).text()).not.toContain('Fixed in an hour');

    const refused = await other.post('/thanks', { intent: 'publish', thanksId: stored?._id ?? '' });
    expect(refused.status).toBe(403);
    const bad = await leader.post(data('/thanks', 'routes/_staff.thanks'), { intent: 'shout' });
    expect(bad.status).toBe(400);
    const published = await leader.post('/thanks', {
      intent: 'publish',
      thanksId: stored?._id ?? '',
    });
    expect(published.status).toBeLessThan(400);
    const board = await (
      await httpClient(app.url).get(`/board/${await boardKeyOf(itDepartment)}`)
    ).text();
    expect(board).toContain('Fixed in an hour');
    expect(board).toContain('Kari, Kitchen');
  });
});
