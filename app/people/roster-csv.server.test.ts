import { describe, expect, it } from 'vitest';

import { message } from '../utils/message';
import { notUtf8, readRoster, type RosterFile } from './roster-csv.server';

function rowsOf(file: RosterFile) {
  if (!file.ok) throw new Error(file.error);
  return file.rows;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readRoster', () => {
  it('reads a plain comma-separated file', () => {
    const file = readRoster(
      'name,email,department,language\nAnn Lee,ann@example.com,Sales,en\nOla Nordmann,ola@example.com,IT,nb\n',
    );
    expect(file).toMatchObject({ ok: true, delimiter: ',', ignoredColumns: [] });
    expect(rowsOf(file)).toEqual([
      {
        line: 2,
        name: 'Ann Lee',
        email: 'ann@example.com',
        department: 'Sales',
        language: 'en',
        leaderOf: undefined,
        hrAdmin: undefined,
        active: undefined,
        problems: [],
      },
      expect.objectContaining({ line: 3, name: 'Ola Nordmann', language: 'nb', problems: [] }),
    ]);
  });

  it('reads UTF-8 with a byte-order mark and keeps non-Latin names intact', () => {
    const bytes = utf8(
      '\uFEFFname,email,department,language\nОксана Мельник,oksana@example.com,Kitchen,uk\nŁukasz Żak,lukasz@example.com,Kitchen,pl\n',
    );
    const rows = rowsOf(readRoster(bytes));
    expect(rows.map(({ name }) => name)).toEqual(['Оксана Мельник', 'Łukasz Żak']);
    expect(rows[0]?.problems).toEqual([]);
  });

  it('detects semicolons (the Excel default in much of Europe) and Windows line ends', () => {
    const file = readRoster(
      'Name;Email;Department;Language;Leader_of;HR admin;Active\r\n"Costa, Ana";ana@example.com;Sales;Portuguese;Sales|Marketing;yes;no\r\n',
    );
    expect(file).toMatchObject({ ok: true, delimiter: ';' });
    expect(rowsOf(file)[0]).toMatchObject({
      name: 'Costa, Ana',
      language: 'pt',
      leaderOf: ['Sales', 'Marketing'],
      hrAdmin: true,
      active: false,
      problems: [],
    });
  });

  it('keeps delimiters and line breaks inside quoted values, counting lines as an editor does', () => {
    const file = readRoster(
      [
        'name,email,department,language',
        '"Lee, Ann ""Annie""",ann@example.com,"Sales; North",en',
        '"Two',
        'lines",two@example.com,Sales,en',
        'Next,next@example.com,Sales,en',
      ].join('\n'),
    );
    const rows = rowsOf(file);
    expect(rows.map(({ line, name, department }) => [line, name, department])).toEqual([
      [2, 'Lee, Ann "Annie"', 'Sales; North'],
      [3, 'Two\nlines', 'Sales'],
      [5, 'Next', 'Sales'],
    ]);
  });

  it('refuses both rows of an email that appears twice, naming the other line', () => {
    const rows = rowsOf(
      readRoster(
        'name,email,department,language\nAnn,ann@example.com,Sales,en\nBen,ben@example.com,Sales,en\nAnnie,ANN@example.com,Sales,en\n',
      ),
    );
    expect(rows.map(({ line, problems }) => [line, problems])).toEqual([
      [
        2,
        [
          message('people:import.rows.duplicateEmail', {
            line: 2,
            email: 'ann@example.com',
            other: 4,
          }),
        ],
      ],
      [3, []],
      [
        4,
        [
          message('people:import.rows.duplicateEmail', {
            line: 4,
            email: 'ANN@example.com',
            other: 2,
          }),
        ],
      ],
    ]);
  });

  it('explains each wrong value of a row', () => {
    const rows = rowsOf(
      readRoster(
        'name,email,department,language,hr_admin\n,not-an-email,,klingon,maybe\nAnn,ann@example.com,Sales,,\n',
      ),
    );
    expect(rows[0]?.problems).toEqual([
      message('people:import.rows.nameMissing', { line: 2 }),
      message('people:import.rows.emailInvalid', {
        line: 2,
        column: 'email',
        email: 'not-an-email',
      }),
      message('people:import.rows.departmentMissing', { line: 2 }),
      message('people:import.rows.unknownLanguage', {
        line: 2,
        column: 'language',
        language: 'klingon',
        languages: 'en, uk, nb, pt, pl, lv',
      }),
      message('people:import.rows.notYesNo', { line: 2, column: 'hr_admin', value: 'maybe' }),
    ]);
    expect(rows[1]?.problems).toEqual([message('people:import.rows.languageMissing', { line: 3 })]);
  });

  it('skips blank lines and names columns it ignores', () => {
    const file = readRoster(
      'name,email,department,language,shoe size\n\nAnn,ann@example.com,Sales,en,38\n,,,,\n',
    );
    expect(file).toMatchObject({ ok: true, ignoredColumns: ['shoe_size'] });
    expect(rowsOf(file).map(({ line }) => line)).toEqual([3]);
  });

  it.each([
    ['', 'people:import.errors.empty'],
    ['\uFEFF\n\n', 'people:import.errors.empty'],
    ['name,email,department,language\n', 'people:import.errors.noRows'],
    ['name;email;department;language\r\n;;;\r\n', 'people:import.errors.noRows'],
    [
      'name,department\nAnn,Sales\n',
      message('people:import.errors.missingColumns', { missing: 'email, language' }),
    ],
    [
      'name,email,email,department,language\n',
      message('people:import.errors.duplicateColumn', { column: 'email' }),
    ],
  ])('refuses %j as a whole', (content, error) => {
    expect(readRoster(content)).toEqual({ ok: false, error });
  });

  it('refuses a file that is not UTF-8', () => {
    const latin1 = Uint8Array.from([
      ...utf8('name,email,department,language\nS'),
      0xf8,
      ...utf8('ren,s@example.com,IT,nb\n'),
    ]);
    expect(readRoster(latin1)).toEqual({ ok: false, error: notUtf8 });
    expect(notUtf8).toBe('people:import.errors.notUtf8');
  });

  it('reads 10,000 rows', () => {
    const lines = ['name;email;department;language'];
    for (let i = 0; i < 10_000; i++) lines.push(`Person ${i};p${i}@example.com;Dept ${i % 7};en`);
    const rows = rowsOf(readRoster(utf8(lines.join('\n'))));
    expect(rows).toHaveLength(10_000);
    expect(rows.at(-1)).toMatchObject({ line: 10_001, email: 'p9999@example.com', problems: [] });
    expect(rows.every(({ problems }) => problems.length === 0)).toBe(true);
  });
});
