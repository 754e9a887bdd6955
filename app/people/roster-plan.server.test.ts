import { describe, expect, it } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { messageText } from '../i18n';
import { readRoster } from './roster-csv.server';
import { planRoster } from './roster-plan.server';

setupTestDatabase('roster-plan');

// The rows' details are messages (keys with values); read here as an English reader sees them,
// so the test checks the words, the values and the language names nested in them.
async function plan(csv: string, createDepartments = false) {
  const file = readRoster(csv);
  if (!file.ok) throw new Error(file.error);
  const planned = await planRoster(file.rows, { createDepartments });
  return {
    ...planned,
    rows: planned.rows.map((row) => ({
      ...row,
      details: row.details.map((detail) => messageText(detail, 'en')),
    })),
  };
}

const header = 'name,email,department,language,leader_of,hr_admin,active';

describe('planRoster', () => {
  it('tells create, update (with each change), unchanged and error apart', async () => {
    const sales = await makeDepartment('Sales', { kind: 'commercial' });
    const it_ = await makeDepartment('IT', { kind: 'support' });
    await makePerson({ name: 'Ann Lee', email: 'ann@example.com', departmentId: sales._id });
    await makePerson({
      name: 'Ola Nordmann',
      email: 'ola@example.com',
      departmentId: it_._id,
      language: 'nb',
    });

    const result = await plan(
      [
        header,
        'Ann Lee,ANN@example.com,IT,pl,IT|Sales,yes,',
        'Ola Nordmann,ola@example.com,it,nb,,,',
        'Bo Berg,bo@example.com,Sales,en,,,',
        'Cy,not-an-email,Sales,en,,,',
      ].join('\n'),
    );

    expect(result.rows).toEqual([
      {
        line: 2,
        name: 'Ann Lee',
        email: 'ANN@example.com',
        department: 'IT',
        outcome: 'update',
        details: [
          'Email: ann@example.com → ANN@example.com',
          'Department: Sales → IT',
          'Language: English → Polish',
          'Leader of: none → IT, Sales',
          'HR admin: no → yes',
        ],
      },
      expect.objectContaining({ line: 3, outcome: 'unchanged', details: [] }),
      expect.objectContaining({ line: 4, outcome: 'create', details: [] }),
      expect.objectContaining({
        line: 5,
        outcome: 'error',
        details: ['“not-an-email” is not a valid email address.'],
      }),
    ]);
    expect(result.counts).toEqual({ create: 1, update: 1, unchanged: 1, error: 1 });
    expect(result.writes.map(({ line }) => line)).toEqual([2, 4]);
    // A plan is only a plan.
    expect(await PersonModel.countDocuments()).toBe(2);
  });

  it('refuses unknown departments unless asked to create them, then names each one', async () => {
    await makeDepartment('Sales');
    const csv = [
      header,
      'Ann,ann@example.com,Bakery,en,,,',
      'Bo,bo@example.com,Sales,en,Bakery|Delivery,,',
    ].join('\n');

    const strict = await plan(csv);
    expect(strict.rows.map(({ outcome, details }) => [outcome, details])).toEqual([
      [
        'error',
        [
          'Unknown department “Bakery”. Add it on the Departments page, or tick “Create missing departments”.',
        ],
      ],
      [
        'error',
        [
          'Unknown department “Bakery” in leader_of. Add it on the Departments page, or tick “Create missing departments”.',
          'Unknown department “Delivery” in leader_of. Add it on the Departments page, or tick “Create missing departments”.',
        ],
      ],
    ]);
    expect(strict.departmentsToCreate).toEqual([]);

    const creating = await plan(csv, true);
    expect(creating.rows.map(({ outcome, details }) => [outcome, details])).toEqual([
      ['create', ['Creates department “Bakery”.']],
      ['create', ['Creates department “Bakery”.', 'Creates department “Delivery”.']],
    ]);
    expect(creating.departmentsToCreate.map(({ name }) => name)).toEqual(['Bakery', 'Delivery']);
    expect(await DepartmentModel.countDocuments()).toBe(1);
  });

  it('refuses archived departments', async () => {
    await makeDepartment('Old depot', { archived: true });
    const result = await plan(`${header}\nAnn,ann@example.com,old depot,en,,,`, true);
    expect(result.rows[0]).toMatchObject({
      outcome: 'error',
      details: ['Department “Old depot” is archived.'],
    });
  });

  it('keeps leadership, HR admin and active as they are when the file leaves them out', async () => {
    const sales = await makeDepartment('Sales');
    await makePerson({
      name: 'Ann',
      email: 'ann@example.com',
      departmentId: sales._id,
      leaderOf: [sales._id],
      hrAdmin: true,
      active: false,
    });
    const result = await plan('name,email,department,language\nAnn,ann@example.com,Sales,en');
    expect(result.rows[0]?.outcome).toBe('unchanged');
  });

  it('refuses the rows that would leave no active HR admin, and only those', async () => {
    const hr = await makeDepartment('HR');
    await makePerson({
      name: 'Ann',
      email: 'ann@example.com',
      departmentId: hr._id,
      hrAdmin: true,
    });
    const result = await plan(
      [header, 'Ann,ann@example.com,HR,en,,no,', 'Bo,bo@example.com,HR,en,,,'].join('\n'),
    );
    expect(result.rows.map(({ outcome }) => outcome)).toEqual(['error', 'create']);
    expect(result.rows[0]?.details).toEqual([
      'This would leave Innerloop without an active HR admin. Keep hr_admin and active “yes” for at least one of them.',
    ]);

    const handedOver = await plan(
      [header, 'Ann,ann@example.com,HR,en,,no,', 'Bo,bo@example.com,HR,en,,yes,'].join('\n'),
    );
    expect(handedOver.rows.map(({ outcome }) => outcome)).toEqual(['update', 'create']);
  });
});
