import { randomUUID } from 'node:crypto';

import { describe } from 'vitest';

import { PersonModel } from '../../models/person.server';
import { screenshot } from './harness/browser';
import { expect, test } from './harness/fixtures';

// The demo organisation is seeded into the e2e app (DEMO=on), so its departments and its HR
// admin, Ingrid Solberg, are there to import against.

describe('people', () => {
  test('an HR admin imports a roster: preview, confirm, progress, then the new people on the roster', async ({
    page,
    signInAs,
  }) => {
    await signInAs('hr-admin');
    const tag = randomUUID().slice(0, 8);
    const csv = [
      'name;email;department;language;leader_of;hr_admin;active',
      `"Lindqvist, Maja";maja.${tag}@nordlys.example;Kitchen;nb;;;`,
      `Oleh Bondar;oleh.${tag}@nordlys.example;Service floor;uk;Service floor;no;yes`,
      'Ingrid Solberg;ingrid.solberg@nordlys.example;HR;nb;;;',
      `No Email;not-an-email;Kitchen;en;;;`,
      `Pat Baker;pat.${tag}@nordlys.example;Bakery;en;;;`,
      // Enough people for the import to take a moment, so its progress shows.
      ...Array.from(
        { length: 4000 },
        (_, i) => `Seasonal Worker ${i};season${i}.${tag}@nordlys.example;Service floor;pl;;;`,
      ),
    ].join('\r\n');

    try {
      await page.goto('/people/import');
      await page.getByRole('heading', { level: 2, name: 'Import a roster' }).waitFor();
      await screenshot(page, 'people-import-1-upload');

      await page.getByLabel('Roster file (CSV)').setInputFiles({
        name: `roster-${tag}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
      });
      await page.getByRole('button', { name: 'Upload and preview' }).click();
      await page.waitForURL(/\/people\/import\/[a-f\d]{24}$/);
      await page
        .getByText('4,005 rows: 4,002 new, 0 to update, 1 unchanged, 2 with errors.')
        .waitFor();
      const rows = page.getByRole('table').getByRole('row');
      const outcomes = await rows.evaluateAll((elements) =>
        elements.slice(1).map((row) => [...row.children].map((cell) => cell.textContent?.trim())),
      );
      expect(
        outcomes.slice(0, 5).map(([line, name, , , outcome]) => [line, name, outcome]),
      ).toEqual([
        ['2', 'Lindqvist, Maja', 'New'],
        ['3', 'Oleh Bondar', 'New'],
        ['4', 'Ingrid Solberg', 'Unchanged'],
        ['5', 'No Email', 'Error'],
        ['6', 'Pat Baker', 'Error'],
      ]);
      expect(outcomes[3]?.[5]).toBe('“not-an-email” is not a valid email address.');
      expect(outcomes[4]?.[5]).toMatch(/^Unknown department “Bakery”/);
      await screenshot(page, 'people-import-2-preview');

      await page.getByRole('button', { name: 'Import 4,002 people' }).click();
      await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
      await screenshot(page, 'people-import-3-progress');
      await page.getByText('Import done.').waitFor();
      expect(await page.getByRole('status').textContent()).toMatch(
        /4,002 added, 0 updated, 1 unchanged, 2 skipped/,
      );
      await screenshot(page, 'people-import-4-done');

      await page.getByRole('link', { name: 'See the roster' }).click();
      await page.waitForURL('**/people');
      await page.getByLabel('Name or email').fill(tag);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByText('4,002 people, page 1 of 81').waitFor();
      await page.getByLabel('Name or email').fill(`oleh.${tag}`);
      await page.getByRole('button', { name: 'Show' }).click();
      // The search is done when the count says so; a poll's one second is too short for a
      // search over 4,000 people on a busy machine.
      await page.getByText('1 person', { exact: true }).waitFor();
      const names = page.getByRole('table').getByRole('rowheader');
      expect(await names.allTextContents()).toEqual(['Oleh Bondar']);
      expect(await page.getByRole('row', { name: /Oleh Bondar/ }).textContent()).toMatch(
        /Service floor.*Leader of Service floor.*Ukrainian/,
      );
      await screenshot(page, 'people-import-5-roster');
    } finally {
      await PersonModel.deleteMany({ emailKey: new RegExp(`\\.${tag}@nordlys\\.example$`) });
    }
  });

  test('the roster lists the demo organisation, a page at a time, and searches it', async ({
    page,
    signInAs,
  }) => {
    await signInAs('hr-admin');
    await page.goto('/people');
    expect(await page.getByText(/^\d+ people, page 1 of \d+$/).isVisible()).toBe(true);
    expect(await page.getByRole('table').getByRole('rowheader').count()).toBe(50);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL('**/people?page=2');
    await page.getByLabel('Name or email').fill('Ingrid Solberg');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('link', { name: 'Ingrid Solberg' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ingrid Solberg' }).waitFor();
    expect(await page.getByLabel('HR admin').isChecked()).toBe(true);
  });

  test('adding a person with an email already on the roster is refused beside the field', async ({
    page,
    problems,
    signInAs,
  }) => {
    problems.allowStatus(400);
    await signInAs('hr-admin');
    await page.goto('/people/new');
    await page.getByLabel('Name').fill('Another Ingrid');
    await page.getByLabel('Email').fill('INGRID.SOLBERG@nordlys.example');
    await page.getByLabel('Department').selectOption({ label: 'HR' });
    await page.getByRole('button', { name: 'Add person' }).click();
    const email = page.getByLabel('Email');
    await expect.poll(() => email.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Someone on the roster already has this email address.',
    );
    expect(await page.getByLabel('Name').inputValue()).toBe('Another Ingrid');
  });

  test('departments show as a tree, and moving one under its own sub-department is refused', async ({
    page,
    problems,
    signInAs,
  }) => {
    problems.allowStatus(400);
    await signInAs('hr-admin');
    await page.goto('/people/departments');
    const names = await page.getByRole('table').getByRole('rowheader').allTextContents();
    const operations = names.findIndex((name) => name.trim() === 'Operations');
    expect(names.slice(operations, operations + 3).map((name) => name.trim())).toEqual([
      'Operations',
      '└ Kitchen',
      '└ Service floor',
    ]);
    await screenshot(page, 'people-departments-1-tree');

    const row = page.getByRole('row', { name: /^Operations/ });
    await row.getByText('Change').click();
    const parent = row.getByLabel('Part of');
    // The form does not offer Operations' own sub-departments as its parent …
    expect(await parent.locator('option').allTextContents()).not.toContain('— Kitchen');
    // … and a forged choice of one is refused by the server, beside the field.
    const kitchenId = await page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Kitchen', exact: true }) })
      .locator('input[name="departmentId"]')
      .first()
      .getAttribute('value');
    await parent.evaluate((select, id) => {
      if (!(select instanceof HTMLSelectElement) || !id) return;
      select.append(new Option('Kitchen', id));
      select.value = id;
    }, kitchenId);
    await row.getByRole('button', { name: 'Move' }).click();
    const error = page.getByText(
      'Operations cannot be placed under one of its own sub-departments.',
    );
    await error.waitFor();
    expect(
      await page
        .getByRole('row', { name: /^Operations/ })
        .getByLabel('Part of')
        .getAttribute('aria-invalid'),
    ).toBe('true');
    await screenshot(page, 'people-departments-2-cycle-refused');
  });
});
