import { DepartmentModel } from '../../models/department.server';
import type { OrganisationSettings } from '../settings/organisation';
import { getSettings } from '../settings/organisation.server';
import { addDays, localDate } from './local-time';
import type { LocalizedText, Question, SurveyDefinition } from './survey-schema';
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
 * tomorrow at 09:00. The organisation's settings give its languages, anonymity threshold, time
 * zone and reminder. It is a draft, so nothing runs until HR has checked it and starts it.
 */
export async function startSurvey(from: string, now: Date): Promise<NewSurveyResult> {
  const template = surveyTemplates.find((candidate) => candidate.id === from);
  if (!template && from !== 'blank')
    return { ok: false, message: 'surveys:errors.unknownTemplate' };
  const base = template?.definition ?? blank;
  const settings = await getSettings();

  const departments = await DepartmentModel.find(
    { archivedAt: null },
    { parentId: 1, kind: 1 },
  ).lean();
  if (departments.length === 0) {
    return {
      ok: false,
      message: 'surveys:errors.noDepartments',
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
      message: 'surveys:errors.noSupportDepartments',
    };
  }

  const definition: SurveyDefinition = {
    ...inLanguages(base, settings),
    anonymityThreshold: settings.anonymityThreshold,
    audience: {
      departmentIds: roots.map((department) => String(department._id)),
      includeSubDepartments: true,
    },
    providerDepartmentIds: ratesProviders
      ? providers.map((department) => String(department._id))
      : [],
    schedule: {
      ...base.schedule,
      // A reminder comes before closing, so it is capped below the days the survey stays open.
      reminderDaysBeforeClose: Math.min(
        settings.reminderDaysBeforeClose,
        base.schedule.openDays - 1,
      ),
      startDate: addDays(localDate(now, settings.timeZone), 1),
      openHour: 9,
      timeZone: settings.timeZone,
    },
  };
  return { ok: true, surveyId: await createSurvey(definition, { templateId: template?.id }) };
}

type Base = Pick<SurveyDefinition, 'title' | 'intro' | 'questions' | 'defaultLanguage'>;

/**
 * The texts of a template or the blank survey in the organisation's languages only: a survey
 * holds no text in a language it does not offer. When the organisation's main language is one
 * the source lacks, the source's own main language stands in until HR writes it.
 */
function inLanguages<T extends Base>(
  base: T,
  { languages, defaultLanguage }: Pick<OrganisationSettings, 'languages' | 'defaultLanguage'>,
): T & Pick<SurveyDefinition, 'languages' | 'defaultLanguage'> {
  const keep = (text: LocalizedText): LocalizedText => {
    const kept: LocalizedText = {};
    for (const language of languages) {
      const value = text[language];
      if (value !== undefined) kept[language] = value;
    }
    const fallback = text[base.defaultLanguage];
    if (kept[defaultLanguage] === undefined && fallback !== undefined) {
      kept[defaultLanguage] = fallback;
    }
    return kept;
  };
  const question = (item: Question): Question =>
    'choices' in item
      ? {
          ...item,
          text: keep(item.text),
          choices: item.choices.map((choice) => ({ ...choice, label: keep(choice.label) })),
        }
      : { ...item, text: keep(item.text) };
  return {
    ...base,
    languages: [...languages],
    defaultLanguage,
    title: keep(base.title),
    intro: keep(base.intro),
    questions: base.questions.map(question),
  };
}
