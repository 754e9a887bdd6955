import { describe, expect, it } from 'vitest';

import { CycleModel } from '../../models/cycle.server';
import { SurveyModel } from '../../models/survey.server';
import { makeDepartment } from '../../tests/factories/organisation';
import { everyQuestionType, makeSurvey, surveyDefinitionWith } from '../../tests/factories/survey';
import { formDataOf } from '../../tests/support/survey-form-data';
import { setupTestDatabase } from '../../tests/support/test-database';
import { message } from '../utils/message';
import { handleDesignerPost } from './designer.server';
import { draftFromDefinition } from './designer-form';
import { startSurvey } from './new-survey.server';
import { runSchedulerOnce } from './scheduler.server';
import {
  changeStatus,
  createSurvey,
  duplicateSurvey,
  getSurvey,
  saveSurvey,
} from './surveys.server';

setupTestDatabase('surveys');

const now = new Date('2026-01-05T10:00:00Z');
const quiet = { delivery: { send: () => Promise.resolve(), appUrl: 'http://test' } };

async function department() {
  return makeDepartment(`Department ${Math.random().toString(36).slice(2, 8)}`);
}

describe('stored surveys', () => {
  it('roundtrip every question type through the model unchanged', async () => {
    const { _id } = await department();
    const definition = surveyDefinitionWith({ audienceIds: [_id] });
    const id = await createSurvey(definition);
    const loaded = await getSurvey(id);
    expect(loaded?.definition).toEqual(definition);
    expect(loaded).toMatchObject({
      status: 'draft',
      hasAnswers: false,
      revision: 0,
      cycleCount: 0,
    });
  });

  it('answer unknown and malformed ids with null', async () => {
    expect(await getSurvey('nonsense')).toBeNull();
    expect(await getSurvey('64b7f0c2a1b2c3d4e5f60718')).toBeNull();
    expect(await saveSurvey('nonsense', surveyDefinitionWith(), 0, now)).toBeNull();
    expect(await changeStatus('nonsense', 'pause', now)).toBeNull();
  });
});

describe('saveSurvey', () => {
  it('stores an edit and bumps the revision; a stale revision is refused and nothing is stored', async () => {
    const { _id } = await department();
    const id = await createSurvey(surveyDefinitionWith({ audienceIds: [_id] }));
    const edited = surveyDefinitionWith({ audienceIds: [_id], title: { en: 'Renamed' } });
    expect(await saveSurvey(id, edited, 0, now)).toEqual({ ok: true });
    expect((await getSurvey(id))?.revision).toBe(1);
    const stale = await saveSurvey(
      id,
      surveyDefinitionWith({ audienceIds: [_id], title: { en: 'Lost' } }),
      0,
      now,
    );
    expect(stale).toMatchObject({
      ok: false,
      errors: { form: ['surveys:errors.savedByOther'] },
    });
    expect((await getSurvey(id))?.definition.title).toEqual({ en: 'Renamed' });
  });

  it('refuses departments that do not exist', async () => {
    const { _id } = await department();
    const id = await createSurvey(surveyDefinitionWith({ audienceIds: [_id] }));
    const result = await saveSurvey(
      id,
      surveyDefinitionWith({ audienceIds: ['64b7f0c2a1b2c3d4e5f60718'] }),
      0,
      now,
    );
    expect(result).toEqual({
      ok: false,
      errors: { 'audience.departmentIds': ['surveys:errors.chooseDepartmentsFromList'] },
    });
  });

  it('keeps every question id once there are answers: a removed question is archived', async () => {
    const { _id } = await department();
    const survey = await makeSurvey({ audienceIds: [_id] });
    await SurveyModel.updateOne({ _id: survey._id }, { $set: { hasAnswers: true } });
    const stored = (await getSurvey(String(survey._id)))?.definition;
    if (!stored) throw new Error('missing');
    const reworded = stored.questions
      .slice(1)
      .map((question) => ({ ...question, text: { en: `New: ${question.text.en}` } }));
    expect(
      await saveSurvey(String(survey._id), { ...stored, questions: reworded }, 0, now),
    ).toEqual({ ok: true });
    const after = (await getSurvey(String(survey._id)))?.definition.questions;
    expect(after?.map(({ id, archived }) => [id, archived])).toEqual([
      ['q-nps', false],
      ['q-single', false],
      ['q-multi', false],
      ['q-text', false],
      ['q-scale', true],
    ]);
    expect(after?.[0].text.en).toMatch(/^New: /);
  });

  it('starts a new rhythm after the last cycle, and never in the past, once a survey has run', async () => {
    const { _id } = await department();
    const survey = await makeSurvey({ audienceIds: [_id] });
    await runSchedulerOnce(new Date('2026-01-13T10:00:00Z'), quiet);
    expect(await CycleModel.countDocuments({ surveyId: survey._id })).toBe(2);
    const id = String(survey._id);
    const definition = (await getSurvey(id))?.definition;
    if (!definition) throw new Error('missing');
    const later = new Date('2026-01-14T10:00:00Z');
    const monthly = (startDate: string) => ({
      ...definition,
      schedule: { ...definition.schedule, cadence: 'monthly' as const, startDate },
    });
    expect(await saveSurvey(id, monthly('2026-01-01'), 0, later)).toMatchObject({
      ok: false,
      errors: {
        'schedule.startDate': [message('surveys:errors.liveStartDate', { today: '2026-01-14' })],
      },
    });
    expect(await saveSurvey(id, monthly('2026-02-02'), 0, later)).toEqual({ ok: true });
    expect((await SurveyModel.findById(id).lean())?.cycleOffset).toBe(2);

    await runSchedulerOnce(new Date('2026-02-02T09:00:00Z'), quiet);
    const numbers = (
      await CycleModel.find({ surveyId: survey._id }).sort({ number: 1 }).lean()
    ).map((cycle) => [cycle.number, cycle.opensAt.toISOString()]);
    expect(numbers).toEqual([
      [1, '2026-01-05T08:00:00.000Z'],
      [2, '2026-01-12T08:00:00.000Z'],
      [3, '2026-02-02T08:00:00.000Z'],
    ]);
  });
});

describe('changeStatus', () => {
  it('refuses to start a survey offered in a language some of its texts lack, naming them', async () => {
    const { _id } = await department();
    // The factory's survey offers en and nb, but question 3 and question 4's choices are English only.
    const id = await createSurvey(surveyDefinitionWith({ audienceIds: [_id] }));
    const refused = await changeStatus(id, 'activate', now);
    expect(refused).toMatchObject({ ok: false });
    const message = refused && !refused.ok ? refused.message : '';
    expect(message).toContain('Norwegian Bokmål (nb)');
    expect(message).toContain('question 3 “Where do you work most days?”');
    expect(message).toContain('question 4 “What would help?”');
    expect(message).not.toContain('question 1 ');
    expect(message).not.toContain('English (en)');
    expect((await getSurvey(id))?.status).toBe('draft');
  });

  it('starts a draft only with a start date today or later', async () => {
    // Only the questions written in both of the survey's languages, so nothing else stops the start.
    const { _id } = await department();
    const id = await createSurvey(
      surveyDefinitionWith({
        audienceIds: [_id],
        questions: everyQuestionType
          .filter((q) => q.id !== 'q-single' && q.id !== 'q-multi')
          .map((q) => ({ ...q, internalService: false })),
      }),
    );
    const late = await changeStatus(id, 'activate', new Date('2026-01-06T10:00:00Z'));
    expect(late && !late.ok && late.message).toMatch(/^surveys:errors\.startDatePassed /);
    expect(await changeStatus(id, 'activate', now)).toEqual({ ok: true });
    expect(await changeStatus(id, 'activate', now)).toMatchObject({ ok: false });
  });

  it('pauses, resumes and ends; ending closes the open cycle', async () => {
    const { _id } = await department();
    const survey = await makeSurvey({ audienceIds: [_id] });
    const id = String(survey._id);
    await runSchedulerOnce(now, quiet);
    expect(await changeStatus(id, 'pause', now)).toEqual({ ok: true });
    expect(await changeStatus(id, 'resume', now)).toEqual({ ok: true });
    expect(await changeStatus(id, 'end', now)).toEqual({ ok: true });
    expect((await SurveyModel.findById(id).lean())?.status).toBe('ended');
    expect(await CycleModel.countDocuments({ surveyId: survey._id, status: 'open' })).toBe(0);
    expect(await changeStatus(id, 'resume', now)).toMatchObject({ ok: false });
  });
});

describe('duplicateSurvey', () => {
  it('makes a draft copy without archived questions or history', async () => {
    const { _id } = await department();
    const definition = surveyDefinitionWith({ audienceIds: [_id] });
    definition.questions[0] = { ...definition.questions[0], archived: true };
    const survey = await makeSurvey({ ...definition, audienceIds: [_id] });
    const copyId = await duplicateSurvey(String(survey._id), now);
    const copy = copyId ? await getSurvey(copyId) : null;
    expect(copy?.status).toBe('draft');
    expect(copy?.definition.title).toEqual({
      en: 'Weekly pulse (copy)',
      nb: 'Ukentlig puls (copy)',
    });
    expect(copy?.definition.questions.map((question) => question.id)).not.toContain('q-scale');
  });
});

describe('startSurvey', () => {
  it('fills in the organisation: everyone answers, support departments are rated, tomorrow at 09:00', async () => {
    const operations = await makeDepartment('Operations');
    await makeDepartment('Kitchen', { parentId: operations._id });
    const it = await makeDepartment('IT', { kind: 'support' });
    const result = await startSurvey('internal-service-quality', now);
    if (!result.ok) throw new Error(result.message);
    const survey = await getSurvey(result.surveyId);
    expect(survey?.status).toBe('draft');
    expect(survey?.definition.audience).toEqual({
      departmentIds: expect.arrayContaining([String(operations._id), String(it._id)]) as string[],
      includeSubDepartments: true,
    });
    expect(survey?.definition.audience.departmentIds).toHaveLength(2);
    expect(survey?.definition.providerDepartmentIds).toEqual([String(it._id)]);
    expect(survey?.definition.schedule).toMatchObject({
      startDate: '2026-01-06',
      openHour: 9,
      timeZone: 'Europe/Oslo',
    });
    expect(survey?.definition.languages).toHaveLength(6);
  });

  it('explains what is missing instead of failing', async () => {
    const empty = await startSurvey('blank', now);
    expect(!empty.ok && empty.message).toBe('surveys:errors.noDepartments');
    await makeDepartment('Sales');
    const unrated = await startSurvey('internal-service-quality', now);
    expect(!unrated.ok && unrated.message).toBe('surveys:errors.noSupportDepartments');
    expect(await startSurvey('no-such-template', now)).toMatchObject({ ok: false });
    expect(await startSurvey('blank', now)).toMatchObject({ ok: true });
  });
});

describe('handleDesignerPost', () => {
  it('stores nothing when the draft is refused, and sends the draft back', async () => {
    const { _id } = await department();
    const id = await createSurvey(surveyDefinitionWith({ audienceIds: [_id] }));
    const draft = draftFromDefinition(surveyDefinitionWith({ audienceIds: [_id] }));
    draft.anonymityThreshold = '2';
    draft.title.en = 'Changed but invalid';
    const form = formDataOf(draft);
    form.set('intent', 'save');
    form.set('revision', '0');
    const outcome = await handleDesignerPost(id, form, now);
    expect(outcome).toMatchObject({
      kind: 'refused',
      errors: { anonymityThreshold: ['surveys:errors.thresholdMinimum'] },
    });
    if (outcome.kind === 'refused') expect(outcome.draft.title.en).toBe('Changed but invalid');
    expect((await getSurvey(id))?.definition.title.en).toBe('Weekly pulse');
    expect((await getSurvey(id))?.revision).toBe(0);
  });

  it('reshapes the draft for an edit button without storing it', async () => {
    const { _id } = await department();
    const id = await createSurvey(surveyDefinitionWith({ audienceIds: [_id] }));
    const form = formDataOf(draftFromDefinition(surveyDefinitionWith({ audienceIds: [_id] })));
    form.set('intent', 'move-down:0');
    const outcome = await handleDesignerPost(id, form, now);
    if (outcome.kind !== 'edited') throw new Error(outcome.kind);
    expect(outcome.draft.questions.map((question) => question.id).slice(0, 2)).toEqual([
      'q-nps',
      'q-scale',
    ]);
    expect((await getSurvey(id))?.definition.questions[0].id).toBe('q-scale');
    expect(await handleDesignerPost('64b7f0c2a1b2c3d4e5f60718', form, now)).toEqual({
      kind: 'not-found',
    });
  });
});
