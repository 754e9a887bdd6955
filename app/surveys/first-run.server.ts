import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { SurveyModel } from '../../models/survey.server';
import { message } from '../utils/message';

export type FirstRunStep = 'people' | 'services' | 'survey' | 'start' | 'send';

export interface FirstRunItem {
  step: FirstRunStep;
  done: boolean;
  /** Where the step is done; for the later steps, the survey it concerns once there is one. */
  to: string;
  /** A few words on where things stand, from the data: a message key (see ~/utils/message). */
  detail: string;
}

/**
 * Internal-service questions rate the departments marked support; with one alone, its results
 * have nothing to be read against (the survey's start warns about the same).
 */
const enoughServices = 2;

/**
 * The first-run checklist HR sees until the first cycle has gone out. Every tick comes from the
 * data itself, never from a flag someone set, so it is right after an import, an edit made
 * elsewhere, or a second HR admin doing a step.
 */
export async function firstRunChecklist(): Promise<FirstRunItem[]> {
  const [people, services, surveys, sentCycle] = await Promise.all([
    PersonModel.countDocuments({ active: true, hrAdmin: false }),
    DepartmentModel.countDocuments({ kind: 'support', archivedAt: null }),
    SurveyModel.find({}, { status: 1, createdAt: 1 }).sort({ createdAt: 1 }).lean(),
    CycleModel.findOne({ openedAt: { $ne: null } }, { surveyId: 1 }).lean(),
  ]);
  const draft = surveys.find((survey) => survey.status === 'draft');
  const started = surveys.find((survey) => survey.status !== 'draft');
  const active = surveys.find((survey) => survey.status === 'active');
  return [
    {
      step: 'people',
      done: people > 0,
      to: '/people/import',
      detail:
        people > 0
          ? message('surveys:firstRun.peopleSome', { count: people })
          : 'surveys:firstRun.peopleNone',
    },
    {
      step: 'services',
      done: services >= enoughServices,
      to: '/people/departments',
      detail: message('surveys:firstRun.services', { count: services, needed: enoughServices }),
    },
    {
      step: 'survey',
      done: surveys.length > 0,
      to: '/surveys/new',
      detail:
        surveys.length > 0
          ? message('surveys:firstRun.surveysSome', { count: surveys.length })
          : 'surveys:firstRun.surveysNone',
    },
    {
      step: 'start',
      done: started !== undefined,
      to: draft ? `/surveys/${String(draft._id)}` : '/surveys/new',
      detail: started ? 'surveys:firstRun.started' : 'surveys:firstRun.notStarted',
    },
    {
      step: 'send',
      done: sentCycle !== null,
      to: active ? `/surveys/${String(active._id)}/cycles` : '/surveys',
      detail: sentCycle ? 'surveys:firstRun.sent' : 'surveys:firstRun.notSent',
    },
  ];
}
