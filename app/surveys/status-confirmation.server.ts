import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { audienceDepartments } from './audience.server';
import { getSurvey } from './surveys.server';

// What starting or ending a survey will do, told to HR before it happens: starting invites
// people, and ending cannot be undone, so both ask for confirmation with these facts.

export interface StartConfirmation {
  change: 'activate';
  /** Active people in the audience today: each gets an invitation when a cycle opens. */
  invited: number;
  startDate: string;
  openHour: number;
  timeZone: string;
  /**
   * The live departments its internal-service questions rate; null when it has none. Fewer than
   * two is worth a warning: the questions would rate nobody, or one department with no other
   * to compare it with.
   */
  rated: string[] | null;
}

export interface EndConfirmation {
  change: 'end';
  /** Cycles that ending closes at once (open or scheduled). */
  closing: number;
}

export type StatusConfirmation = StartConfirmation | EndConfirmation;

export async function statusConfirmation(
  surveyId: string,
  change: StatusConfirmation['change'],
): Promise<StatusConfirmation | null> {
  const survey = await getSurvey(surveyId);
  if (!survey) return null;
  if (change === 'end') {
    const closing = await CycleModel.countDocuments({
      surveyId: survey.id,
      status: { $in: ['scheduled', 'open'] },
    });
    return { change, closing };
  }
  const { definition } = survey;
  const departmentIds = await audienceDepartments(definition.audience);
  const invited = await PersonModel.countDocuments({
    departmentId: { $in: departmentIds },
    active: true,
  });
  const ratesProviders = definition.questions.some(
    (question) => question.internalService && !question.archived,
  );
  const rated = ratesProviders
    ? (
        await DepartmentModel.find(
          { _id: { $in: definition.providerDepartmentIds }, archivedAt: null },
          { name: 1 },
        )
          .sort({ nameKey: 1 })
          .lean()
      ).map((department) => department.name)
    : null;
  return {
    change,
    invited,
    startDate: definition.schedule.startDate,
    openHour: definition.schedule.openHour,
    timeZone: definition.schedule.timeZone,
    rated,
  };
}
