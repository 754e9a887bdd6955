import { Types } from 'mongoose';

import { CycleModel } from '../../models/cycle.server';
import { DepartmentModel } from '../../models/department.server';
import type { LanguageCode } from '../../models/vocabulary';
import { audienceDepartments } from '../surveys/audience.server';
import { answeredOnDevice, kioskLimits, rememberAnswer } from '../surveys/kiosk.server';
import {
  type AnswerForm,
  answerFormOf,
  isCycleOpen,
  languageFor,
  loadOpenCycle,
  type OpenCycle,
} from './invite-link.server';
import { kioskCap, returnKioskAnswer, takeKioskAnswer } from './kiosk-tally.server';
import { submissionFromForm } from './submission-schema';
import { submitKioskResponse, type SubmitOutcome } from './submit.server';

// Open-link mode (/k/<kioskId>): no invite, so the respondent says which department they are in,
// each device answers each cycle once (a signed cookie), each network address only so often, and
// each department at most as many times as it has people (a count kept on the server). Anyone
// with the link can answer, so kiosk answers are rolled up apart (`kioskCount`) and never help a
// group reach the anonymity threshold.

export type KioskOutcome =
  | { status: 'unknown' }
  | { status: 'closed'; language: LanguageCode }
  | { status: 'answered'; language: LanguageCode }
  | {
      status: 'open';
      language: LanguageCode;
      form: AnswerForm;
      departments: { id: string; name: string }[];
    };

async function openCycleOf(kioskId: string): Promise<OpenCycle | null> {
  const cycle = await CycleModel.findOne({ kioskId: kioskId.slice(0, 100) }).lean();
  if (!cycle) return null;
  const open = await loadOpenCycle(cycle);
  return open?.survey.kiosk ? open : null;
}

async function departmentsOf(open: OpenCycle) {
  const ids = await audienceDepartments(open.definition.audience);
  const departments = await DepartmentModel.find(
    { _id: { $in: ids }, archivedAt: null },
    { name: 1 },
  )
    .sort({ name: 1 })
    .lean();
  return departments.map((department) => ({ id: String(department._id), name: department.name }));
}

export async function openKioskLink(
  kioskId: string,
  request: Request,
  now = new Date(),
): Promise<KioskOutcome> {
  const open = await openCycleOf(kioskId);
  if (!open) return { status: 'unknown' };
  const language = languageFor(open.definition, new URL(request.url).searchParams.get('lang'));
  if (!isCycleOpen(open.cycle, now)) return { status: 'closed', language };
  if (await answeredOnDevice(request, kioskId)) return { status: 'answered', language };
  return {
    status: 'open',
    language,
    form: await answerFormOf(open, language),
    departments: await departmentsOf(open),
  };
}

export type KioskSubmitOutcome =
  | Exclude<SubmitOutcome, { status: 'stored' }>
  | { status: 'too-many'; retryAfterSeconds: number }
  | { status: 'department-full' }
  | { status: 'stored'; receiptCode: string | null; setCookie: string };

export async function submitKioskForm(
  kioskId: string,
  request: Request,
  form: FormData,
  clientAddress: string,
  now = new Date(),
): Promise<KioskSubmitOutcome> {
  const open = await openCycleOf(kioskId);
  if (!open) return { status: 'unknown' };
  if (!isCycleOpen(open.cycle, now)) return { status: 'closed' };
  if (await answeredOnDevice(request, kioskId)) return { status: 'answered' };
  const departmentId = form.get('departmentId');
  const allowed = await audienceDepartments(open.definition.audience);
  if (typeof departmentId !== 'string' || !allowed.includes(departmentId)) {
    return { status: 'invalid', errors: { departmentId: ['Choose your department.'] } };
  }
  const allowance = await kioskLimits().consume({ kioskId, address: clientAddress });
  if (!allowance.allowed)
    return { status: 'too-many', retryAfterSeconds: allowance.retryAfterSeconds };
  const department = new Types.ObjectId(departmentId);
  const cap = await kioskCap(open.cycle, department);
  if (!(await takeKioskAnswer(open.cycle._id, department, cap))) {
    return { status: 'department-full' };
  }
  const payload = submissionFromForm(form, open.asked, open.definition.defaultLanguage);
  const outcome = await submitKioskResponse(open, department, payload, now).catch(
    async (error: unknown) => {
      await returnKioskAnswer(open.cycle._id, department);
      throw error;
    },
  );
  if (outcome.status !== 'stored') {
    await returnKioskAnswer(open.cycle._id, department);
    return outcome;
  }
  return { ...outcome, setCookie: await rememberAnswer(request, kioskId) };
}
