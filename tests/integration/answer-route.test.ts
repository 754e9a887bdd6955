import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { askedQuestions } from '../../app/answering/asked-questions';
import { rebuildRollups, respondentsQuestionId } from '../../app/answering/rollups.server';
import { submissionFromForm, submissionSchema } from '../../app/answering/submission-schema';
import { languageCookie } from '../../app/i18n.server';
import { definitionOf } from '../../app/surveys/surveys.server';
import { newToken } from '../../app/surveys/tokens.server';
import { InviteModel } from '../../models/invite.server';
import { ResponseModel } from '../../models/response.server';
import { RollupModel } from '../../models/rollup.server';
import { SurveyModel } from '../../models/survey.server';
import { makeAnsweringCycle } from '../factories/answering';
import { makePerson } from '../factories/organisation';
import { startAppForFile } from '../support/app-for-file';

// The answering page over HTTP, as a browser without JavaScript posts it.
const app = startAppForFile('answer-route');

function post(path: string, fields: [string, string][], cookie = '') {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: app.url,
      'sec-fetch-site': 'same-origin',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

function validFields(providerIds: string[], comment?: string): [string, string][] {
  return [
    ['language', 'en'],
    ['q.q-scale', '4'],
    ...providerIds.map((id, index): [string, string] => [`q.q-nps.${id}`, String(6 + index)]),
    ['q.q-single', 'home'],
    ['q.q-multi', 'training'],
    ['q.q-multi', 'tools'],
    ...(comment ? [['q.q-text', comment] as [string, string]] : []),
  ];
}

describe('the answering page', () => {
  it('shows the questions, takes the answers once and thanks with a receipt for a comment', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    const token = invites[0]?.token ?? '';
    const page = await fetch(`${app.url}/a/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('I have the tools I need.');
    expect(html).toContain(`Would you recommend ${providers[0]?.name}?`);
    expect(html).toContain(`name="skip.${String(providers[0]?._id)}"`);

    const ids = providers.map((provider) => String(provider._id));
    const sent = await post(`/a/${token}`, validFields(ids, 'The new rota works.'));
    expect(sent.status).toBe(200);
    const thanks = await sent.text();
    expect(thanks).toContain('Thank you, your answers are in');
    const code = /<code>([0-9A-Z-]{19})<\/code>/.exec(thanks)?.[1];
    expect(code).toBeDefined();
    expect(await ResponseModel.countDocuments()).toBe(1);

    // The browser that answered is told so; nobody else is (see the next test).
    const owner = sent.headers.get('set-cookie')?.split(';', 1)[0] ?? '';
    expect(owner).toMatch(/^innerloop_answered=/);
    const again = await post(`/a/${token}`, validFields(ids), owner);
    expect(await again.text()).toContain('You have already answered this pulse');
    expect(await ResponseModel.countDocuments()).toBe(1);
  });

  it('tells nobody but the browser that answered whether a link was used', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    const token = invites[0]?.token ?? '';
    const ids = providers.map((provider) => String(provider._id));
    const data = (cookie = '') =>
      fetch(`${app.url}/a/${token}?_data=${encodeURIComponent('routes/_employee.a.$token')}`, {
        headers: cookie ? { cookie } : {},
      }).then(async (response) => ({ status: response.status, body: await response.text() }));
    const beforeAnswering = await data();
    expect(beforeAnswering.status).toBe(200);

    const sent = await post(`/a/${token}`, validFields(ids, 'Mine.'));
    const owner = sent.headers.get('set-cookie')?.split(';', 1)[0] ?? '';
    const ownerThanks = await sent.text();

    // Someone else holding the link (HR with a printed sheet) polls it: it has not changed.
    expect(await data()).toEqual(beforeAnswering);
    // The owner's browser is told.
    expect((await data(owner)).body).toContain('"status":"answered"');

    // Sending answers through it tells them nothing either: the same thanks, a receipt code
    // that works, the cookie, and nothing stored.
    const probe = await post(`/a/${token}`, validFields(ids, 'Is this link used?'));
    expect(probe.status).toBe(200);
    expect(probe.headers.get('set-cookie')).toMatch(/^innerloop_answered=/);
    const probeThanks = await probe.text();
    const code = (html: string) => /<code>([0-9A-Z-]{19})<\/code>/.exec(html)?.[1] ?? '';
    const withoutSpecifics = (html: string) =>
      html
        .replaceAll(code(html), 'CODE')
        .replace(/nonce="[^"]*"/g, '')
        .replace(/"[^"]*nonce[^"]*"/g, '');
    expect(code(probeThanks)).not.toBe('');
    expect(withoutSpecifics(probeThanks)).toBe(withoutSpecifics(ownerThanks));
    expect(await ResponseModel.countDocuments()).toBe(1);
    const receipt = await post('/receipt', [['code', code(probeThanks)]]);
    expect(await receipt.text()).toContain('Is this link used?');
  });

  it('refuses a bad answer with 400 beside the question and stores nothing', async () => {
    const { invites, providers } = await makeAnsweringCycle();
    const ids = providers.map((provider) => String(provider._id));
    const fields = validFields(ids).map(([name, value]): [string, string] =>
      name === 'q.q-scale' ? [name, '9'] : [name, value],
    );
    const refused = await post(`/a/${invites[0]?.token ?? ''}`, fields);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Choose a value from 1 to 5.');
    expect(await ResponseModel.countDocuments()).toBe(0);
  });

  it('speaks the language switcher\u2019s choice first, then the invited person\u2019s', async () => {
    const { invites } = await makeAnsweringCycle();
    const token = invites[0]?.token ?? '';
    const invite = await InviteModel.findOne({}, { language: 1 }).lean();
    const htmlLang = async (headers: Record<string, string>) =>
      /<html lang="([a-z]+)"/.exec(
        await (await fetch(`${app.url}/a/${token}`, { headers })).text(),
      )?.[1];
    const chosen = (await languageCookie.serialize('uk')).split(';', 1)[0] ?? '';
    expect(await htmlLang({ cookie: chosen, 'accept-language': 'pl' })).toBe('uk');
    expect(await htmlLang({ 'accept-language': 'pl' })).toBe(invite?.language);
  });

  it('answers an unknown and a malformed link alike', async () => {
    await makeAnsweringCycle();
    const unknown = await fetch(`${app.url}/a/${newToken().token}`);
    const malformed = await fetch(`${app.url}/a/%E2%9C%93not-a-token`);
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    const title = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
    expect(title(await unknown.text())).toBe(title(await malformed.text()));
    expect((await post(`/a/${newToken().token}`, [['q.q-scale', '4']])).status).toBe(404);
  });
});

describe('random input to the answering action', () => {
  it('never answers 500, and stores a response only when the answers are valid', async () => {
    const { invites, providers, survey, cycle } = await makeAnsweringCycle({ invites: 80 });
    const ids = providers.map((provider) => String(provider._id));
    const asked = askedQuestions(definitionOf(survey).questions, {
      questionIds: cycle.questionIds,
      providerDepartmentIds: ids,
    });
    const keys = asked.map((slot) => slot.key);
    const name = fc.oneof(
      fc.constantFrom(
        ...keys.map((key) => `q.${key}`),
        ...ids.map((id) => `skip.${id}`),
        'language',
      ),
      fc.string().map((text) => `q.${text}`),
      fc.string(),
    );
    const value = fc.oneof(
      fc.constantFrom(
        '1',
        '5',
        '0',
        '10',
        '11',
        '-1',
        '2.5',
        'office',
        'home',
        'time',
        'on',
        'en',
        'xx',
      ),
      fc.string(),
      fc.integer().map(String),
      fc.nat({ max: 3 }).map((size) => 'x'.repeat(size * 40_000)),
    );
    const mutation = fc.array(fc.tuple(name, value), { maxLength: 12 });
    const payload = fc.oneof(
      mutation,
      mutation.map((extra): [string, string][] => [...validFields(ids), ...extra]),
      fc.constant(validFields(ids)),
    );
    let next = 0;
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(payload, async (fields) => {
        const invite = invites[next++ % invites.length];
        const before = await ResponseModel.countDocuments();
        const response = await post(`/a/${invite?.token ?? ''}`, fields);
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
        const after = await ResponseModel.countDocuments();
        const form = new FormData();
        for (const [field, text] of fields) form.append(field, text);
        const valid = submissionSchema(asked, ['en', 'nb']).safeParse(
          submissionFromForm(form, asked, 'en'),
        ).success;
        if (after > before) {
          stored++;
          expect(valid).toBe(true);
          expect(response.status).toBe(200);
        } else if (!valid) {
          expect(response.status).toBe(400);
        }
      }),
      { numRuns: 80 },
    );
    expect(stored).toBeGreaterThan(0);
  }, 120_000);
});

describe('the open link (kiosk)', () => {
  it('takes one response per device, for the department picked, without any invite', async () => {
    const { cycle, survey, providers, departments } = await makeAnsweringCycle({ invites: 0 });
    await SurveyModel.updateOne({ _id: survey._id }, { $set: { kiosk: true } });
    await makePerson({ departmentId: departments[0]?._id });
    const page = await fetch(`${app.url}/k/${cycle.kioskId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(departments[0]?.name ?? 'missing');

    const ids = providers.map((provider) => String(provider._id));
    const noDepartment = await post(`/k/${cycle.kioskId}`, validFields(ids));
    expect(noDepartment.status).toBe(400);
    const sent = await post(`/k/${cycle.kioskId}`, [
      ['departmentId', String(departments[0]?._id)],
      ...validFields(ids),
    ]);
    expect(sent.status).toBe(200);
    const cookie = sent.headers.get('set-cookie')?.split(';', 1)[0] ?? '';
    expect(cookie).toMatch(/^innerloop_kiosk=/);
    const stored = await ResponseModel.findOne({}).lean();
    expect(String(stored?.departmentId)).toBe(String(departments[0]?._id));
    expect(stored?.kiosk).toBe(true);
    expect(await InviteModel.countDocuments()).toBe(0);

    const again = await fetch(`${app.url}/k/${cycle.kioskId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: app.url,
        'sec-fetch-site': 'same-origin',
        cookie,
      },
      body: new URLSearchParams([
        ['departmentId', String(departments[0]?._id)],
        ...validFields(ids),
      ]),
    });
    expect(await again.text()).toContain('This device has already answered this pulse');
    expect(await ResponseModel.countDocuments()).toBe(1);
  });
});

describe('kiosk padding', () => {
  it('caps a department’s open-link answers at its people, counted on the server, not by a cookie', async () => {
    const { cycle, survey, providers, departments } = await makeAnsweringCycle({ invites: 0 });
    await SurveyModel.updateOne({ _id: survey._id }, { $set: { kiosk: true } });
    const department = departments[0];
    for (let index = 0; index < 3; index++) await makePerson({ departmentId: department?._id });
    const ids = providers.map((provider) => String(provider._id));
    // Someone who never sends the one-per-device cookie, answering again and again.
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const sent = await post(`/k/${cycle.kioskId}`, [
        ['departmentId', String(department?._id)],
        ...validFields(ids),
      ]);
      statuses.push(sent.status);
      if (sent.status === 409) {
        expect(await sent.text()).toContain('as many answers through this shared link');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 409, 409, 409]);
    expect(await ResponseModel.countDocuments()).toBe(3);
    // Kiosk answers are rolled up apart, so no group counts them as invited people.
    const respondents = await RollupModel.findOne({ questionId: respondentsQuestionId }).lean();
    expect(respondents).toMatchObject({ count: 3, kioskCount: 3 });
    const scale = await RollupModel.findOne({ questionId: 'q-scale' }).lean();
    expect(scale).toMatchObject({ count: 3, kioskCount: 3 });
    // A rebuild from the responses agrees.
    await rebuildRollups(cycle._id);
    expect(await RollupModel.findOne({ questionId: respondentsQuestionId }).lean()).toMatchObject({
      count: 3,
      kioskCount: 3,
    });
  });

  it('gives a refused answer’s place back, so a mistake does not use up the department', async () => {
    const { cycle, survey, providers, departments } = await makeAnsweringCycle({ invites: 0 });
    await SurveyModel.updateOne({ _id: survey._id }, { $set: { kiosk: true } });
    const department = departments[0];
    await makePerson({ departmentId: department?._id });
    const ids = providers.map((provider) => String(provider._id));
    const bad = validFields(ids).map(([name, value]): [string, string] =>
      name === 'q.q-scale' ? [name, '9'] : [name, value],
    );
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await post(`/k/${cycle.kioskId}`, [
        ['departmentId', String(department?._id)],
        ...bad,
      ]);
      expect(refused.status).toBe(400);
    }
    const sent = await post(`/k/${cycle.kioskId}`, [
      ['departmentId', String(department?._id)],
      ...validFields(ids),
    ]);
    expect(sent.status).toBe(200);
    expect(await ResponseModel.countDocuments()).toBe(1);
  });
});
