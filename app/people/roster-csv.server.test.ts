import { describe, expect, it } from 'vitest';

import { notUtf8, readRoster, type RosterFile } from './roster-csv.server';
import { columnsInWords } from './schemas';

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
      [2, ['The email ann@example.com is also on line 4.']],
      [3, []],
      [4, ['The email ANN@example.com is also on line 2.']],
    ]);
  });

  it('explains each wrong value of a row', () => {
    const rows = rowsOf(
      readRoster(
        'name,email,department,language,hr_admin\n,not-an-email,,klingon,maybe\nAnn,ann@example.com,Sales,,\n',
      ),
    );
    expect(rows[0]?.problems).toEqual([
      'Name is missing.',
      '“not-an-email” is not a valid email address.',
      'Department is missing.',
      'Unknown language “klingon”; use one of en, uk, nb, pt, pl, lv.',
      'hr_admin must be yes or no, not “maybe”.',
    ]);
    expect(rows[1]?.problems).toEqual(['Language is missing.']);
  });

  it('skips blank lines and names columns it ignores', () => {
    const file = readRoster(
      'name,email,department,language,shoe size\n\nAnn,ann@example.com,Sales,en,38\n,,,,\n',
    );
    expect(file).toMatchObject({ ok: true, ignoredColumns: ['shoe_size'] });
    expect(rowsOf(file).map(({ line }) => line)).toEqual([3]);
  });

  it.each([
    ['', 'The file is empty.'],
    ['\uFEFF\n\n', 'The file is empty.'],
    ['name,email,department,language\n', 'The file has a header row but no people in it.'],
    ['name;email;department;language\r\n;;;\r\n', 'The file has a header row but no people in it.'],
    [
      'name,department\nAnn,Sales\n',
      `The first row must name the columns: ${columnsInWords}. Missing: email, language.`,
    ],
    [
      'name,email,email,department,language\n',
      'The column “email” appears twice in the first row.',
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
    expect(notUtf8).toMatch(/not UTF-8/);
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
