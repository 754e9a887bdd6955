import { DepartmentModel } from '../../models/department.server';
import { addDays, defaultTimeZone, localDate } from './local-time';
import type { SurveyDefinition } from './survey-schema';
import { createSurvey } from './surveys.server';
import { surveyTemplates } from './templates';

export type NewSurveyResult = { ok: true; surveyId: string } | { ok: false; message: string };

const blank: Omit<SurveyDefinition, 'audience' | 'providerDepartmentIds' | 'schedule'> & {
  schedule: Pick<SurveyDefinition['schedule'], 'cadence' | 'openDays' | 'reminderDaysBeforeClose'>;
} = {
  title: { en: 'Untitled survey' },
  intro: {},
  defaultLanguage: 'en',
  languages: ['en'],
  anonymityThreshold: 5,
  questions: [
    {
      id: 'q-first',
      type: 'scale',
      text: { en: 'Write your first question here.' },
      required: false,
      core: true,
      internalService: false,
      archived: false,
    },
  ],
  schedule: { cadence: 'monthly', openDays: 7, reminderDaysBeforeClose: 2 },
  rotation: { maxQuestionsPerCycle: 12 },
};

/**
 * A new draft survey, blank or from a template, filled with sensible guesses for what only the
 * organisation knows: everyone answers, support departments are the ones rated, and it starts
 * tomorrow at 09:00. It is a draft, so nothing runs until HR has checked it and starts it.
 */
export async function startSurvey(from: string, now: Date): Promise<NewSurveyResult> {
  const template = surveyTemplates.find((candidate) => candidate.id === from);
  if (!template && from !== 'blank')
    return { ok: false, message: 'Choose a template from the list.' };
  const base = template?.definition ?? blank;

  const departments = await DepartmentModel.find(
    { archivedAt: null },
    { parentId: 1, kind: 1 },
  ).lean();
  if (departments.length === 0) {
    return {
      ok: false,
      message:
        'A survey is sent to departments, and there are none yet. Add them under People first.',
    };
  }
  const live = new Set(departments.map((department) => String(department._id)));
  const roots = departments.filter(
    (department) => !department.parentId || !live.has(String(department.parentId)),
  );
  const providers = departments.filter((department) => department.kind === 'support');
  const ratesProviders = base.questions.some((question) => question.internalService);
  if (ratesProviders && providers.length === 0) {
    return {
      ok: false,
      message:
        'This template rates support departments (IT, HR, finance…), and there are none. Mark one as support under People, or start from another template.',
    };
  }

  const definition: SurveyDefinition = {
    ...base,
    audience: {
      departmentIds: roots.map((department) => String(department._id)),
      includeSubDepartments: true,
    },
    providerDepartmentIds: ratesProviders
      ? providers.map((department) => String(department._id))
      : [],
    schedule: {
      ...base.schedule,
      startDate: addDays(localDate(now, defaultTimeZone), 1),
      openHour: 9,
      timeZone: defaultTimeZone,
    },
  };
  return { ok: true, surveyId: await createSurvey(definition, { templateId: template?.id }) };
}
