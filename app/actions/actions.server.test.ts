import { describe, expect, it } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { CycleModel } from '../../models/cycle.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { PersonModel } from '../../models/person.server';
import { makeAction, makeActionOrganisation } from '../../tests/factories/actions';
import { makePerson } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { message } from '../utils/message';
import { addUpdate, editAction, moveAction } from './action-changes.server';
import { listFilters } from './action-forms';
import { listActions } from './action-list.server';
import { loadFollowUp } from './action-page.server';
import { raiseAction } from './raise.server';

setupTestDatabase('actions');

// Noon in Oslo on 10 March 2026: "today" for every due date below.
const now = new Date('2026-03-10T11:00:00Z');

type Organisation = Awaited<ReturnType<typeof makeActionOrganisation>>;

function input(organisation: Organisation, fields: Record<string, unknown> = {}) {
  return {
    title: 'Replace the worn tools',
    description: 'Order new kit for the kitchen.',
    ownerId: organisation.leader.id,
    dueOn: '2026-04-01',
    published: 'on',
    source: {
      surveyId: String(organisation.survey._id),
      cycleId: String(organisation.cycles[1]?._id),
      metric: 'score',
      departmentId: String(organisation.departments[0]?._id),
    },
    ...fields,
  };
}

async function refusal(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  return 0;
}

describe('raiseAction', () => {
  it('stores the action linked to its result with the baseline of that moment', async () => {
    const organisation = await makeActionOrganisation();
    const result = await raiseAction(organisation.hr, input(organisation), now);
    expect(result.ok).toBe(true);
    const action = await ActionModel.findOne().lean();
    expect(action).toMatchObject({
      title: 'Replace the worn tools',
      status: 'open',
      published: true,
      dueOn: '2026-04-01',
      source: { metric: 'score', label: `Score · ${organisation.departments[0]?.name}` },
      baseline: { value: 4.05, n: 20, people: 10, sum: 81 },
    });
    expect(action?.baseline?.sumSquares).toBeCloseTo(329, 8);
    expect(action?.timeline).toEqual([
      expect.objectContaining({ kind: 'created', byName: 'Hana Admin', at: now }),
    ]);
  });

  it('keeps no baseline for a withheld group', async () => {
    const organisation = await makeActionOrganisation();
    // Team 2 answered with 2 people: the pages withhold it, so the action stores nothing of it.
    const result = await raiseAction(
      organisation.hr,
      input(organisation, {
        ownerId: organisation.hr.id,
        source: {
          ...input(organisation).source,
          departmentId: String(organisation.departments[2]?._id),
        },
      }),
      now,
    );
    expect(result.ok).toBe(true);
    expect((await ActionModel.findOne().lean())?.baseline).toBeNull();
  });

  it('refuses bad input field by field and stores nothing', async () => {
    const organisation = await makeActionOrganisation();
    const inactive = await makePerson({
      departmentId: organisation.departments[0]?._id ?? organisation.survey._id,
      leaderOf: [organisation.departments[0]?._id ?? organisation.survey._id],
      active: false,
    });
    // Refusals are message keys (~/utils/message), said in the reader's language by the page.
    const cases: [Record<string, unknown>, string, RegExp | string][] = [
      [{ title: '  ' }, 'title', 'actions:errors.titleRequired'],
      [{ title: 'x'.repeat(201) }, 'title', 'actions:errors.titleTooLong'],
      [{ description: 'x'.repeat(5001) }, 'description', 'actions:errors.descriptionTooLong'],
      [{ dueOn: '2026-03-09' }, 'dueOn', 'actions:errors.dueFromToday'],
      [{ dueOn: '2026-02-30' }, 'dueOn', 'actions:errors.dueMissingDay'],
      [
        { ownerId: organisation.otherLeader.id },
        'ownerId',
        message('actions:errors.ownerNotLeader', { name: organisation.otherLeader.name }),
      ],
      [{ ownerId: String(inactive._id) }, 'ownerId', 'actions:errors.ownerInactive'],
      [
        { source: { ...input(organisation).source, metric: 'question', questionId: 'q-nope' } },
        'source',
        'actions:errors.source.chooseQuestion',
      ],
    ];
    for (const [fields, field, message] of cases) {
      const result = await raiseAction(organisation.hr, input(organisation, fields), now);
      expect(result.ok, field).toBe(false);
      if (!result.ok && typeof message === 'string') {
        expect(result.errors[field], field).toEqual([message]);
      } else if (!result.ok) {
        expect(result.errors[field]?.join(' '), field).toMatch(message);
      }
    }
    // Today itself is fine.
    expect(
      (await raiseAction(organisation.hr, input(organisation, { dueOn: '2026-03-10' }), now)).ok,
    ).toBe(true);
    expect(await ActionModel.countDocuments()).toBe(1);
  });

  it('lets leaders raise actions only within their scope', async () => {
    const organisation = await makeActionOrganisation();
    const ownTeam = await raiseAction(organisation.leader, input(organisation), now);
    expect(ownTeam.ok).toBe(true);
    const otherTeam = input(organisation, {
      source: {
        ...input(organisation).source,
        departmentId: String(organisation.departments[1]?._id),
      },
    });
    expect(await refusal(raiseAction(organisation.leader, otherTeam, now))).toBe(403);
    const companyWide = input(organisation, {
      source: { ...input(organisation).source, departmentId: null },
    });
    expect(await refusal(raiseAction(organisation.leader, companyWide, now))).toBe(403);
    expect(await ActionModel.countDocuments()).toBe(1);
  });
});

describe('moveAction', () => {
  async function raised() {
    const organisation = await makeActionOrganisation();
    const result = await raiseAction(organisation.hr, input(organisation), now);
    if (!result.ok) throw new Error('not raised');
    return { organisation, id: result.id };
  }

  it('moves only along open → in progress → done, and done → open', async () => {
    const { organisation, id } = await raised();
    const move = (from: string, to: string) =>
      moveAction(organisation.leader, id, { from, to, note: '' }, now);
    const skip = await move('open', 'done');
    expect(skip).toMatchObject({
      ok: false,
      errors: { to: [message('actions:errors.cannotMove', { from: 'open', to: 'done' })] },
    });
    expect((await ActionModel.findById(id).lean())?.status).toBe('open');

    expect((await move('open', 'in-progress')).ok).toBe(true);
    expect((await move('in-progress', 'open')).ok).toBe(false);
    expect((await move('in-progress', 'done')).ok).toBe(true);
    const done = await ActionModel.findById(id).lean();
    expect(done?.status).toBe('done');
    expect(done?.completedAt).toEqual(now);
    expect(String(done?.completedCycleId)).toBe(String(organisation.cycles[1]?._id));

    expect((await move('done', 'open')).ok).toBe(true);
    const reopened = await ActionModel.findById(id).lean();
    expect(reopened).toMatchObject({ status: 'open', completedAt: null, completedCycleId: null });
    expect(reopened?.timeline.filter((item) => item.kind === 'status')).toEqual([
      expect.objectContaining({ from: 'open', to: 'in-progress', byName: 'Lars Leader' }),
      expect.objectContaining({ from: 'in-progress', to: 'done' }),
      expect.objectContaining({ from: 'done', to: 'open' }),
    ]);
  });

  it('marks done in the newest cycle that has opened, never a scheduled one', async () => {
    const { organisation, id } = await raised();
    await CycleModel.create({
      surveyId: organisation.survey._id,
      number: 3,
      opensAt: new Date('2026-03-12T08:00:00Z'),
      closesAt: new Date('2026-03-17T08:00:00Z'),
      status: 'open',
      kioskId: 'metric-open-3',
    });
    await CycleModel.create({
      surveyId: organisation.survey._id,
      number: 4,
      opensAt: new Date('2026-03-19T08:00:00Z'),
      closesAt: new Date('2026-03-24T08:00:00Z'),
      status: 'scheduled',
      kioskId: 'metric-scheduled-4',
    });
    await moveAction(organisation.hr, id, { from: 'open', to: 'in-progress' }, now);
    await moveAction(organisation.hr, id, { from: 'in-progress', to: 'done' }, now);
    const done = await ActionModel.findById(id, { completedCycleId: 1 }).lean();
    const third = await CycleModel.findOne({ number: 3 }).lean();
    expect(String(done?.completedCycleId)).toBe(String(third?._id));
  });

  it('lets only one of two simultaneous moves from the same status through', async () => {
    const { organisation, id } = await raised();
    const results = await Promise.all([
      moveAction(organisation.hr, id, { from: 'open', to: 'in-progress', note: 'me' }, now),
      moveAction(organisation.leader, id, { from: 'open', to: 'in-progress', note: 'me too' }, now),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const action = await ActionModel.findById(id).lean();
    expect(action?.timeline.filter((item) => item.kind === 'status')).toHaveLength(1);
  });

  it('refuses leaders out of scope with 403 and unknown actions with 404', async () => {
    const { organisation, id } = await raised();
    const move = { from: 'open', to: 'in-progress' };
    expect(await refusal(moveAction(organisation.otherLeader, id, move, now))).toBe(403);
    expect(
      await refusal(moveAction(organisation.hr, String(organisation.survey._id), move, now)),
    ).toBe(404);
    expect((await ActionModel.findById(id).lean())?.status).toBe('open');
  });
});

/** An open action on the second cycle of the first department, owned by its leader. */
function leadersAction(organisation: Awaited<ReturnType<typeof makeActionOrganisation>>) {
  return makeAction({
    surveyId: organisation.survey._id,
    cycleId: organisation.cycles[1]?._id ?? organisation.survey._id,
    departmentId: organisation.departments[0]?._id ?? null,
    ownerId: organisation.leader.id,
    dueOn: '2026-03-01',
  });
}

describe('editAction and addUpdate', () => {
  it('records each kind of change with who made it, and refuses a new past due date', async () => {
    const organisation = await makeActionOrganisation();
    const action = await leadersAction(organisation);
    const id = String(action._id);
    const fields = {
      title: 'Fix the tools',
      description: '',
      ownerId: organisation.leader.id,
      dueOn: '2026-03-01',
      published: '',
    };
    // An overdue date may stay as it is while other fields change…
    expect(
      (await editAction(organisation.leader, id, { ...fields, title: 'Fix the knives' }, now)).ok,
    ).toBe(true);
    // …but a new one must not be in the past.
    const past = await editAction(organisation.leader, id, { ...fields, dueOn: '2026-03-05' }, now);
    expect(past).toMatchObject({
      ok: false,
      errors: { dueOn: ['actions:errors.dueFromToday'] },
    });
    const other = await editAction(
      organisation.leader,
      id,
      { ...fields, ownerId: organisation.otherLeader.id },
      now,
    );
    expect(other.ok).toBe(false);

    const result = await editAction(
      organisation.hr,
      id,
      {
        ...fields,
        title: 'Fix the knives',
        dueOn: '2026-03-20',
        ownerId: organisation.hr.id,
        published: 'on',
      },
      now,
    );
    expect(result.ok).toBe(true);
    expect((await addUpdate(organisation.hr, id, { note: '  ' }, now)).ok).toBe(false);
    expect((await addUpdate(organisation.hr, id, { note: 'Knives ordered' }, now)).ok).toBe(true);

    const stored = await ActionModel.findById(id).lean();
    expect(stored).toMatchObject({ title: 'Fix the knives', dueOn: '2026-03-20', published: true });
    expect(String(stored?.ownerId)).toBe(organisation.hr.id);
    expect(
      stored?.timeline
        .slice(1)
        .map((item) => [item.kind, item.byName, item.from, item.to, item.note]),
    ).toEqual([
      [
        'edited',
        'Lars Leader',
        null,
        null,
        message('actions:timeline.changed', { fields: 'title' }),
      ],
      [
        'edited',
        'Hana Admin',
        null,
        null,
        message('actions:timeline.changed', {
          fields: 'dueOn',
          dueFrom: '2026-03-01',
          dueTo: '2026-03-20',
        }),
      ],
      ['owner', 'Hana Admin', 'Lars Leader', 'Hana Admin', null],
      ['published', 'Hana Admin', null, null, null],
      ['update', 'Hana Admin', null, null, 'Knives ordered'],
    ]);
  });
});

describe('listActions', () => {
  it('filters by status, owner, department and due date, soonest first, overdue marked', async () => {
    const organisation = await makeActionOrganisation();
    const [team0, team1] = organisation.departments;
    const base = {
      surveyId: organisation.survey._id,
      cycleId: organisation.cycles[1]?._id ?? organisation.survey._id,
    };
    await makeAction({
      ...base,
      title: 'Late',
      departmentId: team0?._id,
      ownerId: organisation.leader.id,
      dueOn: '2026-03-09',
    });
    await makeAction({
      ...base,
      title: 'Soon',
      departmentId: team0?._id,
      ownerId: organisation.hr.id,
      dueOn: '2026-03-16',
      status: 'in-progress',
    });
    await makeAction({
      ...base,
      title: 'Later',
      departmentId: team1?._id,
      ownerId: organisation.otherLeader.id,
      dueOn: '2026-05-01',
    });
    await makeAction({
      ...base,
      title: 'Done late',
      departmentId: team1?._id,
      ownerId: organisation.hr.id,
      dueOn: '2026-01-01',
      status: 'done',
    });
    await makeAction({
      ...base,
      title: 'Company',
      ownerId: organisation.hr.id,
      dueOn: '2026-06-01',
    });
    const titles = async (user = organisation.hr, filters: Record<string, string> = {}) =>
      (await listActions(user, { due: 'all', ...filters }, now)).rows.map((row) => row.title);

    expect(await titles()).toEqual(['Done late', 'Late', 'Soon', 'Later', 'Company']);
    const all = await listActions(organisation.hr, { due: 'all' }, now);
    expect(all.rows.filter((row) => row.overdue).map((row) => row.title)).toEqual(['Late']);
    expect(await titles(organisation.hr, { due: 'overdue' })).toEqual(['Late']);
    expect(await titles(organisation.hr, { due: 'week' })).toEqual(['Soon']);
    expect(await titles(organisation.hr, { status: 'in-progress' })).toEqual(['Soon']);
    expect(await titles(organisation.hr, { owner: organisation.hr.id })).toEqual([
      'Done late',
      'Soon',
      'Company',
    ]);
    expect(await titles(organisation.hr, { department: String(team1?._id) })).toEqual([
      'Done late',
      'Later',
    ]);
    // A leader sees their department's actions; the other leader theirs.
    expect(await titles(organisation.leader)).toEqual(['Late', 'Soon']);
    expect(await titles(organisation.otherLeader)).toEqual(['Done late', 'Later']);
  });
});

describe('telling an owner', () => {
  const mails = async () =>
    (await OutboxMailModel.find({}, { to: 1, subject: 1, text: 1 }).sort({ _id: 1 }).lean()).map(
      (mail) => ({ to: mail.to, subject: mail.subject, text: mail.text }),
    );

  it('mails the owner when an action is raised for them or handed to them, never for their own doing', async () => {
    const organisation = await makeActionOrganisation();
    const { hr, leader } = organisation;
    const raised = await raiseAction(hr, input(organisation), now);
    if (!raised.ok) throw new Error('not raised');
    const [first, ...others] = await mails();
    expect(others).toEqual([]);
    expect([first?.to, first?.subject]).toEqual([
      leader.email,
      'Action assigned to you: Replace the worn tools',
    ]);
    expect(first?.text).toContain(`/actions/${raised.id}`);
    expect(first?.text).toContain('Hana Admin made you the owner of an action');

    // Raising an action one owns oneself tells nobody.
    await raiseAction(hr, input(organisation, { ownerId: hr.id, title: 'Mine' }), now);
    expect(await mails()).toHaveLength(1);

    const fields = {
      title: 'Replace the worn tools',
      description: '',
      dueOn: '2026-04-01',
      published: 'on',
    };
    // Handed to HR by the leader: HR hears. Taken back by the leader: nobody does.
    expect((await editAction(leader, raised.id, { ...fields, ownerId: hr.id }, now)).ok).toBe(true);
    expect((await editAction(leader, raised.id, { ...fields, ownerId: leader.id }, now)).ok).toBe(
      true,
    );
    // An edit that keeps the owner tells nobody either.
    expect(
      (await editAction(hr, raised.id, { ...fields, title: 'New', ownerId: leader.id }, now)).ok,
    ).toBe(true);
    expect((await mails()).map((mail) => [mail.to, mail.subject])).toEqual([
      [leader.email, 'Action assigned to you: Replace the worn tools'],
      [hr.email, 'Action assigned to you: Replace the worn tools'],
    ]);
  });
  it('writes to the owner in their own language, with the link to the action', async () => {
    const organisation = await makeActionOrganisation();
    const { hr, leader } = organisation;
    await PersonModel.updateOne({ _id: leader.id }, { $set: { language: 'pl' } });
    const raised = await raiseAction(hr, input(organisation), now);
    if (!raised.ok) throw new Error('not raised');
    const [mail, ...others] = await mails();
    expect(others).toEqual([]);
    expect(mail?.to).toBe(leader.email);
    expect(mail?.subject).toBe('Powierzono Ci działanie: Replace the worn tools');
    expect(mail?.text.split('\n')).toEqual([
      'Dzień dobry, Lars Leader,',
      '',
      'Hana Admin powierza Ci odpowiedzialność za działanie z terminem 2026-04-01.',
      '',
      'Działanie: Replace the worn tools',
      // What was heard is stored as it was worded when the action was raised.
      `Źródło: ${(await ActionModel.findById(raised.id).lean())?.source.label}`,
      '',
      'Przeczytaj je, dodawaj aktualizacje i posuwaj je dalej tutaj:',
      expect.stringMatching(new RegExp(`^https?://[^ ]+/actions/${raised.id}$`)),
      '',
      'Twoi współpracownicy widzą opublikowane działania na tablicy „Mówicie, działamy”.',
    ]);
  });
});

describe('won’t do', () => {
  it('closes an open or started action only with a reason, shows it, and reopens', async () => {
    const organisation = await makeActionOrganisation();
    const action = await leadersAction(organisation);
    const id = String(action._id);
    const move = (fields: Record<string, string>) =>
      moveAction(organisation.leader, id, { from: 'open', to: 'wont-do', ...fields }, now);

    for (const reason of [undefined, '', '   ']) {
      expect(await move(reason === undefined ? {} : { reason })).toEqual({
        ok: false,
        errors: { reason: ['actions:errors.reasonRequired'] },
      });
    }
    expect((await ActionModel.findById(id).lean())?.status).toBe('open');

    const reason = 'The budget for new tools went to the kitchen floor instead.';
    expect((await move({ reason: ` ${reason} `, note: 'ignored' })).ok).toBe(true);
    const closed = await ActionModel.findById(id).lean();
    expect(closed).toMatchObject({ status: 'wont-do', wontDoReason: reason, completedAt: null });
    expect(closed?.timeline.at(-1)).toMatchObject({
      kind: 'status',
      from: 'open',
      to: 'wont-do',
      note: reason,
    });

    // Past its due date, yet not overdue: nothing is left to do. The list filters by it.
    const list = await listActions(organisation.hr, listFilters.parse({ status: 'wont-do' }), now);
    expect(list.rows.map((row) => [row.title, row.status, row.overdue])).toEqual([
      ['Fix the tools', 'wont-do', false],
    ]);
    const overdue = await listActions(organisation.hr, listFilters.parse({ due: 'overdue' }), now);
    expect(overdue.rows).toEqual([]);

    const reopen = await moveAction(organisation.leader, id, { from: 'wont-do', to: 'open' }, now);
    expect(reopen.ok).toBe(true);
    expect(await ActionModel.findById(id).lean()).toMatchObject({
      status: 'open',
      wontDoReason: null,
    });
    // Done stays done: "won't do" is for what has not been done.
    await ActionModel.updateOne({ _id: action._id }, { $set: { status: 'done' } });
    const fromDone = await moveAction(
      organisation.leader,
      id,
      { from: 'done', to: 'wont-do', reason },
      now,
    );
    expect(fromDone).toMatchObject({ ok: false, errors: { to: [expect.any(String)] } });
  });

  it('keeps actions stored before "won’t do" existed valid', async () => {
    const organisation = await makeActionOrganisation();
    const action = await makeAction({
      surveyId: organisation.survey._id,
      cycleId: organisation.cycles[1]?._id ?? organisation.survey._id,
      ownerId: organisation.hr.id,
      status: 'in-progress',
    });
    await ActionModel.collection.updateOne({ _id: action._id }, { $unset: { wontDoReason: '' } });
    const stored = await ActionModel.findById(action._id);
    expect(stored?.validateSync()).toBeUndefined();
    expect(stored?.wontDoReason).toBeNull();
  });
});

describe('loadFollowUp', () => {
  it('shows the baseline, the latest figure and the change between them', async () => {
    const organisation = await makeActionOrganisation();
    const raised = await raiseAction(
      organisation.hr,
      input(organisation, {
        source: { ...input(organisation).source, cycleId: String(organisation.cycles[0]?._id) },
      }),
      now,
    );
    if (!raised.ok) throw new Error('not raised');
    const action = await ActionModel.findById(raised.id).lean();
    if (!action) throw new Error('not stored');
    const followUp = await loadFollowUp(organisation.hr, action);
    expect(followUp.baseline).toEqual({ state: 'shown', n: 6, value: 3 });
    expect(followUp.latest).toMatchObject({ state: 'shown', value: 4.05 });
    expect(followUp.latestCycleNumber).toBe(2);
    // 1.05 ± 1.96·√(0.05/20 + 0/6) = 1.05 ± 0.098, sent rounded as the page shows it.
    expect(followUp.change).toEqual({ delta: 1.05, low: 0.95, high: 1.15, significant: true });
    expect(followUp.trend.series.map((series) => series.key)).toEqual(['metric', 'baseline']);
    expect(followUp.trend.markers).toEqual([
      { cycleId: String(organisation.cycles[0]?._id), label: 'actions:followUp.raised' },
    ]);
  });

  it('shows no change when the latest figure is withheld', async () => {
    const organisation = await makeActionOrganisation();
    const action = await makeAction({
      surveyId: organisation.survey._id,
      cycleId: organisation.cycles[0]?._id ?? organisation.survey._id,
      departmentId: organisation.departments[1]?._id ?? null,
      ownerId: organisation.hr.id,
    });
    await ActionModel.updateOne(
      { _id: action._id },
      { $set: { baseline: { value: 3, n: 6, people: 6, sum: 18, sumSquares: 54 } } },
    );
    const stored = await ActionModel.findById(action._id).lean();
    if (!stored) throw new Error('not stored');
    const followUp = await loadFollowUp(organisation.hr, stored);
    expect(followUp.latest).toEqual({ state: 'withheld' });
    expect(followUp.change).toBeNull();
  });
});
