import { describe, expect, it } from 'vitest';

import { makeDepartment, makePerson } from '../factories/organisation';
import { startAppForFile } from '../support/app-for-file';
import { type HttpClient, pageText } from '../support/http-client';

// The people and settings pages speak the signed-in HR admin's language (Person.language), and
// so do the refusals the server gives there: a refused upload, a refused roster row, a refused
// setting. The CSV column names stay as the file must spell them.
const app = startAppForFile('people-language');

async function polishHrAdmin(): Promise<HttpClient> {
  const hr = await makeDepartment('Kadry', { kind: 'support' });
  await makeDepartment('Kuchnia', { kind: 'operational' });
  const admin = await makePerson({
    name: 'Anna Nowak',
    email: 'anna@example.com',
    departmentId: hr._id,
    hrAdmin: true,
    language: 'pl',
  });
  return app.signedInAs(admin._id);
}

async function upload(client: HttpClient, content: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/csv' }), 'lista.csv');
  return fetch(`${app.url}/people/import`, {
    method: 'POST',
    headers: { cookie: client.cookie, origin: app.url, 'sec-fetch-site': 'same-origin' },
    body: form,
    redirect: 'manual',
  });
}

describe('people pages in Polish', () => {
  it('show the roster with Polish words, roles and language names', async () => {
    const client = await polishHrAdmin();
    const html = await pageText(client, '/people');
    expect(html).toContain('<title>Lista osób · Osoby · Innerloop</title>');
    expect(html).toContain('<html lang="pl"');
    expect(html).toContain('Dodaj osobę');
    expect(html).toContain('Wszystkie działy');
    expect(html).toContain('1 osoba');
    expect(html).toContain('Pracownik; Administrator HR');
    expect(html).toContain('<td>polski</td>');
    expect(html).not.toContain('Add a person');
  });

  it('show the departments page and the person form in Polish', async () => {
    const client = await polishHrAdmin();
    const departments = await pageText(client, '/people/departments');
    expect(departments).toContain('Dodaj dział');
    expect(departments).toContain('<td>Wsparcie</td>');
    expect(departments).toContain('Zarchiwizuj Kuchnia');
    expect(departments).not.toContain('Add a department');
    const form = await pageText(client, '/people/new');
    expect(form).toContain('Preferowany język');
    expect(form).toContain('Kieruje działami');
  });

  it('explain the import in Polish, keeping the column names, and refuse in Polish', async () => {
    const client = await polishHrAdmin();
    const html = await pageText(client, '/people/import');
    expect(html).toContain('Co wpisać w każdej kolumnie');
    expect(html).toContain('<strong>department_kind</strong>: executive, operational');
    expect(html).toContain('Utwórz brakujące działy');

    const empty = await upload(client, '');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Plik jest pusty.');
  });

  it('preview refused roster rows in Polish, naming the other line and the allowed values', async () => {
    const client = await polishHrAdmin();
    const uploaded = await upload(
      client,
      [
        'name,email,department,language',
        'Jan Kowalski,nie-email,Kuchnia,pl',
        'Ewa Lis,ewa@example.com,Kuchnia,en',
        'Ewa Lis,EWA@example.com,Kuchnia,tak',
      ].join('\n'),
    );
    expect(uploaded.status).toBe(302);
    const html = await pageText(client, uploaded.headers.get('location') ?? '');
    expect(html).toContain('Import listy osób: lista.csv');
    expect(html).toContain('„nie-email” nie jest poprawnym adresem e-mail.');
    // The row numbers travel with the message and are said in Polish.
    expect(html).toContain('Adres ewa@example.com występuje też w wierszu 4.');
    expect(html).toContain('Nieznany język „tak”; użyj jednego z: en, uk, nb, pt, pl, lv.');
    expect(html).toContain('Nic do zaimportowania');
    expect(html).toContain('3 wiersze z błędami zostaną pominięte');
  });
});

describe('settings pages in Polish', () => {
  it('show the organisation settings in Polish and refuse a threshold below 3 in Polish', async () => {
    const client = await polishHrAdmin();
    const html = await pageText(client, '/settings');
    expect(html).toContain('<title>Organizacja · Ustawienia · Innerloop</title>');
    expect(html).toContain('Domyślny próg anonimowości');
    expect(html).not.toContain('Default anonymity threshold');

    const refused = await client.post('/settings?index', {
      organisationName: 'Nordlys',
      anonymityThreshold: '2',
      languages: 'pl',
      defaultLanguage: 'pl',
      timeZone: 'Europe/Warsaw',
      reminderDaysBeforeClose: '2',
    });
    expect(refused.status).toBe(400);
    const page400 = await refused.text();
    expect(page400).toContain(
      'Próg anonimowości wynosi co najmniej 3: w mniejszych grupach można by wskazać jedną osobę',
    );
    expect(page400).toContain('Ustawienia nie zostały zapisane');
  });

  it('show the outbox in Polish', async () => {
    const client = await polishHrAdmin();
    const html = await pageText(client, '/settings/outbox');
    expect(html).toContain('<h2>Skrzynka nadawcza</h2>');
    expect(html).toContain('Adresat lub temat');
  });
});
