import { describe, expect, it } from 'vitest';

import { addResponses, makeCommentSurvey, makeCycle } from '../factories/comments';
import { makeDepartment, makePerson } from '../factories/organisation';
import { startAppForFile } from '../support/app-for-file';
import { type HttpClient, pageText } from '../support/http-client';

// The insight pages over HTTP for an HR admin who reads Norwegian: the words of the pages, a
// built-in driver's name, the question texts the survey has in Norwegian and the refusals all
// come in their language, while the CSV keeps the English columns tools read.
const app = startAppForFile('insights-language');

async function setting(language: 'nb' | 'en' = 'nb') {
  const kitchen = await makeDepartment('Kitchen');
  const floor = await makeDepartment('Service floor');
  const hr = await makePerson({
    name: 'Ana Lima',
    departmentId: kitchen._id,
    hrAdmin: true,
    language,
  });
  // Its questions are in English and Norwegian (tests/factories/survey.ts).
  const survey = await makeCommentSurvey([kitchen._id, floor._id]);
  const cycle = await makeCycle(survey._id, 1);
  await addResponses(cycle, kitchen._id, 6, { comment: (i) => `Mer kaffe ${i}` });
  await addResponses(cycle, floor._id, 6, { comment: (i) => `Mer lys ${i}` });
  const client: HttpClient = await app.signedInAs(hr._id);
  return { client, survey: String(survey._id), kitchen: String(kitchen._id) };
}

describe('insight pages in the reader’s language', () => {
  it('shows the overview, drivers, matrix and department pages in Norwegian', async () => {
    const { client, survey, kitchen } = await setting();
    const query = `?survey=${survey}`;

    const overview = await pageText(client, `/insights${query}`);
    expect(overview).toContain('<title>Oversikt · Innsikt · Innerloop</title>');
    expect(overview).toContain('Tilfredshet per avdeling');
    expect(overview).toContain('Positive, nøytrale og negative svar per spørsmål');
    // The survey has this question in Norwegian: shown so, not in its default English.
    expect(overview).toContain('Jeg har verktøyene jeg trenger.');
    expect(overview).not.toContain('I have the tools I need.');
    expect(overview).toContain('Alle avdelinger');
    expect(overview).not.toContain('Satisfaction by department');
    expect(overview).not.toContain('Download CSV');

    const drivers = await pageText(client, `/insights/drivers${query}`);
    expect(drivers).toContain('<title>Drivere · Innsikt · Innerloop</title>');
    expect(drivers).toContain('Avdeling × driver');
    // The built-in driver "Tools" by its Norwegian name (common.json).
    expect(drivers).toContain('>Verktøy<');
    expect(drivers).not.toContain('>Tools<');

    const matrix = await pageText(client, `/insights/matrix${query}`);
    expect(matrix).toContain('Matrise for interne kunder');
    expect(matrix).toContain('Denne undersøkelsen stiller ingen spørsmål om interne tjenester');

    const department = await pageText(client, `/insights/departments/${kitchen}${query}`);
    expect(department).toContain('<title>Kitchen · Innsikt · Innerloop</title>');
    expect(department).toContain('Som svarende avdeling');
    expect(department).toContain('Som avdelingen som vurderes');
    expect(department).toContain('Verktøy');
    expect(department).not.toContain('As the answering department');
  });

  it('shows the comments page and its refusals in Norwegian', async () => {
    const { client, survey } = await setting();
    const comments = await pageText(client, `/insights/comments?survey=${survey}`);
    expect(comments).toContain('<title>Kommentarer · Innsikt · Innerloop</title>');
    expect(comments).toContain('Anonyme kommentarer i tilfeldig rekkefølge');
    expect(comments).toContain('12 kommentarer');
    expect(comments).toContain('Noe annet?');
    expect(comments).not.toContain('Anything else?');
    expect(comments).toContain('Send svar');

    const tooLong = await client.get(`/insights/comments?q=${'x'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    const refusal = await tooLong.text();
    expect(refusal).toContain('<p role="alert">Hold søket til 100 tegn eller færre.</p>');

    const openCycle = await pageText(client, `/insights/comments?survey=${survey}&cycle=7`);
    expect(openCycle).toContain(
      'Syklus 7 er ikke lukket; kommentarene vises når en syklus er lukket.',
    );
  });

  it('keeps the CSV of a chart in English for a Norwegian reader', async () => {
    const { client, survey } = await setting();
    const csv = await pageText(
      client,
      `/insights/export.csv?page=overview&chart=questions&survey=${survey}`,
    );
    expect(csv).toContain('Question,Driver,Favourable %,Neutral %,Unfavourable %,n');
    expect(csv).toContain('Tools');
  });

  it('still shows the pages in English to an English reader', async () => {
    const { client, survey } = await setting('en');
    const overview = await pageText(client, `/insights?survey=${survey}`);
    expect(overview).toContain('Satisfaction by department');
    expect(overview).toContain('I have the tools I need.');
    const comments = await pageText(client, `/insights/comments?survey=${survey}`);
    expect(comments).toContain('12 comments');
  });
});
