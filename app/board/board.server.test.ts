import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { SurveyModel } from '../../models/survey.server';
import { makeBoardAction, makeBoardSurvey } from '../../tests/factories/board';
import { makeInsightResults } from '../../tests/factories/insights';
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

    const board = await companyBoard('en');
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

    expect(titles((await companyBoard('en')).companyActions)).toEqual([
      'Going',
      'Open, due soon',
      'Open, due late',
      'Done in May',
      'Done in March',
    ]);
  });
});

describe('actions that will not be done', () => {
  it('leave the board even when published', async () => {
    const { _id: surveyId } = await makeBoardSurvey();
    await makeBoardAction({ surveyId, title: 'Going', status: 'in-progress' });
    await makeBoardAction({ surveyId, title: 'Dropped', status: 'wont-do' });
    expect(titles((await companyBoard('en')).companyActions)).toEqual(['Going']);
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

    const kitchenBoard = await departmentBoard(await keyOf(kitchen._id), 'en');
    expect(kitchenBoard?.department).toEqual({ name: 'Kitchen' });
    expect(titles(kitchenBoard?.departmentActions ?? []).sort()).toEqual([
      'Kitchen rates IT',
      'Kitchen tools',
    ]);
    expect(titles(kitchenBoard?.companyActions ?? []).sort()).toEqual([
      'Company',
      'Everyone rates IT',
    ]);

    const itBoard = await departmentBoard(await keyOf(it._id), 'en');
    expect(titles(itBoard?.departmentActions ?? []).sort()).toEqual([
      'Everyone rates IT',
      'Kitchen rates IT',
    ]);
    // Shown once, as IT's own.
    expect(titles(itBoard?.companyActions ?? [])).toEqual(['Company']);
  });

  it('knows no department for an unknown or malformed key', async () => {
    await makeDepartment('Kitchen');
    expect(await departmentBoard('AAAAAAAAAAAAAAAAAAAAAA', 'en')).toBeNull();
    expect(await departmentBoard('../../etc', 'en')).toBeNull();
    expect(await departmentBoard('', 'en')).toBeNull();
  });
});

describe('an action card', () => {
  it('carries what was heard, the latest update and days, and nothing that names staff by id', async () => {
    const { survey, cycles } = await makeInsightResults();
    const ownerId = (await makeDepartment('Owners'))._id;
    await makeBoardAction({
      surveyId: survey._id,
      cycleId: cycles[1]?._id,
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

    const [card] = (await companyBoard('en')).companyActions;
    expect(card?.id).toMatch(/^[a-f\d]{24}$/);
    expect(card).toEqual({
      id: card?.id,
      title: 'New laptops',
      description: 'Replacing the oldest laptops first.',
      writtenIn: 'en',
      heard: {
        metric: 'driver',
        driver: 'Tools',
        question: null,
        department: null,
        provider: null,
        label: null,
      },
      metric: 'driver',
      // The figure is read again from cycle 2's results, not taken from what was stored:
      // q-tools over all 20 people, 83 / 20.
      baseline: { value: 4.15, n: 20 },
      status: 'done',
      dueOn: '2026-06-30',
      // 23:30 UTC on 1 March is 2 March in the survey's zone (Oslo).
      completedOn: '2026-03-02',
      latestUpdate: { note: 'Half are replaced.', on: '2026-02-20', byName: 'Ana Lima' },
    });
    expect(JSON.stringify(card)).not.toContain(String(ownerId));
  });

  it('shows a baseline only as the organisation’s results of its cycle show it, whatever was stored', async () => {
    // Cycle 2: Team 0 has 10 people, Team 1 has 8 and Team 2 has 2: Team 2 is withheld, and
    // Team 1 with it as its complement.
    const { survey, departments, cycles } = await makeInsightResults();
    const cycleId = cycles[1]?._id;
    const score = (title: string, department: number, baseline: { value: number; n: number }) =>
      makeBoardAction({
        surveyId: survey._id,
        cycleId,
        title,
        metric: 'score',
        driver: null,
        departmentId: departments[department]?._id,
        baseline,
      });
    // What a leader of Team 1 alone was shown before withholding was decided organisation-wide.
    await score('Complement', 1, { value: 4.06, n: 8 });
    await score('Small', 2, { value: 4.5, n: 2 });
    // A stored number is never what the board shows: the cycle's figure is.
    await score('Shown', 0, { value: 1, n: 99 });
    await makeBoardAction({
      surveyId: survey._id,
      title: 'Gone cycle',
      baseline: { value: 4, n: 9 },
    });
    const open = await CycleModel.create({
      surveyId: survey._id,
      number: 3,
      opensAt: new Date('2026-02-01T08:00:00Z'),
      closesAt: new Date('2026-02-06T08:00:00Z'),
      status: 'open',
      kioskId: 'board-open-cycle',
    });
    await makeBoardAction({
      surveyId: survey._id,
      cycleId: open._id,
      title: 'Open cycle',
      baseline: { value: 4, n: 20 },
    });

    const baselines = async () => {
      const cards = [
        ...(await companyBoard('en')).companyActions,
        ...(
          await Promise.all(
            departments.map(async (department) =>
              departmentBoard(await keyOf(department._id), 'en'),
            ),
          )
        ).flatMap((board) => board?.departmentActions ?? []),
      ];
      return Object.fromEntries(cards.map((card) => [card.title, card.baseline]));
    };
    expect(await baselines()).toEqual({
      Complement: null,
      Small: null,
      // Team 0: q-tools nine 4s and a 5, q-growth ten 4s: 81 / 20.
      Shown: { value: 4.05, n: 10 },
      'Gone cycle': null,
      'Open cycle': null,
    });

    // A threshold raised since applies to old actions too.
    await SurveyModel.updateOne({ _id: survey._id }, { $set: { anonymityThreshold: 11 } });
    expect((await baselines()).Shown).toBeNull();
  });

  it('has no latest update when no update carries a note', async () => {
    const survey = await makeBoardSurvey();
    await makeBoardAction({
      surveyId: survey._id,
      timeline: [{ at: new Date('2026-02-01T09:00:00Z'), kind: 'status', note: '  ' }],
    });
    expect((await companyBoard('en')).companyActions[0]?.latestUpdate).toBeNull();
  });
});

describe('what was heard', () => {
  it('is given in parts, with the question in the reader’s language where the survey has it', async () => {
    const survey = await makeBoardSurvey();
    await SurveyModel.updateOne(
      { _id: survey._id },
      {
        $set: {
          languages: ['en', 'pl'],
          questions: [
            {
              id: 'q-quick',
              type: 'scale',
              text: {
                en: 'How quickly does {department} help?',
                pl: 'Jak szybko pomaga {department}?',
              },
              scale: { min: 1, max: 5 },
              required: true,
            },
          ],
        },
      },
      { strict: false },
    );
    const kitchen = await makeDepartment('Kitchen');
    const it = await makeDepartment('IT');
    await makeBoardAction({
      surveyId: survey._id,
      title: 'Faster help',
      metric: 'question',
      driver: null,
      questionId: 'q-quick',
      departmentId: kitchen._id,
      providerDepartmentId: it._id,
      label: 'Kitchen · How quickly does IT help?',
    });
    await makeBoardAction({
      surveyId: survey._id,
      title: 'Gone question',
      metric: 'question',
      driver: null,
      questionId: 'q-removed',
      departmentId: kitchen._id,
      label: 'Kitchen · A question since removed',
    });

    const polish = await departmentBoard(await keyOf(kitchen._id), 'pl');
    const heard = (title: string) =>
      polish?.departmentActions.find((action) => action.title === title)?.heard;
    expect(heard('Faster help')).toEqual({
      metric: 'question',
      driver: null,
      question: { text: 'Jak szybko pomaga {department}?', language: 'pl' },
      department: 'Kitchen',
      provider: 'IT',
      label: null,
    });
    // The survey no longer has it: the card shows the words staff saw.
    expect(heard('Gone question')).toMatchObject({
      question: null,
      label: 'Kitchen · A question since removed',
    });

    // A language the survey does not have reads the survey's default.
    const ukrainian = await departmentBoard(await keyOf(it._id), 'uk');
    expect(ukrainian?.departmentActions[0]?.heard.question).toEqual({
      text: 'How quickly does {department} help?',
      language: 'en',
    });
  });
});
