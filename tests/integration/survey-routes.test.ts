import { describe, expect, it } from 'vitest';

import { localDate } from '../../app/surveys/local-time';
import { createSessionCookie, createSessionRecord } from '../../app/utils/session.server';
import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { SurveyModel } from '../../models/survey.server';
import { createDepartment, createPerson } from '../factories/staff';
import { startAppForFile } from '../support/app-for-file';
import { httpClient } from '../support/http-client';

// The survey pages over HTTP, as a browser without JavaScript uses them: bad input answers 400
// (never 500) and stores nothing; unknown ids answer 404.
const app = startAppForFile('survey-routes');

async function signedInHr() {
  const support = await createDepartment({ name: 'IT', kind: 'support' });
  const kitchen = await createDepartment({ name: 'Kitchen' });
  const hr = await createPerson({ name: 'Ana', hrAdmin: true, departmentId: support._id });
  await createPerson({ name: 'Kai', departmentId: kitchen._id, email: 'kai@example.com' });
  const cookie = await createSessionCookie({ secrets: [app.secret], secure: false }).serialize(
    await createSessionRecord(hr._id),
  );
  return httpClient(app.url, cookie.split(';', 1)[0]);
}

/** The fields the designer page would post for a survey, as a browser sends them. */
async function designerFields(client: ReturnType<typeof httpClient>, surveyId: string) {
  const html = await (await client.get(`/surveys/${surveyId}`)).text();
  const fields: [string, string][] = [];
  for (const match of html.matchAll(/<input([^>]*)>/g)) {
    const attributes = match[1];
    const name = /name="([^"]+)"/.exec(attributes)?.[1];
    if (!name) continue;
    const type = /type="([^"]+)"/.exec(attributes)?.[1] ?? 'text';
    const value = decode(/value="([^"]*)"/.exec(attributes)?.[1] ?? '');
    if ((type === 'checkbox' || type === 'radio') && !/checked/.test(attributes)) continue;
    fields.push([name, type === 'checkbox' && !/value=/.test(attributes) ? 'on' : value]);
  }
  for (const match of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields.push([match[1], decode(match[2])]);
  }
  for (const match of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(match[2])?.[1];
    fields.push([match[1], selected ?? /<option[^>]*value="([^"]*)"/.exec(match[2])?.[1] ?? '']);
  }
  return fields.filter(([name]) => name !== 'intent');
}

function decode(value: string) {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function post(
  client: ReturnType<typeof httpClient>,
  path: string,
  fields: [string, string][],
) {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: {
      cookie: client.cookie,
      origin: app.url,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

async function newSurvey(client: ReturnType<typeof httpClient>) {
  const response = await client.post('/surveys/new', { template: 'internal-service-quality' });
  expect(response.status).toBe(302);
  const surveyId = /\/surveys\/([a-f\d]{24})$/.exec(response.headers.get('location') ?? '')?.[1];
  if (!surveyId) throw new Error('no survey id');
  return surveyId;
}

describe('starting and ending a survey', () => {
  it('asks first, saying how many are invited and that one rated department is too few', async () => {
    const client = await signedInHr();
    const surveyId = await newSurvey(client);
    const status = async () => (await SurveyModel.findById(surveyId).lean())?.status;

    const asked = await client.post(`/surveys/${surveyId}`, { intent: 'activate' });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('Start this survey?');
    expect(question).toMatch(/Starting invites <strong>2 people<\/strong>/);
    expect(question).toContain('Its internal-service questions rate only IT');
    expect(question).toContain('name="confirmed" value="yes"');
    expect(await status()).toBe('draft');
    expect(await CycleModel.countDocuments({ surveyId })).toBe(0);

    const refused = await client.post(`/surveys/${surveyId}`, {
      intent: 'activate',
      confirmed: 'of course',
    });
    expect(refused.status).toBe(400);
    expect(await status()).toBe('draft');

    await client.post(`/surveys/${surveyId}`, { intent: 'activate', confirmed: 'yes' });
    expect(await status()).toBe('active');

    const ending = await client.post(`/surveys/${surveyId}`, { intent: 'end' });
    expect(ending.status).toBe(200);
    expect(await ending.text()).toContain('This cannot be undone.');
    expect(await status()).toBe('active');
    await client.post(`/surveys/${surveyId}`, { intent: 'end', confirmed: 'yes' });
    expect(await status()).toBe('ended');
  });
});

describe('survey pages', () => {
  it('answer 404 for unknown and malformed ids', async () => {
    const client = await signedInHr();
    const surveyId = await newSurvey(client);
    for (const path of [
      '/surveys/not-an-id',
      '/surveys/64b7f0c2a1b2c3d4e5f60718',
      '/surveys/64b7f0c2a1b2c3d4e5f60718/preview',
      `/surveys/${surveyId}/cycles/nonsense`,
      `/surveys/${surveyId}/cycles/64b7f0c2a1b2c3d4e5f60718/qr`,
    ]) {
      expect((await client.get(path)).status, path).toBe(404);
    }
    expect((await client.post('/surveys/not-an-id?index', { intent: 'save' })).status).toBe(404);
    expect((await client.post('/surveys/new', { template: 'nope' })).status).toBe(400);
    expect((await client.get(`/surveys/${surveyId}/preview?lang=zz`)).status).toBe(200);
  });

  it('refuses a bad draft with 400, keeping what was typed and storing nothing', async () => {
    const client = await signedInHr();
    const surveyId = await newSurvey(client);
    const before = await SurveyModel.findById(surveyId).lean();
    const fields = await designerFields(client, surveyId);
    const edited = fields.map(([name, value]): [string, string] => {
      if (name === 'anonymityThreshold') return [name, '2'];
      if (name === 'title.en') return [name, 'A title I typed'];
      if (name === 'questions.0.text.en') return [name, ''];
      return [name, value];
    });
    const response = await post(client, `/surveys/${surveyId}?index`, [
      ...edited,
      ['intent', 'save'],
    ]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('The survey was not saved');
    expect(html).toContain('The anonymity threshold is at least 3');
    expect(html).toContain('Write the question in the default language');
    expect(html).toContain('value="A title I typed"');
    expect(await SurveyModel.findById(surveyId).lean()).toEqual(before);

    // Nonsense of every kind is still a 400, never a 500.
    const garbage = await post(client, `/surveys/${surveyId}?index`, [
      ['intent', 'save'],
      ['questions.0.type', 'slider'],
      ['schedule.startDate', 'yesterday'],
      ['__proto__.x', '1'],
    ]);
    expect(garbage.status).toBe(400);
    expect(
      (await post(client, `/surveys/${surveyId}?index`, [['intent', 'explode:9']])).status,
    ).toBe(400);
  });

  it('saves a valid draft, starts the survey, opens its cycle and mails the invitations', async () => {
    const client = await signedInHr();
    const surveyId = await newSurvey(client);
    const today = localDate(new Date(), 'Europe/Oslo');
    const fields = (await designerFields(client, surveyId)).map(
      ([name, value]): [string, string] => {
        if (name === 'schedule.startDate') return [name, today];
        if (name === 'schedule.openHour') return [name, '0'];
        if (name === 'schedule.cadence') return [name, 'weekly'];
        if (name === 'schedule.openDays') return [name, '5'];
        if (name === 'schedule.reminderDaysBeforeClose') return [name, '1'];
        return [name, value];
      },
    );
    const saved = await post(client, `/surveys/${surveyId}?index`, [...fields, ['intent', 'save']]);
    expect(saved.status).toBe(302);
    expect((await SurveyModel.findById(surveyId).lean())?.schedule.startDate).toBe(today);

    const started = await client.post(`/surveys/${surveyId}`, {
      intent: 'activate',
      confirmed: 'yes',
    });
    expect(started.status).toBe(200);
    expect((await SurveyModel.findById(surveyId).lean())?.status).toBe('active');
    const run = await client.post('/surveys?index', { intent: 'run-scheduler' });
    expect(run.status).toBe(200);
    const cycle = await CycleModel.findOne({ surveyId }).lean();
    expect(cycle?.status).toBe('open');
    const mail = await OutboxMailModel.findOne({ to: 'kai@example.com' }).lean();
    expect(mail?.kind).toBe('invite');

    // Printable links replace the e-mailed ones.
    const cyclePath = `/surveys/${surveyId}/cycles/${String(cycle?._id)}`;
    expect((await client.get(`${cyclePath}/links.csv`)).status).toBe(302);
    const refused = await client.post(`${cyclePath}/links.csv`, { scope: 'departments' });
    expect(refused.headers.get('location')).toBe(`${cyclePath}?links=choose`);
    const before = await InviteModel.find({ cycleId: cycle?._id }).lean();
    const csv = await client.post(`${cyclePath}/links.csv`, { scope: 'all' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await csv.clone().arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the names as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = (await csv.text()).trim().split(/\r\n/);
    expect(rows[0]).toBe('Name,Department,Language,Link');
    expect(rows).toHaveLength(before.length + 1);
    expect(rows.join('\n')).toMatch(/Kai,Kitchen,en,http:\/\/127\.0\.0\.1:\d+\/a\/[\w-]{43}/);
    const after = await InviteModel.find({ cycleId: cycle?._id }).lean();
    expect(after.every((invite) => invite.delivery === 'printed')).toBe(true);
    expect(after.map((invite) => invite.tokenHash)).not.toEqual(
      before.map((invite) => invite.tokenHash),
    );

    const qr = await client.post(`${cyclePath}/qr`, { scope: 'all' });
    expect(qr.status).toBe(200);
    const page = await qr.text();
    expect(page).toContain('QR code for Kai');
    expect(page).toMatch(/<path d="M\d/);
  });
});
