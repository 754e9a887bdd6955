import { describe, expect, it } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { makeBoardAction, makeBoardSurvey } from '../../tests/factories/board';
import { makeDepartment } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { companyBoard, departmentBoard } from './board.server';

setupTestDatabase('board');

async function keyOf(departmentId: unknown) {
  const department = await DepartmentModel.findById(departmentId, { boardKey: 1 }).lean();
  if (!department?.boardKey) throw new Error('no board key');
  return department.boardKey;
}

const titles = (actions: { title: string }[]) => actions.map((action) => action.title);

describe('the company board', () => {
  it('shows published company-wide actions only', async () => {
    const survey = await makeBoardSurvey();
    const kitchen = await makeDepartment('Kitchen');
    await makeBoardAction({ surveyId: survey._id, title: 'Shown' });
    await makeBoardAction({ surveyId: survey._id, title: 'Draft', published: false });
    await makeBoardAction({ surveyId: survey._id, title: 'Kitchen', departmentId: kitchen._id });

    const board = await companyBoard();
    expect(board.department).toBeNull();
    expect(board.departmentActions).toEqual([]);
    expect(titles(board.companyActions)).toEqual(['Shown']);
  });

  it('orders in progress, then open (soonest due first), then done (latest first)', async () => {
    const { _id: surveyId } = await makeBoardSurvey();
    const done = (title: string, completedAt: string) =>
      makeBoardAction({ surveyId, title, status: 'done', completedAt: new Date(completedAt) });
    await done('Done in March', '2026-03-10T10:00:00Z');
    await makeBoardAction({ surveyId, title: 'Open, due late', dueOn: '2026-09-01' });
    await makeBoardAction({ surveyId, title: 'Going', status: 'in-progress' });
    await done('Done in May', '2026-05-02T10:00:00Z');
    await makeBoardAction({ surveyId, title: 'Open, due soon', dueOn: '2026-04-01' });

    expect(titles((await companyBoard()).companyActions)).toEqual([
      'Going',
      'Open, due soon',
      'Open, due late',
      'Done in May',
      'Done in March',
    ]);
  });
});

describe('a department board', () => {
  it('shows the department’s actions, those about its service, and the company’s', async () => {
    const { _id: surveyId } = await makeBoardSurvey();
    const kitchen = await makeDepartment('Kitchen');
    const it = await makeDepartment('IT', { kind: 'support' });
    await makeBoardAction({ surveyId, title: 'Kitchen tools', departmentId: kitchen._id });
    await makeBoardAction({
      surveyId,
      title: 'Kitchen rates IT',
      departmentId: kitchen._id,
      providerDepartmentId: it._id,
    });
    await makeBoardAction({ surveyId, title: 'Everyone rates IT', providerDepartmentId: it._id });
    await makeBoardAction({ surveyId, title: 'Company' });
    await makeBoardAction({
      surveyId,
      title: 'Unpublished IT',
      departmentId: it._id,
      published: false,
    });

    const kitchenBoard = await departmentBoard(await keyOf(kitchen._id));
    expect(kitchenBoard?.department).toEqual({ name: 'Kitchen' });
    expect(titles(kitchenBoard?.departmentActions ?? []).sort()).toEqual([
      'Kitchen rates IT',
      'Kitchen tools',
    ]);
    expect(titles(kitchenBoard?.companyActions ?? []).sort()).toEqual([
      'Company',
      'Everyone rates IT',
    ]);

    const itBoard = await departmentBoard(await keyOf(it._id));
    expect(titles(itBoard?.departmentActions ?? []).sort()).toEqual([
      'Everyone rates IT',
      'Kitchen rates IT',
    ]);
    // Shown once, as IT's own.
    expect(titles(itBoard?.companyActions ?? [])).toEqual(['Company']);
  });

  it('knows no department for an unknown or malformed key', async () => {
    await makeDepartment('Kitchen');
    expect(await departmentBoard('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(await departmentBoard('../../etc')).toBeNull();
    expect(await departmentBoard('')).toBeNull();
  });
});

describe('an action card', () => {
  it('carries what was heard, the latest update and days, and nothing that names staff by id', async () => {
    const survey = await makeBoardSurvey();
    const ownerId = (await makeDepartment('Owners'))._id;
    await makeBoardAction({
      surveyId: survey._id,
      title: 'New laptops',
      description: 'Replacing the oldest laptops first.',
      label: 'Whole company · Tools',
      baseline: { value: 2.9, n: 40 },
      status: 'done',
      completedAt: new Date('2026-03-01T23:30:00Z'),
      timeline: [
        { at: new Date('2026-02-01T09:00:00Z'), kind: 'created', byId: ownerId },
        { at: new Date('2026-02-20T09:00:00Z'), note: 'Half are replaced.', byName: 'Ana Lima' },
        { at: new Date('2026-02-10T09:00:00Z'), note: 'Ordered.', byId: ownerId },
        { at: new Date('2026-02-25T09:00:00Z'), kind: 'edited', note: 'Fixed a typo' },
      ],
    });

    const [card] = (await companyBoard()).companyActions;
    expect(card?.id).toMatch(/^[a-f\d]{24}$/);
    expect(card).toEqual({
      id: card?.id,
      title: 'New laptops',
      description: 'Replacing the oldest laptops first.',
      heard: 'Whole company · Tools',
      metric: 'driver',
      baseline: { value: 2.9, n: 40 },
      status: 'done',
      dueOn: '2026-06-30',
      // 23:30 UTC on 1 March is 2 March in the survey's zone (Oslo).
      completedOn: '2026-03-02',
      latestUpdate: { note: 'Half are replaced.', on: '2026-02-20', byName: 'Ana Lima' },
    });
    expect(JSON.stringify(card)).not.toContain(String(ownerId));
  });

  it('withholds a baseline that was withheld, or whose group is under the threshold now', async () => {
    const survey = await makeBoardSurvey(8);
    await makeBoardAction({ surveyId: survey._id, title: 'Withheld', baseline: null });
    await makeBoardAction({ surveyId: survey._id, title: 'Small', baseline: { value: 4, n: 6 } });
    await makeBoardAction({ surveyId: survey._id, title: 'Large', baseline: { value: 4, n: 8 } });
    // A driver's figure counts answers to several questions; the group is the people behind it.
    await makeBoardAction({
      surveyId: survey._id,
      title: 'Many answers, few people',
      baseline: { value: 4, n: 21, people: 7 },
    });
    await makeBoardAction({
      surveyId: survey._id,
      title: 'Enough people',
      baseline: { value: 4, n: 24, people: 8 },
    });

    const cards = (await companyBoard()).companyActions;
    const baselineOf = (title: string) => cards.find((card) => card.title === title)?.baseline;
    expect(baselineOf('Withheld')).toBeNull();
    expect(baselineOf('Small')).toBeNull();
    expect(baselineOf('Large')).toEqual({ value: 4, n: 8 });
    expect(baselineOf('Many answers, few people')).toBeNull();
    expect(baselineOf('Enough people')).toEqual({ value: 4, n: 8 });
  });

  it('has no latest update when no update carries a note', async () => {
    const survey = await makeBoardSurvey();
    await makeBoardAction({
      surveyId: survey._id,
      timeline: [{ at: new Date('2026-02-01T09:00:00Z'), kind: 'status', note: '  ' }],
    });
    expect((await companyBoard()).companyActions[0]?.latestUpdate).toBeNull();
  });
});
