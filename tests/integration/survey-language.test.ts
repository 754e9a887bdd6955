import { describe, expect, it } from 'vitest';

import { formatStaffMoment } from '../../app/surveys/local-time';
import { CycleModel } from '../../models/cycle.server';
import { PersonModel } from '../../models/person.server';
import { SurveyModel } from '../../models/survey.server';
import { createDepartment, createPerson } from '../factories/staff';
import { startAppForFile } from '../support/app-for-file';
import { type HttpClient, pageText } from '../support/http-client';

// The survey pages in the signed-in person's language, over HTTP as a browser without JavaScript
// gets them: the words of the pages, the names of statuses, and the refusals the server sends.
const app = startAppForFile('survey-language');

/** An HR admin who reads Ukrainian, and one person in another department to invite. */
async function ukrainianHr(): Promise<HttpClient> {
  const support = await createDepartment({ name: 'IT', kind: 'support' });
  const kitchen = await createDepartment({ name: 'Kitchen' });
  const hr = await createPerson({ name: 'Olena', hrAdmin: true, departmentId: support._id });
  await PersonModel.updateOne({ _id: hr._id }, { $set: { language: 'uk' } });
  await createPerson({ name: 'Kai', departmentId: kitchen._id, email: 'kai@example.com' });
  return app.signedInAs(hr._id);
}

describe('survey pages in Ukrainian', () => {
  it('show the list, the new-survey page, a survey and a cycle in the reader’s language', async () => {
    const client = await ukrainianHr();

    const list = await pageText(client, '/surveys');
    expect(list).toContain('<html lang="uk"');
    expect(list).toContain('<title>Опитування · Innerloop</title>');
    expect(list).toContain('<h1 id="page-title">Опитування</h1>');
    expect(list).toContain('Нове опитування');
    expect(list).toContain('Відкрити належні цикли зараз');
    // The first-run checklist, its details said by the server as keys, with Ukrainian plurals.
    expect(list).toContain('Перші кроки');
    expect(list).toContain('Виконано 1 з 5.');
    expect(list).toContain('У списку 1 людина, крім HR-адміністраторів.');
    expect(list).not.toContain('Getting started');

    const templates = await pageText(client, '/surveys/new');
    expect(templates).toContain('Якість внутрішніх послуг');
    expect(templates).toContain('Використати цей шаблон');
    expect(templates).not.toContain('Internal service quality');

    const created = await client.post('/surveys/new', { template: 'internal-service-quality' });
    expect(created.status).toBe(302);
    const surveyPath = created.headers.get('location') ?? '';
    const design = await pageText(client, surveyPath);
    expect(design).toContain('Чернетка');
    expect(design).toContain('Запустити опитування');
    expect(design).toContain('Зберегти опитування');
    expect(design).toContain('Поріг анонімності');
    expect(design).toContain('норвезька букмол');
    expect(design).not.toContain('Save survey');

    // Start asks first, counting people with the Ukrainian plural.
    const asked = await (await client.post(surveyPath, { intent: 'activate' })).text();
    expect(asked).toContain('Запустити це опитування?');
    expect(asked).toContain('Запуск запросить <strong>2 людини</strong>');
    await client.post(surveyPath, { intent: 'activate', confirmed: 'yes' });

    const cycles = await (await client.post(`${surveyPath}/cycles`, { intent: 'send-now' })).text();
    expect(cycles).toContain('Цикл 1 відкрито: надіслано 2 запрошення.');
    expect(cycles).toContain('Відкрито');
    expect(cycles).toContain('<th scope="col">Участь</th>');

    const cycle = await CycleModel.findOne({}).lean();
    const cyclePage = await pageText(client, `${surveyPath}/cycles/${String(cycle?._id)}`);
    expect(cyclePage).toContain('<h2>Цикл 1</h2>');
    expect(cyclePage).toContain('Надруковані чи експортовані посилання');
    expect(cyclePage).not.toContain('Participation');
    // Its moments are written as Ukrainian writes them, in the survey's time zone.
    const opens = new Date(cycle?.opensAt ?? 0);
    const zone = (await SurveyModel.findOne({}).lean())?.schedule.timeZone ?? '';
    expect(cyclePage).toContain(formatStaffMoment(opens, zone, 'uk'));
    expect(cyclePage).not.toContain(formatStaffMoment(opens, zone));
  });

  it('says the server’s refusals in the reader’s language', async () => {
    const client = await ukrainianHr();
    const created = await client.post('/surveys/new', { template: 'internal-service-quality' });
    const surveyPath = created.headers.get('location') ?? '';

    // A refused save of the designer: the summary, and the zod message beside its field.
    const refused = await client.post(`${surveyPath}?index`, {
      intent: 'save',
      anonymityThreshold: '2',
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Опитування не збережено');
    expect(html).toContain('Поріг анонімності — щонайменше 3');
    expect(html).not.toContain('The anonymity threshold is at least 3');

    // A refusal with a value: a draft cannot be paused, its status named in Ukrainian.
    const paused = await client.post(surveyPath, { intent: 'pause' });
    expect(paused.status).toBe(400);
    expect(await paused.text()).toContain(
      'Опитування, яке є чернеткою, не можна змінити таким чином.',
    );
  });
});
