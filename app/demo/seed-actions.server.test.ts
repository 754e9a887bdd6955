import type { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { type Action, ActionModel } from '../../models/action.server';
import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { RollupModel } from '../../models/rollup.server';
import { SurveyModel } from '../../models/survey.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { respondentsQuestionId } from '../answering/rollups.server';
import { addDays, localDate } from '../surveys/local-time';
import { createLogger } from '../utils/log.server';
import { seedDemo, seedDemoIfWanted } from './seed.server';
import { seedActions } from './seed-actions.server';

setupTestDatabase('demo-actions');

const silent = createLogger('silent');

/**
 * The group an action follows, read straight from the rollups of one cycle: its respondents (the
 * '*' rollups) and the mean of the scores its metric covers.
 */
async function groupAt(action: Action, cycleId: Types.ObjectId) {
  const survey = await SurveyModel.findById(action.source.surveyId).lean();
  if (!survey) throw new Error('The action has no survey');
  const { metric, questionId, driver, departmentId, providerDepartmentId } = action.source;
  const questionIds = survey.questions
    .filter((question) => {
      if (metric === 'question') return question.id === questionId;
      if (question.type !== 'scale') return false;
      if (metric === 'driver') return question.driver === driver;
      if (metric === 'service') return question.internalService;
      return !question.internalService;
    })
    .map((question) => question.id);
  const inGroup = departmentId ? { departmentId } : {};
  const respondents = await RollupModel.find({
    cycleId,
    questionId: respondentsQuestionId,
    providerDepartmentId: null,
    ...inGroup,
  }).lean();
  const scores = await RollupModel.find({
    cycleId,
    questionId: { $in: questionIds },
    providerDepartmentId: providerDepartmentId ?? null,
    ...inGroup,
  }).lean();
  const count = scores.reduce((total, row) => total + (row.count ?? 0), 0);
  return {
    respondents: respondents.reduce((total, row) => total + (row.count ?? 0), 0),
    threshold: survey.anonymityThreshold,
    count,
    mean: scores.reduce((total, row) => total + (row.sum ?? 0), 0) / count,
  };
}

describe('the demo actions', () => {
  it('cover every state, owner kind and due date, with baselines from the rollups and done actions whose scores moved', async () => {
    const now = new Date();
    await seedDemo(silent);
    const today = localDate(now, 'Europe/Oslo');
    // The actions raised from results; the demo ideas add one of their own (seed-ideas.server.ts).
    const actions = await ActionModel.find({ 'source.metric': { $ne: 'idea' } }).lean();
    expect(actions.length).toBeGreaterThanOrEqual(12);
    expect(actions.length).toBeLessThanOrEqual(15);
    expect(new Set(actions.map(({ title }) => title)).size).toBe(actions.length);

    expect(new Set(actions.map(({ status }) => status))).toEqual(
      new Set(['open', 'in-progress', 'done', 'wont-do']),
    );
    // A won't-do action carries its reason, for the staff pages.
    for (const action of actions.filter(({ status }) => status === 'wont-do')) {
      expect(action.wontDoReason?.length).toBeGreaterThan(20);
    }
    expect(actions.filter(({ status }) => status === 'done').length).toBeGreaterThanOrEqual(3);
    expect(new Set(actions.map(({ published }) => published))).toEqual(new Set([true, false]));
    const companyWide = actions.filter(({ source }) => source.departmentId === null);
    expect(companyWide.length).toBeGreaterThanOrEqual(2);
    expect(companyWide.length).toBeLessThan(actions.length);
    const services = actions.filter(
      ({ source }) => source.metric === 'service' && source.providerDepartmentId,
    );
    expect(services.length).toBeGreaterThanOrEqual(2);

    const pending = actions.filter(({ status }) => status !== 'done');
    expect(pending.some(({ dueOn }) => dueOn < today)).toBe(true);
    expect(pending.some(({ dueOn }) => dueOn >= today && dueOn <= addDays(today, 7))).toBe(true);
    expect(pending.some(({ dueOn }) => dueOn > addDays(today, 7))).toBe(true);

    // Owners and everyone in the timelines are the demo's leaders and HR admin.
    const staff = await PersonModel.find({
      $or: [{ hrAdmin: true }, { 'leaderOf.0': { $exists: true } }],
    }).lean();
    const staffNames = new Map(staff.map((person) => [String(person._id), person.name]));
    expect(new Set(actions.map(({ ownerId }) => staffNames.get(String(ownerId))))).toEqual(
      new Set(['Ingrid Solberg', 'Tomasz Kowalczyk', 'Oksana Melnyk', 'James Whitfield']),
    );

    const kitchen = await DepartmentModel.findOne({ name: 'Kitchen' }).lean();
    const it = await DepartmentModel.findOne({ name: 'IT' }).lean();
    expect(
      services.some(
        ({ source }) =>
          kitchen?._id.equals(source.departmentId ?? '') &&
          it?._id.equals(source.providerDepartmentId ?? ''),
      ),
    ).toBe(true);

    let reopened = 0;
    let moved = 0;
    let withheld = 0;
    for (const action of actions) {
      // The timeline: created first, by the creator, then in order, all in the past.
      const [created, ...rest] = action.timeline;
      expect(created.kind).toBe('created');
      expect(String(created.byId)).toBe(String(action.createdById));
      expect(action.createdAt.getTime()).toBe(created.at.getTime());
      const times = action.timeline.map(({ at }) => at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(times).size).toBe(times.length);
      expect(Math.max(...times)).toBeLessThan(now.getTime());
      for (const entry of action.timeline) {
        expect(entry.byName).toBe(staffNames.get(String(entry.byId)));
      }
      const moves = rest.filter(({ kind }) => kind === 'status');
      let status = 'open';
      for (const move of moves) {
        expect(move.from).toBe(status);
        status = move.to ?? '';
      }
      expect(action.status).toBe(status);
      const path = moves.map(({ to }) => to).join(' ');
      if (path.includes('done open in-progress')) reopened++;

      const sourceCycle = await CycleModel.findById(action.source.cycleId).lean();
      expect(String(sourceCycle?.surveyId)).toBe(String(action.source.surveyId));
      expect(sourceCycle?.closesAt.getTime()).toBeLessThan(created.at.getTime());
      if (!sourceCycle) continue;

      // The baseline is the group's mean at the source cycle, or null where it was withheld.
      const then = await groupAt(action, sourceCycle._id);
      if (then.respondents < then.threshold) {
        expect(action.baseline).toBeNull();
        withheld++;
      } else {
        expect(action.baseline?.n).toBe(then.count);
        expect(action.baseline?.value).toBeCloseTo(then.mean, 9);
      }

      if (action.status !== 'done') {
        expect(action.completedAt).toBeNull();
        expect(action.completedCycleId).toBeNull();
        continue;
      }
      // Done in a later cycle of the same survey, while that cycle was open.
      const completed = await CycleModel.findById(action.completedCycleId).lean();
      expect(String(completed?.surveyId)).toBe(String(action.source.surveyId));
      expect(completed?.number).toBeGreaterThan(sourceCycle.number);
      const completedAt = action.completedAt?.getTime() ?? 0;
      expect(completedAt).toBe(moves.at(-1)?.at.getTime());
      expect(completedAt).toBeGreaterThanOrEqual(completed?.opensAt.getTime() ?? Infinity);
      expect(completedAt).toBeLessThanOrEqual(completed?.closesAt.getTime() ?? 0);

      const lastCycle = await CycleModel.findOne({
        surveyId: action.source.surveyId,
        status: 'closed',
      })
        .sort({ number: -1 })
        .lean();
      if (!lastCycle || !action.baseline) continue;
      const latest = await groupAt(action, lastCycle._id);
      if (latest.respondents >= latest.threshold && latest.mean > action.baseline.value) moved++;
    }
    expect(reopened).toBeGreaterThanOrEqual(1);
    expect(moved).toBeGreaterThanOrEqual(2);
    expect(withheld).toBeGreaterThanOrEqual(1);
    expect(withheld).toBeLessThan(actions.length);
  });

  it('are seeded once: a second run or a resumed one adds nothing and changes nothing', async () => {
    await seedDemo(silent);
    const first = await ActionModel.find().sort({ title: 1 }).lean();
    const context = {
      random: () => 0.5,
      logger: silent,
      departmentIds: new Map(
        (await DepartmentModel.find().lean()).map((department) => [
          department.name,
          department._id,
        ]),
      ),
    };
    await seedActions(context);
    expect(await ActionModel.find().sort({ title: 1 }).lean()).toEqual(first);

    // A seed stopped half-way through the actions finishes them on the next run.
    await ActionModel.deleteMany({ status: 'open' });
    await seedActions(context);
    const resumed = await ActionModel.find().sort({ title: 1 }).lean();
    expect(resumed.map(({ title }) => title)).toEqual(first.map(({ title }) => title));
    const kept = first.filter(({ status }) => status !== 'open');
    expect(resumed.filter(({ status }) => status !== 'open')).toEqual(kept);
  });

  it('are not seeded with DEMO=off', async () => {
    expect(
      await seedDemoIfWanted({
        setting: 'off',
        engine: 'embedded',
        nodeEnv: 'test',
        logger: silent,
      }),
    ).toBe(false);
    expect(await ActionModel.countDocuments()).toBe(0);
  });
});
