import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { askedQuestions } from '../../app/answering/asked-questions';
import { submissionFromForm, submissionSchema } from '../../app/answering/submission-schema';
import { languageCookie } from '../../app/i18n.server';
import { definitionOf } from '../../app/surveys/surveys.server';
import { newToken } from '../../app/surveys/tokens.server';
import { InviteModel } from '../../models/invite.server';
import { ResponseModel } from '../../models/response.server';
import { SurveyModel } from '../../models/survey.server';
import { makeAnsweringCycle } from '../factories/answering';
import { type AppUnderTest, startAppUnderTest } from '../support/app-under-test';
import { setupTestDatabase } from '../support/test-database';

// The answering page over HTTP, as a browser without JavaScript posts it.
vi.stubEnv('SESSION_SECRET', 'answer-route-test-secret-long-enough!!!');
setupTestDatabase('answer-route');

let app: AppUnderTest;
beforeAll(async () => {
  app = await startAppUnderTest('answer-route');
}, 120_000);
afterAll(() => app?.close());

function post(path: string, fields: [string, string][]) {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: app.url,
      'sec-fetch-site': 'same-origin',
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

    const again = await post(`/a/${token}`, validFields(ids));
    expect(await again.text()).toContain('You have already answered this pulse');
    expect(await ResponseModel.countDocuments()).toBe(1);
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
    expect(await InviteModel.countDocuments({ usedOn: { $ne: null } })).toBe(0);

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
