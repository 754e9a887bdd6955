import { describe, expect, it } from 'vitest';

import { messageText } from '../../app/i18n';
import { recoverInterruptedImports } from '../../app/people/roster-apply.server';
import {
  confirmRosterImport,
  createRosterImport,
  getRosterImport,
  setCreateDepartments,
  undoStalledImport,
} from '../../app/people/roster-import.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { RosterImportModel } from '../../models/roster-import.server';
import { RosterImportChangeModel } from '../../models/roster-import-change.server';
import { makeDepartment, makePerson } from '../factories/organisation';
import { setupTestDatabase } from '../support/test-database';

// The roster import from upload to result, against a real database: preview, confirm,
// idempotent re-import, creating departments, and undoing a failed or interrupted import.
setupTestDatabase('roster-import');

const allRows = { outcome: 'all', page: 1 } as const;
const header = 'name,email,department,language,leader_of,hr_admin,active';

async function upload(csv: string, createDepartments = false) {
  const result = await createRosterImport({
    fileName: 'roster.csv',
    content: new TextEncoder().encode(csv),
    createDepartments,
    createdBy: null,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.importId;
}

async function importFile(csv: string, createDepartments = false) {
  const importId = await upload(csv, createDepartments);
  const confirmed = await confirmRosterImport(importId);
  if (!confirmed.ok) throw new Error(confirmed.error);
  expect(await confirmed.finished).toBe('done');
  const view = await getRosterImport(importId, allRows);
  if (!view) throw new Error('The import is gone');
  return view;
}

/** The roster as plain values, to compare before and after. */
async function roster() {
  const people = await PersonModel.find()
    .select('name email emailKey departmentId language hrAdmin leaderOf active')
    .sort({ emailKey: 1 })
    .lean();
  return people.map(({ _id, ...fields }) => ({
    ...fields,
    id: String(_id),
    departmentId: String(fields.departmentId),
    leaderOf: fields.leaderOf.map(String),
  }));
}

describe('uploading a roster', () => {
  it.each([
    ['', 'people:import.errors.empty'],
    ['name,email,department,language\r\n', 'people:import.errors.noRows'],
  ])('refuses %j as a whole and stores nothing', async (csv, error) => {
    const result = await createRosterImport({
      fileName: 'empty.csv',
      content: new TextEncoder().encode(csv),
      createDepartments: false,
      createdBy: null,
    });
    expect(result).toEqual({ ok: false, errors: { file: [error] } });
    expect(await RosterImportModel.countDocuments()).toBe(0);
  });

  it('keeps the upload as a draft that expires, and previews every row', async () => {
    const sales = await makeDepartment('Sales');
    await makePerson({ name: 'Ann', email: 'ann@example.com', departmentId: sales._id });
    const importId = await upload(
      [
        header,
        'Ann,ann@example.com,Sales,en,,,',
        'Bo,bo@example.com,Sales,en,,,',
        'Cy,cy@example.com,Bakery,en,,,',
      ].join('\n'),
    );
    const stored = await RosterImportModel.findById(importId).lean();
    expect(stored?.status).toBe('draft');
    expect(stored?.expiresAt?.getTime()).toBeGreaterThan(Date.now());

    const view = await getRosterImport(importId, allRows);
    expect(view?.preview?.counts).toEqual({ create: 1, update: 0, unchanged: 1, error: 1 });
    expect(view?.preview?.rows.map(({ line, outcome }) => [line, outcome])).toEqual([
      [2, 'unchanged'],
      [3, 'create'],
      [4, 'error'],
    ]);
    const errorsOnly = await getRosterImport(importId, { outcome: 'error', page: 1 });
    expect(errorsOnly?.preview?.rows.map(({ line }) => line)).toEqual([4]);

    expect(await setCreateDepartments(importId, true)).toBe(true);
    const creating = await getRosterImport(importId, allRows);
    expect(creating?.preview?.counts).toEqual({ create: 2, update: 0, unchanged: 1, error: 0 });
    expect(creating?.preview?.departmentsToCreate).toEqual(['Bakery']);
  });

  it('answers null for an import that does not exist', async () => {
    expect(await getRosterImport('0123456789abcdef01234567', allRows)).toBeNull();
    expect(await getRosterImport('not-an-id', allRows)).toBeNull();
  });
});

describe('confirming a roster import', () => {
  it('creates and updates people, skips error rows, and a second run changes nothing', async () => {
    const sales = await makeDepartment('Sales');
    const it_ = await makeDepartment('IT', { kind: 'support' });
    await makePerson({ name: 'Ann Lee', email: 'ann@example.com', departmentId: sales._id });
    const csv = [
      header,
      'Ann Lee,ann@example.com,IT,pl,IT,,',
      'Bo Berg,bo@example.com,Sales,nb,,yes,',
      'Cy,cy@example.com,Nowhere,en,,,',
    ].join('\n');

    const first = await importFile(csv);
    expect(first).toMatchObject({
      status: 'done',
      summary: { created: 1, updated: 1, unchanged: 0, skipped: 1, departmentsCreated: 0 },
      progress: { done: 2, total: 2 },
    });
    expect(await roster()).toEqual([
      expect.objectContaining({
        email: 'ann@example.com',
        departmentId: String(it_._id),
        language: 'pl',
        leaderOf: [String(it_._id)],
      }),
      expect.objectContaining({ name: 'Bo Berg', hrAdmin: true, active: true, language: 'nb' }),
    ]);
    // The journal is only needed while applying; the draft text is dropped once done.
    expect(await RosterImportChangeModel.countDocuments()).toBe(0);
    expect((await RosterImportModel.findById(first.id).select('+csv').lean())?.csv).toBeFalsy();

    const before = await roster();
    const second = await importFile(csv);
    expect(second.summary).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      skipped: 1,
      departmentsCreated: 0,
    });
    expect(await roster()).toEqual(before);
  });

  it('creates missing departments only when asked to', async () => {
    const csv = `${header}\nAnn,ann@example.com,Bakery,en,Bakery|Delivery,,`;
    const strict = await importFile(csv);
    expect(strict.summary).toMatchObject({ created: 0, skipped: 1, departmentsCreated: 0 });
    expect(await DepartmentModel.countDocuments()).toBe(0);

    const creating = await importFile(csv, true);
    expect(creating.summary).toMatchObject({ created: 1, skipped: 0, departmentsCreated: 2 });
    const departments = await DepartmentModel.find().sort({ nameKey: 1 }).lean();
    expect(departments.map(({ name, kind, parentId }) => [name, kind, parentId])).toEqual([
      ['Bakery', 'operational', null],
      ['Delivery', 'operational', null],
    ]);
    const [ann] = await roster();
    expect(ann?.departmentId).toBe(String(departments[0]?._id));
    expect(ann?.leaderOf).toEqual(departments.map(({ _id }) => String(_id)));
  });

  it('applies a draft once, and one import at a time', async () => {
    await makeDepartment('Sales');
    const first = await upload(`${header}\nAnn,ann@example.com,Sales,en,,,`);
    const second = await upload(`${header}\nBo,bo@example.com,Sales,en,,,`);

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = await confirmRosterImport(first, { beforeBatch: () => held });
    expect(running.ok).toBe(true);
    expect(await confirmRosterImport(first)).toEqual({
      ok: false,
      error: 'people:import.errors.alreadyDone',
    });
    expect(await confirmRosterImport(second)).toEqual({
      ok: false,
      error: 'people:import.errors.anotherApplying',
    });
    expect((await getRosterImport(first, allRows))?.status).toBe('applying');

    release();
    if (running.ok) expect(await running.finished).toBe('done');
    const next = await confirmRosterImport(second);
    if (next.ok) expect(await next.finished).toBe('done');
    expect(await PersonModel.countDocuments()).toBe(2);
  });
});

describe('undoing an import', () => {
  /** A roster of five people, and a file that updates all of them, adds five and a department. */
  async function setUp() {
    const sales = await makeDepartment('Sales');
    const board = await makeDepartment('Executive board', { kind: 'executive' });
    for (let i = 0; i < 5; i++) {
      await makePerson({ name: `Old ${i}`, email: `old${i}@example.com`, departmentId: sales._id });
    }
    const lines = [header];
    for (let i = 0; i < 5; i++) lines.push(`New name ${i},old${i}@example.com,Bakery,uk,Sales,,`);
    for (let i = 0; i < 5; i++)
      lines.push(`Fresh ${i},fresh${i}@example.com,Executive board,lv,,,`);
    return { board, csv: lines.join('\n') };
  }

  it('puts everything back when applying fails part-way', async () => {
    const { csv } = await setUp();
    const before = await roster();
    const departmentsBefore = await DepartmentModel.countDocuments();
    const importId = await upload(csv, true);

    const confirmed = await confirmRosterImport(importId, {
      batchSize: 3,
      beforeBatch: (batch) => {
        // Two batches (six people) are written when the failure strikes.
        if (batch === 2) throw new Error('The disk is full');
      },
    });
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await confirmed.finished).toBe('failed');

    expect(await roster()).toEqual(before);
    expect(await DepartmentModel.countDocuments()).toBe(departmentsBefore);
    expect(await RosterImportChangeModel.countDocuments()).toBe(0);
    const view = await getRosterImport(importId, allRows);
    expect(view?.status).toBe('failed');
    expect(view?.error).toBe('people:import.errors.stopped');
    // The lock is released: the next import may run.
    const retry = await importFile(csv, true);
    expect(retry.summary).toMatchObject({ created: 5, updated: 5, departmentsCreated: 1 });
  });

  it('undoes a failure of the database itself, such as a duplicate email written meanwhile', async () => {
    const { board, csv } = await setUp();
    const before = await roster();
    const importId = await upload(csv, true);
    const confirmed = await confirmRosterImport(importId, {
      batchSize: 3,
      beforeBatch: async (batch) => {
        // Someone adds "fresh4" by hand after the plan was made: the insert breaks the unique index.
        if (batch === 3) await makePerson({ email: 'FRESH4@example.com', departmentId: board._id });
      },
    });
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await confirmed.finished).toBe('failed');
    const after = await roster();
    expect(after.filter(({ emailKey }) => emailKey !== 'fresh4@example.com')).toEqual(before);
    expect((await getRosterImport(importId, allRows))?.error).toBe(
      'people:import.errors.stoppedDuplicate',
    );
  });

  it('undoes an import left applying by a crash, at the next start-up', async () => {
    const { csv } = await setUp();
    const before = await roster();
    const importId = await upload(csv, true);
    // The process "dies" before the third batch: nothing after that point ever runs.
    const confirmed = await confirmRosterImport(importId, {
      batchSize: 3,
      beforeBatch: (batch) => (batch === 2 ? new Promise<void>(() => undefined) : undefined),
    });
    expect(confirmed.ok).toBe(true);
    await waitFor(async () => (await PersonModel.countDocuments()) === 6);
    expect(await roster()).not.toEqual(before);
    expect((await RosterImportModel.findById(importId).lean())?.status).toBe('applying');

    expect(await recoverInterruptedImports({ staleAfter: 0 })).toBe(1);

    expect(await roster()).toEqual(before);
    expect(await DepartmentModel.countDocuments({ nameKey: 'bakery' })).toBe(0);
    const view = await getRosterImport(importId, allRows);
    expect(view?.status).toBe('failed');
    expect(view?.error).toBe('people:import.errors.interrupted');
    expect(await recoverInterruptedImports({ staleAfter: 0 })).toBe(0);
  });

  it('lets HR undo an import whose heartbeat stopped, and frees the lock for the next', async () => {
    const { csv } = await setUp();
    const before = await roster();
    const importId = await upload(csv, true);
    const confirmed = await confirmRosterImport(importId, {
      batchSize: 3,
      beforeBatch: (batch) => (batch === 1 ? new Promise<void>(() => undefined) : undefined),
    });
    expect(confirmed.ok).toBe(true);
    // The first batch's progress write also refreshes the heartbeat; wait for it before aging it.
    await waitFor(
      async () => (await RosterImportModel.findById(importId).lean())?.progress?.done === 3,
    );
    expect(await roster()).not.toEqual(before);
    // A fresh heartbeat: another instance may still be working on it, so it is left alone.
    expect(await recoverInterruptedImports()).toBe(0);
    expect(await undoStalledImport(importId)).toBe(false);
    expect(await getRosterImport(importId, allRows)).toMatchObject({
      status: 'applying',
      stalled: false,
    });

    await RosterImportModel.updateOne(
      { _id: importId },
      { $set: { heartbeatAt: new Date(Date.now() - 10 * 60 * 1000) } },
    );
    // Looking at it changes nothing; it offers the undo.
    expect(await getRosterImport(importId, allRows)).toMatchObject({
      status: 'applying',
      stalled: true,
    });
    expect(await undoStalledImport(importId)).toBe(true);
    expect((await getRosterImport(importId, allRows))?.status).toBe('failed');
    expect(await roster()).toEqual(before);
  });

  it('undoes a stalled import before confirming the next, so its lock never blocks for good', async () => {
    const { csv } = await setUp();
    const before = await roster();
    const stuck = await upload(csv, true);
    await confirmRosterImport(stuck, {
      batchSize: 3,
      beforeBatch: (batch) => (batch === 1 ? new Promise<void>(() => undefined) : undefined),
    });
    // Wait for the first batch's progress write, which also refreshes the heartbeat: making the
    // import look stalled before it would be overwritten.
    await waitFor(
      async () => (await RosterImportModel.findById(stuck).lean())?.progress?.done === 3,
    );
    await RosterImportModel.updateOne(
      { _id: stuck },
      { $set: { heartbeatAt: new Date(Date.now() - 10 * 60 * 1000) } },
    );
    const next = await confirmRosterImport(
      await upload(`${header}\nZed,zed@example.com,Sales,en,,,`),
    );
    if (!next.ok) throw new Error(next.error);
    expect(await next.finished).toBe('done');
    expect((await getRosterImport(stuck, allRows))?.status).toBe('failed');
    expect((await roster()).filter(({ emailKey }) => emailKey !== 'zed@example.com')).toEqual(
      before,
    );
  });
});

describe('a large roster', () => {
  it('imports 10,000 rows, reporting progress, and re-imports them unchanged', async () => {
    await makeDepartment('Kitchen');
    const lines = ['name;email;department;language;leader_of;hr_admin;active'];
    const languages = ['en', 'uk', 'nb', 'pt', 'pl', 'lv'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(
        `"Person ${i}, Jr.";person${i}@example.com;Team ${i % 40};${languages[i % 6]};;${i === 0 ? 'yes' : ''};`,
      );
    }
    const csv = `\uFEFF${lines.join('\r\n')}\r\n`;

    const importId = await upload(csv, true);
    const seen: number[] = [];
    const confirmed = await confirmRosterImport(importId, {
      beforeBatch: async () => {
        const stored = await RosterImportModel.findById(importId).lean();
        seen.push(stored?.progress?.done ?? -1);
      },
    });
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await confirmed.finished).toBe('done');

    expect(seen).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    const view = await getRosterImport(importId, allRows);
    expect(view).toMatchObject({
      status: 'done',
      progress: { done: 10_000, total: 10_000 },
      summary: { created: 10_000, updated: 0, skipped: 0, departmentsCreated: 40 },
    });
    expect(await PersonModel.countDocuments()).toBe(10_000);
    expect(await PersonModel.findOne({ emailKey: 'person9999@example.com' }).lean()).toMatchObject({
      name: 'Person 9999, Jr.',
      language: 'pt',
    });

    const again = await importFile(csv, true);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the department_kind column', () => {
  const kindHeader = 'name,email,department,language,department_kind';

  it('creates departments of the kind it gives, changes known ones, and previews both', async () => {
    await makeDepartment('Sales', { kind: 'operational' });
    await makeDepartment('Finance', { kind: 'commercial' });
    const csv = [
      kindHeader,
      'Ann,ann@example.com,IT,en,SUPPORT',
      'Bo,bo@example.com,IT,en,',
      'Cy,cy@example.com,Sales,en,Commercial',
      'Di,di@example.com,Finance,en,',
      'Ed,ed@example.com,Kitchen,en,',
    ].join('\n');
    const importId = await upload(csv, true);
    const preview = (await getRosterImport(importId, allRows))?.preview;
    expect(preview?.kindChanges).toEqual([
      { name: 'IT', from: null, to: 'support' },
      { name: 'Kitchen', from: null, to: 'operational' },
      { name: 'Sales', from: 'operational', to: 'commercial' },
    ]);
    expect(preview?.servesOthers).toBe(true);

    const confirmed = await confirmRosterImport(importId);
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await confirmed.finished).toBe('done');
    const departments = await DepartmentModel.find().sort({ nameKey: 1 }).lean();
    expect(departments.map(({ name, kind }) => [name, kind])).toEqual([
      ['Finance', 'commercial'],
      ['IT', 'support'],
      ['Kitchen', 'operational'],
      ['Sales', 'commercial'],
    ]);
  });

  it('refuses a row with an unknown kind or one that contradicts an earlier row, naming both', async () => {
    await makeDepartment('Sales');
    const importId = await upload(
      [
        kindHeader,
        'Ann,ann@example.com,Sales,en,helpdesk',
        'Bo,bo@example.com,Sales,en,support',
        'Cy,cy@example.com,sales,en,executive',
      ].join('\n'),
    );
    const rows = (await getRosterImport(importId, allRows))?.preview?.rows;
    // The details are messages; read as an English reader sees them.
    const inEnglish = rows?.map(({ line, outcome, details }) => [
      line,
      outcome,
      details.map((detail) => messageText(detail, 'en')),
    ]);
    expect(inEnglish).toEqual([
      [
        2,
        'error',
        [
          'Line 2: unknown department kind “helpdesk”; use one of executive, operational, commercial, support.',
        ],
      ],
      [3, 'create', []],
      [
        4,
        'error',
        [
          'Line 4: department “sales” is given the kind “executive”, but line 3 gives it “support”.',
        ],
      ],
    ]);
  });

  it('warns when no department would serve others', async () => {
    await makeDepartment('IT', { kind: 'support' });
    const keeping = await upload(`${kindHeader}\nAnn,ann@example.com,Sales,en,`, true);
    expect((await getRosterImport(keeping, allRows))?.preview?.servesOthers).toBe(true);
    const demoting = await upload(`${kindHeader}\nAnn,ann@example.com,IT,en,operational`, true);
    expect((await getRosterImport(demoting, allRows))?.preview?.servesOthers).toBe(false);
  });

  it('puts the kinds back when applying fails part-way', async () => {
    const itDepartment = await makeDepartment('IT', { kind: 'operational' });
    const sales = await makeDepartment('Sales', { kind: 'support' });
    const lines = [kindHeader];
    for (let i = 0; i < 6; i++) lines.push(`P ${i},p${i}@example.com,IT,en,support`);
    lines.push('Q,q@example.com,Sales,en,commercial');
    const importId = await upload(lines.join('\n'));
    const confirmed = await confirmRosterImport(importId, {
      batchSize: 3,
      beforeBatch: async (batch) => {
        if (batch === 1) {
          // The kinds are changed before the people are written.
          const kinds = await DepartmentModel.find().sort({ nameKey: 1 }).lean();
          expect(kinds.map(({ kind }) => kind)).toEqual(['support', 'commercial']);
          throw new Error('The disk is full');
        }
      },
    });
    if (!confirmed.ok) throw new Error(confirmed.error);
    expect(await confirmed.finished).toBe('failed');
    expect((await DepartmentModel.findById(itDepartment._id).lean())?.kind).toBe('operational');
    expect((await DepartmentModel.findById(sales._id).lean())?.kind).toBe('support');
    expect(await PersonModel.countDocuments()).toBe(0);
  });
});
