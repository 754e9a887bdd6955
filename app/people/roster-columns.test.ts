import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { languageCodes } from '../../models/vocabulary';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { columnList, helpKeys } from './roster-columns';
import { confirmRosterImport, createRosterImport, getRosterImport } from './roster-import.server';

// The column list is the one home of a roster column: these tests hold every column to what the
// rest of the import expects of it, so that a new column cannot be half added.
setupTestDatabase('roster-columns');

const headers = columnList.map(([, { header }]) => header);

/**
 * A cell for every column that changes what the roster has (see the set-up below). A new
 * column fails the first test until it has one here.
 */
const changing: Record<string, string> = {
  name: 'Ann Changed',
  email: 'ANN@example.com',
  department: 'IT',
  department_kind: 'support',
  language: 'pl',
  leader_of: 'Sales|IT',
  hr_admin: 'yes',
  active: 'no',
};

function row(cells: Record<string, string>): string {
  return headers.map((header) => cells[header] ?? '').join(',');
}

async function upload(csv: string) {
  const draft = await createRosterImport({
    fileName: 'roster.csv',
    content: new TextEncoder().encode(csv),
    createDepartments: false,
    createdBy: null,
  });
  if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
  return draft.importId;
}

/** The people and departments exactly as stored, but for the time of the last write. */
async function stored() {
  const people = await PersonModel.collection.find({}, { sort: { emailKey: 1 } }).toArray();
  const departments = await DepartmentModel.collection.find({}, { sort: { nameKey: 1 } }).toArray();
  return [...people, ...departments].map(({ updatedAt: _updatedAt, ...fields }) => fields);
}

describe('a roster column', () => {
  it('is in the undo record: an import that changes every column, undone, restores them all', async () => {
    expect(Object.keys(changing)).toEqual(headers);
    const sales = await makeDepartment('Sales', { kind: 'commercial' });
    await makeDepartment('IT', { kind: 'operational' });
    await makePerson({ name: 'Ann', email: 'ann@example.com', departmentId: sales._id });
    await makePerson({
      name: 'Hal',
      email: 'hal@example.com',
      departmentId: sales._id,
      hrAdmin: true,
    });
    // Bo was stored before hrAdmin and active existed: the undo takes away again what it adds.
    await PersonModel.collection.insertOne({
      name: 'Bo',
      email: 'bo@example.com',
      emailKey: 'bo@example.com',
      departmentId: sales._id,
      language: 'en',
      leaderOf: [],
    });
    const csv = [
      headers.join(','),
      row(changing),
      row({ ...changing, name: 'Bo', email: 'bo@example.com' }),
      row({ ...changing, name: 'Cy', email: 'cy@example.com' }),
    ].join('\n');
    const importId = await upload(csv);

    // The file does change every column: the preview names a change of each person column, and
    // the department's kind.
    const preview = (await getRosterImport(importId, { outcome: 'all', page: 1 }))?.preview;
    const personColumns = columnList.filter(([, { person }]) => person);
    expect(preview?.rows[0]?.details).toHaveLength(personColumns.length);
    expect(preview?.kindChanges).toEqual([{ name: 'IT', from: 'operational', to: 'support' }]);

    const before = await stored();
    let during: Awaited<ReturnType<typeof stored>> = [];
    const confirmed = await confirmRosterImport(importId, {
      batchSize: 1,
      beforeBatch: async (batch) => {
        // Ann and Bo are written; the import fails before it adds Cy.
        if (batch < 2) return;
        during = await stored();
        throw new Error('The disk is full');
      },
    });
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await confirmed.finished).toBe('failed');
    expect(during).not.toEqual(before);
    expect(await stored()).toEqual(before);
  });

  it('is explained by the help on the upload page, in every language, when it needs to be', () => {
    for (const language of languageCodes) {
      const words = readPeopleWords(language);
      for (const key of helpKeys)
        expect(words.import.help[key], `${language}: ${key}`).toBeTruthy();
    }
  });

  it('is named where the words list the columns a file has, in every language', () => {
    for (const language of languageCodes) {
      const { import: words } = readPeopleWords(language);
      for (const header of headers) {
        expect(words.intro, `${language}: intro`).toContain(header);
        expect(words.errors.missingColumns, `${language}: missingColumns`).toContain(header);
      }
    }
  });
});

function readPeopleWords(language: string) {
  const file = path.join(import.meta.dirname, '..', 'locales', language, 'people.json');
  return JSON.parse(readFileSync(file, 'utf8')) as {
    import: { intro: string; help: Record<string, string>; errors: { missingColumns: string } };
  };
}
