import type { Types } from 'mongoose';

import type { Question, SurveyDefinition } from '../../app/surveys/survey-schema';
import { createSurvey } from '../../app/surveys/surveys.server';
import { CycleModel } from '../../models/cycle.server';
import { SurveyModel } from '../../models/survey.server';
import type { SurveyStatus } from '../../models/vocabulary';

/** One question of every type, each with texts in English and Norwegian. */
export const everyQuestionType: Question[] = [
  {
    id: 'q-scale',
    type: 'scale',
    text: { en: 'I have the tools I need.', nb: 'Jeg har verktøyene jeg trenger.' },
    driver: 'Tools',
    required: true,
    core: true,
    internalService: false,
    archived: false,
  },
  {
    id: 'q-nps',
    type: 'nps',
    text: { en: 'Would you recommend {department}?', nb: 'Vil du anbefale {department}?' },
    required: false,
    core: true,
    internalService: true,
    archived: false,
  },
  {
    id: 'q-single',
    type: 'single',
    text: { en: 'Where do you work most days?' },
    driver: 'Workspace',
    required: false,
    core: false,
    internalService: false,
    archived: false,
    choices: [
      { id: 'office', label: { en: 'Office', nb: 'Kontor' } },
      { id: 'home', label: { en: 'Home', nb: 'Hjemme' } },
    ],
  },
  {
    id: 'q-multi',
    type: 'multi',
    text: { en: 'What would help?', nb: 'Hva ville hjulpet?' },
    driver: 'Better coffee',
    required: false,
    core: false,
    internalService: false,
    archived: false,
    choices: [
      { id: 'training', label: { en: 'Training' } },
      { id: 'tools', label: { en: 'Tools' } },
      { id: 'time', label: { en: 'Time' } },
    ],
  },
  {
    id: 'q-text',
    type: 'text',
    text: { en: 'Anything else?', nb: 'Noe annet?' },
    required: false,
    core: true,
    internalService: false,
    archived: false,
    maxLength: 500,
  },
];

/** A valid survey definition; pass what matters to the test. */
export function surveyDefinitionWith(
  fields: Partial<SurveyDefinition> & { audienceIds?: (string | Types.ObjectId)[] } = {},
): SurveyDefinition {
  const { audienceIds, ...rest } = fields;
  return {
    title: { en: 'Weekly pulse', nb: 'Ukentlig puls' },
    intro: { en: 'Two minutes, anonymous.' },
    defaultLanguage: 'en',
    languages: ['en', 'nb'],
    audience: {
      departmentIds: (audienceIds ?? []).map(String),
      includeSubDepartments: true,
    },
    providerDepartmentIds: [],
    anonymityThreshold: 5,
    questions: everyQuestionType.map((question) => ({ ...question, internalService: false })),
    schedule: {
      cadence: 'weekly',
      startDate: '2026-01-05',
      openHour: 9,
      openDays: 5,
      timeZone: 'Europe/Oslo',
      reminderDaysBeforeClose: 2,
    },
    rotation: { maxQuestionsPerCycle: 12 },
    ...rest,
  };
}

/** A stored survey, active unless said otherwise. */
export async function makeSurvey(
  fields: Parameters<typeof surveyDefinitionWith>[0] & {
    status?: SurveyStatus;
  } = {},
) {
  const { status = 'active', ...definition } = fields;
  const id = await createSurvey(surveyDefinitionWith(definition));
  await SurveyModel.updateOne({ _id: id }, { $set: { status } });
  const survey = await SurveyModel.findById(id).lean();
  if (!survey) throw new Error('The survey was not stored');
  return survey;
}

/** An active survey of one department with its first cycle open now, for route tests. */
export async function createSurveyWithOpenCycle(departmentId: Types.ObjectId) {
  const survey = await makeSurvey({ audienceIds: [departmentId] });
  const now = Date.now();
  const cycle = await CycleModel.create({
    surveyId: survey._id,
    number: 1,
    opensAt: new Date(now - 60 * 60 * 1000),
    closesAt: new Date(now + 3 * 24 * 60 * 60 * 1000),
    remindAt: null,
    status: 'open',
    questionIds: survey.questions.map((question) => question.id),
    kioskId: `kiosk-${String(survey._id)}`,
  });
  return { surveyId: String(survey._id), cycleId: String(cycle._id) };
}
