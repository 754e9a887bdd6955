import { describe, expect, it } from 'vitest';

import { createSessionCookie, createSessionRecord } from '../../app/utils/session.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { RosterImportModel } from '../../models/roster-import.server';
import { makeDepartment, makePerson } from '../factories/organisation';
import { startAppForFile } from '../support/app-for-file';
import { type HttpClient, httpClient } from '../support/http-client';

// The people pages over HTTP, as a browser without JavaScript would use them: wrong input is
// answered 400 with the messages and the values, stores nothing, and never ends in a 500.
const app = startAppForFile('people-routes');

async function signedInHrAdmin(): Promise<{ client: HttpClient; hr: string }> {
  const hr = await makeDepartment('HR', { kind: 'support' });
  const admin = await makePerson({
    name: 'Ana Lima',
    email: 'ana@example.com',
    departmentId: hr._id,
    hrAdmin: true,
  });
  const cookie = createSessionCookie({ secrets: [app.secret], secure: false });
  const header = await cookie.serialize(await createSessionRecord(admin._id));
  return { client: httpClient(app.url, header.split(';', 1)[0]), hr: String(hr._id) };
}

/** The route's own data: Remix answers `?_data=<route id>` with the loader's or action's JSON. */
const data = (path: string, route: string) =>
  `${path}${path.includes('?') ? '&' : '?'}_data=${encodeURIComponent(route)}`;

describe('people pages', () => {
  it('answer 404, never 500, for ids that are malformed or name nothing', async () => {
    const { client } = await signedInHrAdmin();
    for (const path of [
      '/people/not-an-id',
      '/people/0123456789abcdef01234567',
      '/people/import/not-an-id',
      '/people/import/0123456789abcdef01234567',
    ]) {
      expect((await client.get(path)).status, `GET ${path}`).toBe(404);
      expect((await client.post(path, { intent: 'confirm' })).status, `POST ${path}`).not.toBe(500);
    }
  });

  it('refuse a person form field by field, keeping the values and storing nothing', async () => {
    const { client } = await signedInHrAdmin();
    const response = await client.post(data('/people/new', 'routes/_staff.people.new'), {
      name: '  ',
      email: 'ann@',
      departmentId: 'nope',
      language: 'xx',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string[]>; values: unknown };
    expect(Object.keys(body.errors).sort()).toEqual(['departmentId', 'email', 'language', 'name']);
    expect(body.values).toMatchObject({ email: 'ann@', departmentId: 'nope' });
    expect(await PersonModel.countDocuments()).toBe(1);
  });

  it('refuse an email already on the roster, whatever its case, beside the email field', async () => {
    const { client, hr } = await signedInHrAdmin();
    const fields = {
      name: 'Ana Again',
      email: 'ANA@Example.com',
      departmentId: hr,
      language: 'pt',
    };
    const refused = await client.post(data('/people/new', 'routes/_staff.people.new'), fields);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: { email: ['people:errors.emailTaken'] },
      values: fields,
    });

    const created = await client.post('/people/new', {
      ...fields,
      email: 'bo@example.com',
      active: 'on',
    });
    expect(created.status).toBe(302);
    expect(await PersonModel.findOne({ emailKey: 'bo@example.com' }).lean()).toMatchObject({
      name: 'Ana Again',
      language: 'pt',
      active: true,
      hrAdmin: false,
    });
  });

  it('refuse a department move that would make a cycle, and an unknown intent', async () => {
    const { client } = await signedInHrAdmin();
    const operations = await makeDepartment('Operations');
    const kitchen = await makeDepartment('Kitchen', { parentId: operations._id });
    const route = data('/people/departments', 'routes/_staff.people.departments');
    const move = await client.post(route, {
      intent: 'move',
      departmentId: String(operations._id),
      parentId: String(kitchen._id),
    });
    expect(move.status).toBe(400);
    expect(await move.json()).toMatchObject({
      errors: { parentId: ['people:errors.underOwnChild {"name":"Operations"}'] },
    });
    expect((await client.post(route, { intent: 'explode' })).status).toBe(400);
    expect((await DepartmentModel.findById(operations._id).lean())?.parentId).toBeNull();
  });
});

describe('roster upload', () => {
  async function upload(client: HttpClient, content: string, name = 'roster.csv') {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'text/csv' }), name);
    form.append('createDepartments', 'on');
    return fetch(`${app.url}${data('/people/import', 'routes/_staff.people.import._index')}`, {
      method: 'POST',
      headers: { cookie: client.cookie, origin: app.url, 'sec-fetch-site': 'same-origin' },
      body: form,
      redirect: 'manual',
    });
  }

  it.each([
    ['an empty file', '', 'people:import.errors.empty'],
    ['a header without rows', 'name,email,department,language\n', 'people:import.errors.noRows'],
    [
      'a file over 5 MB',
      `name,email,department,language\n${'x'.repeat(5 * 1024 * 1024)}`,
      'people:import.errors.tooLarge {"megabytes":5}',
    ],
  ])('refuses %s beside the file field and keeps nothing', async (_what, content, message) => {
    const { client } = await signedInHrAdmin();
    const response = await upload(client, content);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { file: [message] } });
    expect(await RosterImportModel.countDocuments()).toBe(0);
  });

  it('asks for a file when none was chosen', async () => {
    const { client } = await signedInHrAdmin();
    const response = await upload(client, '', '');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: { file: ['people:import.errors.noFile'] },
      values: { createDepartments: 'on' },
    });
  });

  it('keeps a readable file as a draft, confirms it and applies it', async () => {
    const { client } = await signedInHrAdmin();
    const response = await upload(
      client,
      'name;email;department;language\nBo Berg;bo@example.com;Bakery;nb\n',
    );
    expect(response.status).toBe(204);
    const location = response.headers.get('x-remix-redirect') ?? '';
    expect(location).toMatch(/^\/people\/import\/[a-f\d]{24}$/);

    const route = 'routes/_staff.people.import.$importId';
    const preview = (await (await client.get(data(location, route))).json()) as {
      preview: { counts: Record<string, number>; departmentsToCreate: string[] };
    };
    expect(preview.preview).toMatchObject({
      counts: { create: 1, update: 0, unchanged: 0, error: 0 },
      departmentsToCreate: ['Bakery'],
    });

    expect((await client.post(location, { intent: 'confirm' })).status).toBe(302);
    let status = 'applying';
    for (let tries = 0; status === 'applying' && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = ((await (await client.get(data(location, route))).json()) as { status: string })
        .status;
    }
    expect(status).toBe('done');
    expect(await PersonModel.findOne({ emailKey: 'bo@example.com' }).lean()).toMatchObject({
      language: 'nb',
    });
    // Confirming twice does nothing more: the second answer says so.
    const again = await client.post(data(location, route), { intent: 'confirm' });
    expect(again.status).toBe(409);
  });
});
