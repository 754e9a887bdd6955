import { describe, expect, it } from 'vitest';

import { message } from '../../app/utils/message';
import { createSessionCookie, createSessionRecord } from '../../app/utils/session.server';
import { ActionModel } from '../../models/action.server';
import { PersonModel } from '../../models/person.server';
import { makeAction, makeActionOrganisation } from '../factories/actions';
import { startAppForFile } from '../support/app-for-file';
import { type HttpClient, httpClient } from '../support/http-client';

// The action pages over HTTP: who may open and post to them, bad input answered 400 with the
// messages beside their fields and nothing stored, good input stored and redirected.
const app = startAppForFile('action-routes');

const sessionCookie = createSessionCookie({ secrets: [app.secret], secure: false });

async function clientFor(personId: string): Promise<HttpClient> {
  const header = await sessionCookie.serialize(await createSessionRecord(personId));
  return httpClient(app.url, header.split(';', 1)[0]);
}

const data = (path: string, route: string) =>
  `${path}${path.includes('?') ? '&' : '?'}_data=${encodeURIComponent(route)}`;

async function setting() {
  const organisation = await makeActionOrganisation();
  const action = await makeAction({
    surveyId: organisation.survey._id,
    cycleId: organisation.cycles[1]?._id ?? organisation.survey._id,
    departmentId: organisation.departments[0]?._id ?? null,
    ownerId: organisation.leader.id,
    title: 'Fix the tools',
    dueOn: '2999-01-01',
  });
  return {
    organisation,
    id: String(action._id),
    hr: await clientFor(organisation.hr.id),
    leader: await clientFor(organisation.leader.id),
    other: await clientFor(organisation.otherLeader.id),
    anonymous: httpClient(app.url),
  };
}

describe('action page', () => {
  it('is for HR admins and leaders of its department; others get 403, a signed-out visitor the sign-in', async () => {
    const { id, hr, leader, other, anonymous } = await setting();
    const path = `/actions/${id}`;
    expect((await hr.get(path)).status).toBe(200);
    expect((await leader.get(path)).status).toBe(200);
    expect((await other.get(path)).status).toBe(403);
    const signedOut = await anonymous.get(path);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toMatch(/^\/login\?/);
    expect((await other.post(path, { intent: 'update', note: 'Sneaky' })).status).toBe(403);
    expect((await hr.get('/actions/0123456789abcdef01234567')).status).toBe(404);
    expect((await hr.get('/actions/not-an-id')).status).toBe(404);
    const action = await ActionModel.findById(id).lean();
    expect(action?.timeline).toHaveLength(1);
  });

  it('moves the status along the allowed steps and refuses the others with 400', async () => {
    const { id, leader } = await setting();
    const route = 'routes/_staff.actions.$actionId';
    const skip = await leader.post(data(`/actions/${id}`, route), {
      intent: 'move',
      from: 'open',
      to: 'done',
    });
    expect(skip.status).toBe(400);
    expect(await skip.json()).toMatchObject({
      errors: { to: [message('actions:errors.cannotMove', { from: 'open', to: 'done' })] },
    });
    const start = await leader.post(`/actions/${id}`, {
      intent: 'move',
      from: 'open',
      to: 'in-progress',
      note: 'Off we go',
    });
    expect(start.status).toBe(302);
    expect((await ActionModel.findById(id).lean())?.status).toBe('in-progress');
    const unknown = await leader.post(data(`/actions/${id}`, route), { intent: 'explode' });
    expect(unknown.status).toBe(400);
  });

  it('closes an action as won’t do only with a reason, and shows the reason on the page', async () => {
    const { id, leader } = await setting();
    const route = 'routes/_staff.actions.$actionId';
    const page = await (await leader.get(`/actions/${id}`)).text();
    expect(page).toContain('Reason it won’t be done');
    const bare = await leader.post(data(`/actions/${id}`, route), {
      intent: 'move',
      from: 'open',
      to: 'wont-do',
      reason: '  ',
    });
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({
      errors: { reason: ['actions:errors.reasonRequired'] },
    });
    expect((await ActionModel.findById(id).lean())?.status).toBe('open');
    const closed = await leader.post(`/actions/${id}`, {
      intent: 'move',
      from: 'open',
      to: 'wont-do',
      reason: 'No budget this year',
    });
    expect(closed.status).toBe(302);
    const after = await (await leader.get(`/actions/${id}`)).text();
    expect(after).toContain('Why it won’t be done');
    expect(after).toContain('No budget this year');
    expect(after).toContain('moved it from open to won’t do');
  });

  it('refuses an edit with a past due date beside the field, storing nothing', async () => {
    const { id, organisation, hr } = await setting();
    const response = await hr.post(data(`/actions/${id}`, 'routes/_staff.actions.$actionId'), {
      intent: 'edit',
      title: 'Fix the tools',
      description: '',
      ownerId: organisation.leader.id,
      dueOn: '2000-01-01',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: { dueOn: ['actions:errors.dueFromToday'] },
      values: { dueOn: '2000-01-01' },
    });
    expect((await ActionModel.findById(id).lean())?.dueOn).toBe('2999-01-01');
  });
});

describe('raising an action', () => {
  it('shows what was heard and stores the action with its baseline', async () => {
    const { organisation, leader, other } = await setting();
    const team = organisation.departments[0];
    const path = `/actions/new?survey=${String(organisation.survey._id)}&cycle=${String(organisation.cycles[1]?._id)}&metric=score&department=${String(team?._id)}`;
    const page = await leader.get(data(path, 'routes/_staff.actions.new'));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({
      label: `Score · ${team?.name}`,
      baseline: { state: 'shown', n: 10, value: 4.05 },
    });
    expect((await other.get(path)).status).toBe(403);
    expect((await other.post(path, { title: 'x' })).status).toBe(403);

    const refused = await leader.post(data(path, 'routes/_staff.actions.new'), {
      title: '',
      dueOn: 'soon',
    });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors).sort()).toEqual(['dueOn', 'ownerId', 'title']);
    expect(await ActionModel.countDocuments()).toBe(1);

    const raised = await leader.post(path, {
      title: 'New knives',
      description: '',
      ownerId: organisation.leader.id,
      dueOn: '2999-02-01',
      published: 'on',
    });
    expect(raised.status).toBe(302);
    const stored = await ActionModel.findOne({ title: 'New knives' }).lean();
    expect(raised.headers.get('location')).toBe(`/actions/${String(stored?._id)}`);
    expect(stored).toMatchObject({ published: true, baseline: { value: 4.05, people: 10 } });
  });

  it('answers 400 for an address that names no result', async () => {
    const { hr } = await setting();
    expect((await hr.get('/actions/new')).status).toBe(400);
    expect((await hr.get('/actions/new?survey=nope&cycle=x&metric=score')).status).toBe(400);
  });
});

describe('action list', () => {
  it('lists the actions the user may see and refuses unknown filters with 400', async () => {
    const { hr, other } = await setting();
    const route = 'routes/_staff.actions._index';
    const list = (await (await hr.get(data('/actions?due=all', route))).json()) as {
      rows: { title: string }[];
    };
    expect(list.rows.map((row) => row.title)).toEqual(['Fix the tools']);
    const theirs = (await (await other.get(data('/actions', route))).json()) as { rows: unknown[] };
    expect(theirs.rows).toEqual([]);
    expect((await hr.get('/actions?status=lost')).status).toBe(400);
    expect((await hr.get('/actions?status=&owner=&department=&due=overdue')).status).toBe(200);
  });
});

describe('in the reader’s language', () => {
  it('shows the list, the raise form, its refusals and an action page in Portuguese to an HR admin who reads Portuguese', async () => {
    const { organisation, id, hr } = await setting();
    await PersonModel.updateOne({ _id: organisation.hr.id }, { $set: { language: 'pt' } });
    await makeAction({
      surveyId: organisation.survey._id,
      cycleId: organisation.cycles[1]?._id ?? organisation.survey._id,
      departmentId: null,
      ownerId: organisation.hr.id,
      title: 'Cantina nova',
      dueOn: '2000-01-01',
    });

    const list = await (await hr.get('/actions')).text();
    expect(list).toContain('<title>Ações · Innerloop</title>');
    expect(list).toContain('aria-label="Filtrar ações"');
    expect(list).toContain('O que ouvimos');
    // The company-wide action: "Whole company" in the reader's words.
    expect(list).toContain('Toda a empresa');
    expect(list).toContain('1 ação está em atraso.');
    expect(list).toContain('Em atraso');
    expect(list).toContain('Aberta');
    expect(list).not.toContain('Whole company');
    expect(list).not.toContain('Any status');

    const team = organisation.departments[0];
    const path = `/actions/new?survey=${String(organisation.survey._id)}&cycle=${String(organisation.cycles[1]?._id)}&metric=score&department=${String(team?._id)}`;
    const form = await (await hr.get(path)).text();
    expect(form).toContain('<title>Criar uma ação · Innerloop</title>');
    expect(form).toContain('Pontuação atual (o ponto de partida)');
    expect(form).toContain('Uma chefia deste departamento ou uma pessoa da administração de RH');
    const refused = await hr.post(path, {
      title: 'Facas novas',
      description: '',
      ownerId: organisation.hr.id,
      dueOn: '2000-01-01',
    });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('Escolha um prazo a partir de hoje');
    const untitled = await (await hr.post(path, { title: ' ', dueOn: '2999-01-01' })).text();
    expect(untitled).toContain('Dê um título à ação');
    expect(untitled).toContain('Escolha um responsável');

    const edited = await hr.post(`/actions/${id}`, {
      intent: 'edit',
      title: 'Fix the tools',
      description: '',
      ownerId: organisation.leader.id,
      dueOn: '2999-02-01',
    });
    expect(edited.status).toBe(302);
    const bare = await hr.post(`/actions/${id}`, {
      intent: 'move',
      from: 'open',
      to: 'wont-do',
      reason: '',
    });
    expect(bare.status).toBe(400);
    const page = await bare.text();
    // The action's title is what its author typed: shown as written.
    expect(page).toContain('<title>Fix the tools · Ações · Innerloop</title>');
    expect(page).toContain('Indique o motivo por que não será feita');
    expect(page).toContain('Todas as ações');
    expect(page).toContain('Motivo por que não será feita');
    expect(page).toContain('Guardar alterações');
    expect(page).toContain('Histórico');
    expect(page).toContain('Alterações: prazo (2999-01-01 → 2999-02-01)');
    expect(page).toContain('Acompanhamento');
    expect(page).not.toContain('Save changes');
    expect(page).not.toContain('Changed due date');
  });
});
