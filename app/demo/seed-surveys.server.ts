import type { AnyBulkWriteOperation, Types } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { type Invite, InviteModel } from '../../models/invite.server';
import { PersonModel } from '../../models/person.server';
import { SurveyModel } from '../../models/survey.server';
import { cycleWindow } from '../surveys/cadence';
import { addDays, addMonths, localDate } from '../surveys/local-time';
import { questionsForCycle } from '../surveys/rotation';
import type { SurveyDefinition } from '../surveys/survey-schema';
import { validSurvey } from '../surveys/survey-validation';
import { surveyTemplates } from '../surveys/templates';
import { newKioskId, newToken } from '../surveys/tokens.server';
import type { DemoContext } from './seed.server';

// The demo's surveys: a weekly internal-service pulse rating IT, HR, Finance and the Kitchen,
// and a monthly engagement pulse (recognition and voice), each with its past twelve cycles closed and believable
// participation. The thirteenth cycle opens today at 09:00: the scheduler opens it and sends
// its invitations (into the outbox) like any other. Responses come with the answering issue.

export const demoPastCycles = 12;
const timeZone = 'Europe/Oslo';

interface DemoSurvey {
  templateId: string;
  cadence: 'weekly' | 'monthly';
  openDays: number;
  reminderDaysBeforeClose: number;
  providers: string[];
}

const demoSurveys: DemoSurvey[] = [
  {
    templateId: 'internal-service-quality',
    cadence: 'weekly',
    openDays: 4,
    reminderDaysBeforeClose: 1,
    providers: ['IT', 'HR', 'Finance', 'Kitchen'],
  },
  {
    templateId: 'recognition-and-voice',
    cadence: 'monthly',
    openDays: 7,
    reminderDaysBeforeClose: 2,
    providers: [],
  },
];

export async function seedSurveys(context: DemoContext, now = new Date()): Promise<void> {
  const roots = [
    'Executive board',
    'Sales',
    'Marketing',
    'Operations',
    'Customer service',
    'IT',
    'HR',
    'Finance',
  ];
  const idOf = (name: string) => {
    const id = context.departmentIds.get(name);
    if (!id) throw new Error(`The demo department ${name} was not seeded`);
    return String(id);
  };
  const people = await PersonModel.find({ active: true }, { departmentId: 1, language: 1 }).lean();
  const today = localDate(now, timeZone);

  for (const demo of demoSurveys) {
    const template = surveyTemplates.find((candidate) => candidate.id === demo.templateId);
    if (!template) throw new Error(`No survey template ${demo.templateId}`);
    const startDate =
      demo.cadence === 'weekly'
        ? addDays(today, -7 * demoPastCycles)
        : addMonths(today, -demoPastCycles);
    const definition: SurveyDefinition = validSurvey.parse({
      ...template.definition,
      audience: { departmentIds: roots.map(idOf), includeSubDepartments: true },
      providerDepartmentIds: demo.providers.map(idOf),
      schedule: {
        cadence: demo.cadence,
        startDate,
        openHour: 9,
        openDays: demo.openDays,
        timeZone,
        reminderDaysBeforeClose: demo.reminderDaysBeforeClose,
      },
    });
    // Idempotent: an interrupted seed finds its survey again by template.
    const survey = await SurveyModel.findOneAndUpdate(
      { templateId: demo.templateId },
      {
        $setOnInsert: {
          ...definition,
          templateId: demo.templateId,
          status: 'active',
          hasAnswers: true,
        },
      },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    if (!survey) throw new Error(`The demo survey ${demo.templateId} was not stored`);

    for (let number = 1; number <= demoPastCycles; number++) {
      const window = cycleWindow(definition.schedule, number);
      const cycle = await CycleModel.findOneAndUpdate(
        { surveyId: survey._id, number },
        {
          $setOnInsert: {
            opensAt: window.opensAt,
            closesAt: window.closesAt,
            remindAt: window.remindAt,
            status: 'closed',
            openedAt: window.opensAt,
            closedAt: window.closesAt,
            remindersAt: window.remindAt,
            questionIds: questionsForCycle(
              definition.questions,
              number,
              definition.rotation.maxQuestionsPerCycle,
            ),
            providerDepartmentIds: definition.providerDepartmentIds,
            kioskId: newKioskId(),
          },
        },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      if (!cycle) throw new Error(`Demo cycle ${number} was not stored`);
      await InviteModel.bulkWrite(
        people.map((person) => pastInvite(context, survey._id, cycle, person)),
      );
    }
  }
}

/**
 * A closed cycle's invite. Nothing on it says whether its person answered (seed-responses.server.ts
 * decides who did, as the app would, without writing it down); reminders went to everyone
 * invited. The token is random and thrown away: nobody can use a past invite.
 */
function pastInvite(
  context: DemoContext,
  surveyId: Types.ObjectId,
  cycle: { _id: Types.ObjectId; opensAt: Date; closesAt: Date; remindAt?: Date | null },
  person: { _id: Types.ObjectId; departmentId: Types.ObjectId; language: Invite['language'] },
): AnyBulkWriteOperation<Invite> {
  const reminded = Boolean(cycle.remindAt) && context.random() < 0.7;
  return {
    updateOne: {
      filter: { cycleId: cycle._id, personId: person._id },
      update: {
        $setOnInsert: {
          surveyId,
          departmentId: person.departmentId,
          language: person.language,
          tokenHash: newToken().hash,
          delivery: 'email',
          deliveryClaimedAt: cycle.opensAt,
          deliveredAt: cycle.opensAt,
          remindedAt: reminded ? (cycle.remindAt ?? null) : null,
        },
      },
      upsert: true,
    },
  };
}
